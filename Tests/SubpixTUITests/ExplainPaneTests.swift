import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

final class ExplainPaneTests: XCTestCase {
    private let pane = (columns: 63, rows: 30)

    /// The pane's x̂, ŷ for the window under the cursor are the op's own output there.
    func testWindowExplanationMatchesTheOpAndSnapshot() throws {
        let model = try demoModel()
        (model.cursorX, model.cursorY) = (14, 13)
        model.update(.character("x"))
        XCTAssertEqual(model.mode, .explain)
        let lines = ExplainPane(model: model).lines
        // The op's own output at the window centred on (14, 13): 3×3, stride 1, padding 1 → output index (13, 14).
        let demo: Tensor<Double> = try XCTUnwrap(model.viewed?.tensor).tensor()
        let (coords, _) = try convSoftArgmax2d(demo, kernelSize: [3, 3], stride: [1, 1], padding: [1, 1], normalizedCoordinates: false)
        let op = (x: coords.elements[13 * 64 + 14], y: coords.elements[48 * 64 + 13 * 64 + 14])
        let inspector = try XCTUnwrap(WindowWeights.coordinate(try XCTUnwrap(model.slice), x: 14, y: 13, view: model.session.view))
        XCTAssertEqual(inspector.x, op.x, accuracy: 1e-6, "the inspector's coordinate is the op's (to eps·x/Σe)")
        XCTAssertEqual(inspector.y, op.y, accuracy: 1e-6)
        XCTAssertTrue(lines.contains { $0.hasSuffix(String(format: "= %.4f", op.x)) && $0.hasPrefix("x̂") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasSuffix(String(format: "= %.4f", op.y)) && $0.hasPrefix("ŷ") }, "\(lines)")
        XCTAssertTrue(try assertSnapshot(rendered(model, 100, 32), named: "explain-window-100x32") == (true, true))
    }

    /// Issue 25, item 12: `x` explains the whole-map methods, and the point it works out
    /// (in doubles, from the shown map) is the one the method lists (the op's, to 1e-4 px).
    func testWholeMapExplanationsGiveTheListedPoint() throws {
        for method in ["spatial_soft_argmax2d", "centroid_com"] {
            let model = try demoModel()
            XCTAssertTrue(model.run("view.method = '\(method)'"), model.message ?? "")
            model.update(.character("x"))
            let lines = ExplainPane(model: model).lines
            XCTAssertTrue(lines[0].hasPrefix(method + ":"), "\(lines)")
            let arrow = try XCTUnwrap(lines.first { $0.hasPrefix("→ (") }, "\(lines)")
            let numbers = arrow.dropFirst(3).split(whereSeparator: { ",)".contains($0) }).prefix(2).compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            let listed = try XCTUnwrap(model.runs.first?.keypoints.first, method)
            XCTAssertEqual(numbers.count, 2, arrow)
            XCTAssertEqual(numbers.first ?? .nan, listed.x, accuracy: 1e-4, method)
            XCTAssertEqual(numbers.last ?? .nan, listed.y, accuracy: 1e-4, method)
        }
    }

    /// At a strict maximum of the demo's DoG volume the pane's accepted position is kornia
    /// 0.7's conv_quad_interp3d output (one step); in 0.9 the pane explains its iterations.
    func testQuadExplanationMatchesTheOpAndSnapshot() throws {
        let iterated = try demoModel()
        iterated.update(.character("v"))
        XCTAssertEqual(iterated.session.view.method, .convQuadInterp3d)
        iterated.update(.character("x"))
        XCTAssertTrue(ExplainPane(model: iterated).lines[0].hasSuffix("max_subpixel_shift 0.6"), "kornia 0.9 iterates")
        let model = try demoModel(kornia: .v0_7)
        model.update(.character("v"))
        let volume: Tensor<Double> = try XCTUnwrap(model.viewed?.tensor).tensor()
        let mask = try nms3dMask(volume, kernelSize: [3, 3, 3])
        let (coords, values) = try convQuadInterp3d(volume, strictMaximaBonus: 10)
        let (depth, height, width) = (volume.shape[2], volume.shape[3], volume.shape[4])
        let strongest = try XCTUnwrap((0..<mask.count).filter { mask.elements[$0] }.max { volume.elements[$0] < volume.elements[$1] })
        let (d, y, x) = (strongest / (height * width), strongest / width % height, strongest % width)
        XCTAssertLessThan(d, depth)
        model.run("view.depth = \(d)")
        (model.cursorX, model.cursorY) = (x, y)
        model.update(.character("x"))
        let lines = ExplainPane(model: model).lines
        let plane = height * width
        let expected = String(format: "accepted → (%.3f, %.3f, %.3f)", coords.elements[plane * depth + strongest],
                              coords.elements[2 * plane * depth + strongest], coords.elements[strongest])
        XCTAssertTrue(lines.contains { $0.hasSuffix(expected) }, "\(lines) vs \(expected)")
        XCTAssertTrue(lines.contains(String(format: "value f + ½ gᵀd = %.5g", values.elements[strongest] - 10)), "bonus 10 is added by the op, not the step")
        XCTAssertTrue(try assertSnapshot(rendered(model, 100, 32), named: "explain-quad-100x32") == (true, true))
    }

