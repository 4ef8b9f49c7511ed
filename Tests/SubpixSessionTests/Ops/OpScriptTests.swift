import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession
import TestSupport

/// One kornia golden case per op, expressed as a script: load the NumPy-written
/// input, call the op with keyword arguments, save the outputs as .npy, and
/// compare them with the NumPy-written expected files (kornia's numbers), in the
/// kornia release that made the case.
final class OpScriptTests: XCTestCase {
    private struct Case: Decodable {
        /// The kornia release that made the case (`0.7.4`, `0.9.0`).
        var kornia: String
        var args: [String: Argument]
        var inputs: [String]
        var outputs: Int
        var atol: Double
        var rtol: Double
    }

    /// A JSON argument rendered as script source.
    private enum Argument: Decodable {
        case number(Double), flag(Bool), list([Double])
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) { self = .flag(flag) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else { self = .list(try container.decode([Double].self)) }
        }
        var source: String {
            switch self {
            case .flag(let flag): flag ? "True" : "False"
            case .number(let value): value == value.rounded() && abs(value) < 1e6 ? String(Int(value)) : "\(value)"
            case .list(let values): "(" + values.map { String(Int($0)) }.joined(separator: ", ") + ")"
            }
        }
    }

    private static let manifest: [String: Case] = {
        let url = URL(fileURLWithPath: TestResources.path("ops/manifest.json"))
        return (try? JSONDecoder().decode([String: Case].self, from: Data(contentsOf: url))) ?? [:]
    }()

    func testTheManifestCoversEveryKorniaOp() {
        XCTAssertEqual(Set(Self.manifest.keys), Set(BuiltinRegistry.standard.builtins(in: .op).map(\.name)))
    }

    func testSpatialSoftmax2d() throws { try runGoldenCase("spatial_softmax2d") }
    func testSpatialExpectation2d() throws { try runGoldenCase("spatial_expectation2d") }
    func testSpatialSoftArgmax2d() throws { try runGoldenCase("spatial_soft_argmax2d") }
    func testRenderGaussian2d() throws { try runGoldenCase("render_gaussian2d") }
    func testConvSoftArgmax2d() throws { try runGoldenCase("conv_soft_argmax2d") }
    func testConvSoftArgmax3d() throws { try runGoldenCase("conv_soft_argmax3d") }
    func testConvQuadInterp3d() throws { try runGoldenCase("conv_quad_interp3d") }
    func testIterativeQuadInterp3d() throws { try runGoldenCase("iterative_quad_interp3d") }
    func testNMS2d() throws { try runGoldenCase("nms2d") }
    func testNMS3d() throws { try runGoldenCase("nms3d") }
    func testNMS3dMinmax() throws { try runGoldenCase("nms3d_minmax") }

    func testRenderGaussian2dRefusesAnOutputTooLargeToAllocate() throws {
        let session = Session(output: { _ in })
        XCTAssertThrowsError(try session.execute("render_gaussian2d(zeros((60000, 2)), ones((2,)), (100, 100))")) {
            XCTAssertEqual("\($0)", "1:50: render_gaussian2d(): expected size to be small enough for at most \(ReadLimits.maxBytes) bytes; raise it with --max-bytes or SUBPIX_MAX_BYTES, got tuple (100, 100)")
        }
        XCTAssertEqual(try session.execute("render_gaussian2d(zeros((5, 1, 2)), ones((7, 2)), (3, 4)).shape"),
                       .tuple([5, 7, 3, 4].map { .int($0) }), "leading axes broadcast")
    }

    /// Runs `op`'s case as a script (load, call with keywords, save) and compares the saved files.
    private func runGoldenCase(_ op: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = try XCTUnwrap(Self.manifest[op], "no golden case for \(op)", file: file, line: line)
        let directory = try scratchDirectory()
        let session = Session(kornia: try KorniaVersion(parsing: golden.kornia), output: { _ in })
        let inputs = golden.inputs.map { name in "\(name)_in = load('\(TestResources.path("ops/\(op).\(name).npy"))')" }
        // Inputs of 3 or more axes keep their shape; render's std (2,) is 1D, which load gives batch axes: undo them.
        let names = golden.inputs.map { op == "render_gaussian2d" && $0 == "std" ? "\($0)_in[0, 0, 0]" : "\($0)_in" }
        let keywords = golden.args.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.source)" }
        let outputs = (0..<golden.outputs).map { "out\($0)" }
        var lines = inputs + ["\(outputs.joined(separator: ", ")) = \(op)(\((names + keywords).joined(separator: ", ")))"]
        lines += outputs.map { "save(\($0), '\(directory.path)/\(op).\($0).npy')" }
        try session.execute(lines.joined(separator: "\n"))
        for index in 0..<golden.outputs {
            guard case .tensor(let got) = try TensorFile.load("\(directory.path)/\(op).out\(index).npy"),
                  case .tensor(let want) = try TensorFile.load(TestResources.path("ops/\(op).out\(index).npy"))
            else { return XCTFail("\(op): outputs are not tensors", file: file, line: line) }
            XCTAssertEqual(got.shape, want.shape, "\(op) output \(index)", file: file, line: line)
            for (g, w) in zip(got.doubles, want.doubles) where !(g.isNaN && w.isNaN) {
                XCTAssertEqual(g, w, accuracy: golden.atol + golden.rtol * abs(w), "\(op) output \(index)", file: file, line: line)
            }
        }
    }
}
