import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// Every key: the state before and after, and the statement it journals.
final class UpdateTests: XCTestCase {
    private let pane = (columns: 63, rows: 30)

    /// Presses `key` and returns the journal entries it added.
    private func press(_ key: Key, _ model: ViewerModel) -> [String] {
        let before = model.session.journal.count
        model.send(key)
        return Array(model.session.journal[before...])
    }

    func testParameterKeysRunAndJournalStatements() throws {
        let model = try demoModel()
        XCTAssertEqual(press(.character("T"), model), ["view.temperature = 1.25"])
        XCTAssertEqual(model.session.view.temperature, 1.25)
        XCTAssertEqual(press(.character("t"), model), ["view.temperature = 1.0"])
        XCTAssertEqual(press(.character("S"), model), ["view.stride = (2, 2)"])
        XCTAssertEqual(press(.character("s"), model), ["view.stride = (1, 1)"])
        XCTAssertEqual(press(.character("p"), model), ["view.padding = (0, 0)"])
        XCTAssertEqual(press(.character("m"), model), ["view.method = 'nms2d'"])
        XCTAssertEqual(press(.character("m"), model), ["view.method = 'quarter'"], "the field's decoders follow")
        XCTAssertEqual(press(.character("o"), model), ["view.compare = True"])
        XCTAssertEqual(model.runs.map(\.method.name), ["spatial_soft_argmax2d", "conv_soft_argmax2d", "nms2d", "quarter", "parabola",
                                                           "gaussian", "centroid3", "centroid_com", "quadratic", "dark", "dark_udp"],
                       "compare overlays every 2D method")
        XCTAssertEqual(press(.character("n"), model), ["view.normalized_coordinates = True"])
        XCTAssertEqual(press(.character("g"), model), ["view.palette = 'magma'"], "auto is viridis here: g skips it")
        XCTAssertEqual(press(.character("b"), model), ["view.batch = 0"], "one batch: wraps to 0")
        XCTAssertEqual(press(.character("C"), model), ["view.channel = 0"], "one channel: wraps to 0")
    }

    /// Repeated `t` presses journal short numbers (3 significant digits), not float noise.
    func testTemperatureStepsReadAsTyped() throws {
        let model = try demoModel()
        let journal = (0..<6).flatMap { _ in press(.character("t"), model) }
        XCTAssertEqual(journal.last, "view.temperature = 0.262", "1 / 1.25⁶ = 0.262144, rounded to 3 digits at each step")
        XCTAssertEqual(model.session.view.temperature, 0.262)
    }

    /// Kernel keys step over odd sizes; the padding follows at kernel // 2 unless it was set apart from it.
    func testKernelKeysStepOddSizesAndKeepPaddingAtHalfTheKernel() throws {
        let model = try demoModel()
        XCTAssertEqual(press(.character("K"), model), ["view.kernel_size, view.padding = (5, 5), (2, 2)"])
        XCTAssertEqual(press(.character("K"), model), ["view.kernel_size, view.padding = (7, 7), (3, 3)"])
        XCTAssertEqual(press(.character("k"), model), ["view.kernel_size, view.padding = (5, 5), (2, 2)"])
        XCTAssertEqual(press(.character("p"), model), ["view.padding = (1, 1)"])
        XCTAssertEqual(press(.character("K"), model), ["view.kernel_size = (7, 7)"], "padding set by hand stays")
        XCTAssertEqual(press(.character("k"), model) + press(.character("k"), model),
                       ["view.kernel_size = (5, 5)", "view.kernel_size = (3, 3)"])
        XCTAssertEqual(press(.character("k"), model), ["view.kernel_size, view.padding = (1, 1), (0, 0)"],
                       "a smaller kernel lowers the padding with it, in one statement")
        _ = press(.character(":"), model)
        for key in "view.kernel_size = 4" { model.send(.character(key)) }
        model.send(.enter)
        XCTAssertEqual(press(.character("K"), model), ["view.kernel_size = (5, 5)"], "an even kernel steps to the next odd size")
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
        // The volume opens at its largest value's depth: demo_dog's level maxima are 0.156, 0.168,
        // 0.144 and 0.115 (`print(demo_dog[0, 0, d].max())` for d in 0..3 under `subpix run`).
        XCTAssertEqual(press(.character("v"), model), ["view.input, view.depth, view.method = 'demo_dog', 1, 'conv_quad_interp3d'"])
        XCTAssertEqual(model.viewed?.tensor.shape, [1, 1, 4, 48, 64])
        XCTAssertEqual(press(.character("]"), model), ["view.depth = 2"])
        XCTAssertEqual(press(.character("["), model), ["view.depth = 1"])
        XCTAssertEqual(press(.character("m"), model), ["view.method = 'iterative_quad_interp3d'"])
        XCTAssertNil(model.runs.first?.error)
        XCTAssertEqual(press(.character("v"), model).first, "view.input, view.depth, view.method = 'demo', 0, 'conv_soft_argmax2d'")
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
        XCTAssertEqual(model.viewport, try demoModel().viewport, "0 fits the map again")
        XCTAssertEqual(press(.character("?"), model), [])
        XCTAssertEqual(model.mode, .help)
        _ = press(.character("x"), model)
        XCTAssertEqual(model.mode, .normal)
        _ = press(.pageDown, model)
        XCTAssertEqual(model.listOffset, 2, "PgDn scrolls a page, kept inside the 3-point list by update")
        _ = press(.pageUp, model)
        XCTAssertEqual(model.listOffset, 0)
        _ = press(.character("q"), model)
        XCTAssertTrue(model.shouldQuit)
    }

    func testCommandLineRunsStatementsWithHistory() throws {
        let model = try demoModel()
        for key: Key in [.character(":")] + "view.top_k = 2".map({ .character($0) }) + [.enter] { model.send(key) }
        XCTAssertEqual(model.session.view.topK, 2)
        XCTAssertEqual(model.session.journal.last, "view.top_k = 2")
        for key: Key in [.character(":")] + "nope(".map({ .character($0) }) + [.enter] { model.send(key) }
        XCTAssertEqual(model.message, "1:6: expected ')' to close the call, got end of input")
        model.update(.character(":"))
        model.update(.up)
        XCTAssertEqual(model.mode, .command("nope("))
        model.update(.up)
        XCTAssertEqual(model.mode, .command("view.top_k = 2"))
        model.update(.escape)
        XCTAssertEqual(model.mode, .normal)
        let long = String(repeating: "1", count: 10_500)
        model.update(.character(":"))
        for character in long { model.update(.character(character)) }
        guard case .command(let text) = model.mode else { return XCTFail() }
        XCTAssertEqual(text.count, 10_000, "the command line stops growing at 10,000 characters")
    }

    func testResetWriteAndExport() throws {
        let model = try demoModel()
        _ = press(.character("T"), model)
        _ = press(.character("K"), model)
        XCTAssertEqual(press(.character("r"), model), ["view.temperature, view.kernel_size, view.padding = 1.0, (3, 3), (1, 1)"])
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
        for key in "TTKSPmo".map({ Key.character($0) }) + [.character("o"), .character("n")] { model.update(key) }
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
        model.update(.resize(width: 100, height: 32))
        model.update(.click(column: 10, row: 5))
        XCTAssertEqual(model.cursorX, 10)
        XCTAssertEqual(model.cursorY, 4)
        model.update(.click(column: 90, row: 5))
        XCTAssertEqual(model.cursorX, 10, "a click on the side panel leaves the cursor")
        XCTAssertEqual(model.session.journal.count, 4, "clicks are viewer state, not statements")
    }
}
