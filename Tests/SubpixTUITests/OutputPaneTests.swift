import XCTest
import SubpixSession
@testable import SubpixTUI

/// The issue's `:print(keypoints(...))` and `:compare(...)` showing one line: a
/// statement that prints several lines opens a pane with all of them, which scrolls.
final class OutputPaneTests: XCTestCase {
    func testEveryPrintedLineIsShownAndThePaneScrolls() throws {
        let model = try demoModel()
        _ = rendered(model, 100, 32)
        // 40 keypoints: a heading and 40 rows, more than the 26 rows the pane shows at 100 × 32.
        XCTAssertTrue(model.run("print(keypoints(randn((1, 1, 64, 64), seed=2), top_k=40))"))
        XCTAssertEqual(model.output.count, 41)
        XCTAssertEqual(model.mode, .output(0))
        var screen = Renderer().render(model).textPlane
        XCTAssertTrue(screen.contains("lines 1–26 of 41"), screen)
        for line in model.output.prefix(26) { XCTAssertTrue(screen.contains(line), "shown: \(line)\n\(screen)") }
        XCTAssertFalse(screen.contains(model.output[26]), "the 27th line is below the page")

        model.send(.pageDown)
        XCTAssertEqual(model.mode, .output(15), "a page down stops at the last page: lines 16–41")
        screen = Renderer().render(model).textPlane
        XCTAssertTrue(screen.contains(model.output[40]), screen)
        model.send(.up)
        XCTAssertEqual(model.mode, .output(14))
        model.send(.home)
        XCTAssertEqual(model.mode, .output(0))
        model.send(.escape)
        XCTAssertEqual(model.mode, .normal, "any other key closes it")
        XCTAssertEqual(model.message, "\(model.output[0]) … (41 lines)")
    }

    /// `compare(...)` prints a table: every method's row is shown, not only the heading.
    func testATableIsShownWhole() throws {
        let model = try demoModel()
        _ = rendered(model, 120, 40)
        XCTAssertTrue(model.run("compare(demo)"))
        let screen = Renderer().render(model).textPlane
        for method in ["nms2d", "spatial_soft_argmax2d", "conv_soft_argmax2d"] {
            XCTAssertTrue(screen.contains(method), "\(method):\n\(screen)")
        }
    }

    /// One line stays on the message line, with no pane.
    func testOneLineIsAMessage() throws {
        let model = try demoModel()
        XCTAssertTrue(model.run("print(1 + 2)"))
        XCTAssertEqual(model.mode, .normal)
        XCTAssertEqual(model.message, "3")
    }
}
