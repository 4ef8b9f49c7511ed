import XCTest
import Subpix
@testable import SubpixScript

/// One kornia golden case per op, expressed as a script: load the NumPy-written
/// input, call the op with keyword arguments, save the outputs as .npy, and
/// compare them with the NumPy-written expected files (kornia's numbers).
final class OpScriptTests: XCTestCase {
    private struct Case: Decodable {
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

    func testEveryOpRunsFromAScriptOnNumPyFiles() throws {
        let manifest = try JSONDecoder().decode(
            [String: Case].self, from: Data(contentsOf: URL(fileURLWithPath: TestResources.path("ops/manifest.json"))))
        XCTAssertEqual(Set(manifest.keys), Set(["spatial_softmax2d", "spatial_expectation2d", "spatial_soft_argmax2d", "render_gaussian2d",
                                                "conv_soft_argmax2d", "conv_soft_argmax3d", "conv_quad_interp3d", "iterative_quad_interp3d",
                                                "nms2d", "nms3d"]))
        let directory = try TestResources.scratchDirectory()
        for (op, golden) in manifest.sorted(by: { $0.key < $1.key }) {
            let session = Session(output: { _ in })
            let inputs = golden.inputs.map { name in "\(name)_in = load('\(TestResources.path("ops/\(op).\(name).npy"))')" }
            // 5D inputs keep their shape and 4D too; render's mean/std are (*, 2): undo the 2D rule.
            let names = golden.inputs.map { op == "render_gaussian2d" ? "\($0)_in[0, 0]" : "\($0)_in" }
            let keywords = golden.args.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.source)" }
            let call = "\(op)(\((names + keywords).joined(separator: ", ")))"
            let outputs = (0..<golden.outputs).map { "out\($0)" }
            var lines = inputs + ["\(outputs.joined(separator: ", ")) = \(call)"]
            lines += outputs.map { "save(\($0), '\(directory.path)/\(op).\($0).npy')" }
            try session.execute(lines.joined(separator: "\n"))
            for index in 0..<golden.outputs {
                guard case .tensor(let got) = try TensorFile.load("\(directory.path)/\(op).out\(index).npy"),
                      case .tensor(let want) = try TensorFile.load(TestResources.path("ops/\(op).out\(index).npy"))
                else { return XCTFail(op) }
                XCTAssertEqual(got.shape, want.shape, "\(op) output \(index)")
                for (g, w) in zip(got.doubles, want.doubles) where !(g.isNaN && w.isNaN) {
                    XCTAssertEqual(g, w, accuracy: golden.atol + golden.rtol * abs(w), "\(op) output \(index)")
                }
            }
        }
    }
}
