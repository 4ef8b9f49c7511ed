import XCTest
import Subpix
import SubpixScript
@testable import SubpixTUI

/// Every key: the state before and after, and the statement it journals.
final class UpdateTests: XCTestCase {
    private let pane = (columns: 63, rows: 30)

    /// Presses `key` and returns the journal entries it added.
    private func press(_ key: Key, _ model: ViewerModel) -> [String] {
        let before = model.session.journal.count
        model.update(key, pane: pane)
        return Array(model.session.journal[before...])
    }

    func testParameterKeysRunAndJournalStatements() throws {
        let model = try demoModel()
        XCTAssertEqual(press(.character("T"), model), ["view.temperature = 1.25"])
        XCTAssertEqual(model.session.view.temperature, 1.25)
        XCTAssertEqual(press(.character("t"), model), ["view.temperature = 1.0"])
        XCTAssertEqual(press(.character("K"), model), ["view.kernel_size = (4, 4)"])
        XCTAssertEqual(press(.character("P"), model), ["view.padding = (2, 2)"])
        XCTAssertEqual(press(.character("k"), model), ["view.padding = (1, 1)", "view.kernel_size = (3, 3)"],
                       "shrinking the kernel lowers the padding first, so nothing is applied half-way")
        XCTAssertEqual(press(.character("S"), model), ["view.stride = (2, 2)"])
        XCTAssertEqual(press(.character("s"), model), ["view.stride = (1, 1)"])
        XCTAssertEqual(press(.character("p"), model), ["view.padding = (0, 0)"])
        XCTAssertEqual(press(.character("m"), model), ["view.method = \"nms2d\""])
        XCTAssertEqual(press(.character("m"), model), ["view.method = \"spatial_soft_argmax2d\""])
        XCTAssertEqual(press(.character("o"), model), ["view.compare = True"])
        XCTAssertEqual(model.runs.count, 3, "compare overlays every 2D method")
        XCTAssertEqual(press(.character("n"), model), ["view.normalized_coordinates = True"])
        XCTAssertEqual(press(.character("g"), model), ["view.palette = \"viridis\""])
        XCTAssertEqual(press(.character("b"), model), ["view.batch = 0"], "one batch: wraps to 0")
        XCTAssertEqual(press(.character("c"), model), ["view.channel = 0"])
    }

    func testRefusedParametersChangeNothingAndSayWhy() throws {
        let model = try demoModel()
        XCTAssertEqual(press(.character("P"), model), [])
        XCTAssertEqual(model.message, "padding (1, 1) is already half the kernel (3, 3); raise the kernel first")
        XCTAssertEqual(press(.character("s"), model), [])
        XCTAssertEqual(model.message, "stride is already at its minimum (1, 1)")
        for _ in 0..<3 { _ = press(.character("k"), model) }
        XCTAssertEqual(model.session.view.kernelSize, [1, 1])
        XCTAssertEqual(model.session.view.padding, [0, 0])
        XCTAssertEqual(press(.character("k"), model), [])
        XCTAssertEqual(model.message, "kernel_size is already at its minimum (1, 1)")
        XCTAssertEqual(press(.character("["), model), [])
        XCTAssertEqual(model.message, "no depth axis: the viewed tensor is not a volume")
    }

    func testVolumeKeysSwitchToTheDogAndStepThroughDepth() throws {
        let model = try demoModel()
        XCTAssertEqual(press(.character("v"), model), ["view.input = \"demo_dog\"", "view.depth = 0", "view.method = \"conv_quad_interp3d\""])
        XCTAssertEqual(model.viewed?.tensor.shape, [1, 1, 4, 48, 64])
        XCTAssertEqual(press(.character("]"), model), ["view.depth = 1"])
        XCTAssertEqual(press(.character("["), model), ["view.depth = 0"])
        XCTAssertEqual(press(.character("m"), model), ["view.method = \"iterative_quad_interp3d\""])
        XCTAssertNil(model.runs.first?.error)
        XCTAssertEqual(press(.character("v"), model).first, "view.input = \"demo\"")
    }

    func testViewerOnlyKeysJournalNothing() throws {
        let model = try demoModel()
        let (x, y) = (model.cursorX, model.cursorY)
        XCTAssertEqual(press(.right, model) + press(.down, model), [])
        XCTAssertEqual(model.cursorX, x + 1)
        XCTAssertEqual(model.cursorY, y + 1)
        XCTAssertEqual(press(.left, model) + press(.up, model), [])
        XCTAssertEqual(model.cursorX, x)
        XCTAssertEqual(press(.character("+"), model), [])
        XCTAssertEqual(model.viewport.zoom, 2)
        XCTAssertEqual(press(.character("-"), model), [])
        XCTAssertEqual(model.viewport.zoom, 1)
        _ = press(.character("+"), model)
        XCTAssertEqual(press(.character("0"), model), [])
        XCTAssertEqual(model.viewport, Viewport())
        XCTAssertEqual(press(.character("?"), model), [])
        XCTAssertEqual(model.mode, .help)
        _ = press(.character("x"), model)
        XCTAssertEqual(model.mode, .normal)
        _ = press(.pageDown, model)
        XCTAssertEqual(model.listOffset, 5)
        _ = press(.character("q"), model)
        XCTAssertTrue(model.shouldQuit)
    }