    /// iterative_quad_interp3d explains kornia 0.9's loop (max_subpixel_shift 0.6, steps to the
    /// neighbour voxel), not the single-step 0.7 rule; its refined point is the op's output.
    func testIterativeExplanationFollowsTheOpsLoop() throws {
        let model = try demoModel()
        model.update(.character("v"))
        model.run("view.method = 'iterative_quad_interp3d'")
        let volume: Tensor<Double> = try XCTUnwrap(model.viewed?.tensor).tensor()
        let mask = try nms3dMask(volume, kernelSize: [3, 3, 3])
        let (coords, values) = try iterativeQuadInterp3d(volume, nIters: model.session.view.nIters, precomputedNMSMask: mask)
        let (height, width) = (volume.shape[3], volume.shape[4])
        let plane = height * width, depth = volume.shape[2]
        var checked = 0
        for index in (0..<mask.count).filter({ mask.elements[$0] }) {
            let (d, y, x) = (index / plane, index / width % height, index % width)
            model.run("view.depth = \(d)")
            (model.cursorX, model.cursorY) = (x, y)
            model.update(.character("x"))
            let lines = ExplainPane(model: model).lines
            XCTAssertTrue(lines[0].hasSuffix("max_subpixel_shift 0.6"), lines[0])
            XCTAssertFalse(lines.contains { $0.contains("> 0.7") || $0.contains("≤ 0.7") }, "not the single-step rule: \(lines)")
            let (cd, cx, cy) = (coords.elements[index], coords.elements[plane * depth + index], coords.elements[2 * plane * depth + index])
            if cd != Double(d) || cx != Double(x) || cy != Double(y) {
                let expected = String(format: "refined → (%.3f, %.3f, %.3f)", cx, cy, cd)
                XCTAssertTrue(lines.contains(expected), "\(lines) vs \(expected)")
                XCTAssertTrue(lines.contains(String(format: "value f + ½ gᵀδ = %.5g", values.elements[index])), "\(lines)")
                XCTAssertTrue(lines.allSatisfy { $0.count <= pane.columns }, "fits the pane: \(lines)")
                checked += 1
            }
            model.update(.escape)
        }
        XCTAssertGreaterThan(checked, 0, "some maxima of the demo's DoG volume are refined")
    }
}

/// The `x` pane and the cursor's window follow the session's kornia release: 0.7.4's
/// offsets `2t/(k−1) − 1` and map-wide maximum, or 0.9's whole pixels and per-window
/// softmax, checked against kornia's own outputs (the golden cases in Tests/SubpixTests/Fixtures).
final class ExplainPaneKorniaTests: XCTestCase {
    private struct Fixture: Decodable {
        struct Array: Decodable { var shape: [Int]; var data: [Double] }
        struct Case: Decodable { var name: String; var dtype: String; var inputs: [String: Array]; var outputs: [Array] }
        var cases: [Case]
    }

    /// The float64 case `k(5, 5)_s(1, 1)_p(2, 2)_t0.1_nFalse` of conv_soft_argmax2d in `directory`
    /// (kornia/ for 0.7.4, kornia-0.9/ for 0.9): a (2, 3, 11, 9) input, the same in both sets.
    private func fixture(_ directory: String) throws -> (input: AnyTensor, coords: Fixture.Array) {
        let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SubpixTests/Fixtures/\(directory)/conv_soft_argmax2d.json")
        let cases = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).cases
        let found = try XCTUnwrap(cases.first { $0.name == "k(5, 5)_s(1, 1)_p(2, 2)_t0.1_nFalse" && $0.dtype == "float64" })
        let input = try XCTUnwrap(found.inputs["input"])
        return (.float64(try Tensor(shape: input.shape, elements: input.data)), found.outputs[0])
    }

    /// At the cursor (x 4, y 5) of map (0, 0), kernel 5, padding 2, T = 0.1, the pane's
    /// x̂ and ŷ are kornia's output there (index (0, 0, axis, 5, 4) of (2, 3, 2, 11, 9)),
    /// and its offsets line is the release's: −1 −0.5 0 0.5 1 in 0.7.4, −2 … 2 in 0.9.
    func testTheWindowPaneFollowsTheKorniaRelease() throws {
        for (version, directory, offsets) in [(KorniaVersion.v0_7, "kornia", "offsets 2t/(k−1) − 1: x -1 -0.5 0 0.5 1"),
                                              (.v0_9, "kornia-0.9", "offsets t − (k−1)/2: x -2 -1 0 1 2")] {
            let (input, coords) = try fixture(directory)
            let session = Session(kornia: version, output: { _ in })
            session.bind("heat", tensor: input)
            let model = ViewerModel(session: session, colorMode: .xterm256, outputDirectory: try scratchDirectory("subpix-explain"))
            model.run("view.input = 'heat'")
            model.run("view.kernel_size, view.padding = (5, 5), (2, 2)")
            model.run("view.temperature = 0.1")
            (model.cursorX, model.cursorY) = (4, 5)
            model.update(.character("x"))
            let lines = ExplainPane(model: model).lines
            XCTAssertTrue(lines.contains(offsets), "\(version): \(lines)")
            XCTAssertTrue(lines[0].hasSuffix("kornia \(version.rawValue)"), lines[0])
            XCTAssertTrue(lines.contains(version == .v0_7 ? "e = exp((x − map max) / T):" : "e = exp((x − window max) / T):"), "\(lines)")
            for (axis, name) in [(0, "x̂"), (1, "ŷ")] {
                let expected = coords.data[axis * 99 + 5 * 9 + 4]
                XCTAssertTrue(lines.contains { $0.hasPrefix(name) && $0.hasSuffix(String(format: "= %.4f", expected)) }, "\(version) \(name) \(expected): \(lines)")
                let readout = try XCTUnwrap(WindowWeights.coordinate(try XCTUnwrap(model.slice), x: 4, y: 5, view: model.session.view))
                XCTAssertEqual(axis == 0 ? readout.x : readout.y, expected, accuracy: 1e-9, "\(version): the cursor's readout is kornia's")
            }
        }
    }
}