    func testCommandLineRunsStatementsWithHistory() throws {
        let model = try demoModel()
        for key: Key in [.character(":")] + "view.top_k = 2".map({ .character($0) }) + [.enter] { model.update(key, pane: pane) }
        XCTAssertEqual(model.session.view.topK, 2)
        XCTAssertEqual(model.session.journal.last, "view.top_k = 2")
        for key: Key in [.character(":")] + "nope(".map({ .character($0) }) + [.enter] { model.update(key, pane: pane) }
        XCTAssertEqual(model.message, "1:6: expected ')' to close the call, got end of input")
        model.update(.character(":"), pane: pane)
        model.update(.up, pane: pane)
        XCTAssertEqual(model.mode, .command("nope("))
        model.update(.up, pane: pane)
        XCTAssertEqual(model.mode, .command("view.top_k = 2"))
        model.update(.escape, pane: pane)
        XCTAssertEqual(model.mode, .normal)
        let long = String(repeating: "1", count: 10_500)
        model.update(.character(":"), pane: pane)
        for character in long { model.update(.character(character), pane: pane) }
        guard case .command(let text) = model.mode else { return XCTFail() }
        XCTAssertEqual(text.count, 10_000, "the command line stops growing at 10,000 characters")
    }

    func testResetWriteAndExport() throws {
        let model = try demoModel()
        _ = press(.character("T"), model)
        _ = press(.character("K"), model)
        XCTAssertEqual(press(.character("r"), model), ["view.temperature = 1.0", "view.padding = (0, 0)", "view.kernel_size = (3, 3)", "view.padding = (1, 1)"])
        XCTAssertEqual(model.session.view, {
            var expected = ViewSettings()
            expected.input = "demo"
            expected.minValue = 0.1
            return expected
        }())
        _ = press(.character("e"), model)
        let csv = model.outputDirectory.appendingPathComponent("subpix-keypoints.csv")
        XCTAssertEqual(model.message, "wrote 3 keypoints to \(csv.path)")
        XCTAssertEqual(try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").count, 4)
        _ = press(.character("e"), model)
        XCTAssertTrue(FileManager.default.fileExists(atPath: model.outputDirectory.appendingPathComponent("subpix-keypoints-2.csv").path),
                      "a second export never overwrites the first")
    }

    /// Keys → `w` → run the saved script in a fresh session → same parameters and keypoints.
    func testJournalRoundTrip() throws {
        let model = try demoModel()
        for key in "TTKSPmo".map({ Key.character($0) }) + [.character("o"), .character("n")] { model.update(key, pane: pane) }
        _ = press(.character("w"), model)
        let script = model.outputDirectory.appendingPathComponent("subpix-session.subpix")
        XCTAssertEqual(model.message, "wrote \(script.path)")
        let replay = Session(output: { _ in })
        XCTAssertEqual(ScriptRunner(path: script.path, arguments: [], keepGoing: false).run(in: replay) { XCTFail($0) }, 0)
        XCTAssertEqual(replay.view, model.session.view)
        let replayed = ViewerModel(session: replay, colorMode: .xterm256)
        XCTAssertEqual(replayed.runs.map(\.keypoints), model.runs.map(\.keypoints))
        XCTAssertFalse(model.runs.first?.keypoints.isEmpty ?? true)
    }
}

final class ClickTests: XCTestCase {
    /// At 100×32 the pane is 63×30 cells for the 64×48 demo: fitted scale s = max(64/63, 48/60)
    /// ≈ 1.0159 data px per screen px; the 60 screen rows show 60.95 data rows, so the map is
    /// centred with origin y = (48 − 60.95)/2 = −6.48. Cell (10, 5) covers screen pixel
    /// (10.5, 10.5): data pixel (⌊10.5·s⌋, ⌊−6.48 + 10.5·s⌋) = (10, 4). Clicks elsewhere do nothing.
    func testAClickMovesTheCursorToThePixelUnderIt() throws {
        let model = try demoModel()
        let layout = Layout(width: 100, height: 32)
        _ = Renderer().render(model, width: 100, height: 32)
        model.click(column: 10, row: 5, layout: layout)
        XCTAssertEqual(model.cursorX, 10)
        XCTAssertEqual(model.cursorY, 4)
        model.click(column: 90, row: 5, layout: layout)
        XCTAssertEqual(model.cursorX, 10, "a click on the side panel leaves the cursor")
        XCTAssertEqual(model.session.journal.count, 4, "clicks are viewer state, not statements")
    }
}
