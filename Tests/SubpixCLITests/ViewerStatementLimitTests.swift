import Foundation
import XCTest

/// A runaway `:` statement never hangs the viewer (issue 26, "Safety"): Ctrl-C stops it,
/// and so does the viewer's own time limit of 10 s, each with an error naming the line;
/// either way the viewer stays and the session keeps what the loop did. In process on a
/// memory screen, whose `interrupt()` is the terminal's SIGINT (`TmuxViewerTests` sends a
/// real Ctrl-C).
final class ViewerStatementLimitTests: XCTestCase {
    private var viewer: ViewerDriver?

    override func tearDown() { viewer?.stop() }

    private func open() -> ViewerDriver {
        let viewer = ViewerDriver(["view"], width: 160, height: 32)
        self.viewer = viewer
        viewer.waitFor("method conv_soft_argmax2d")
        return viewer
    }

    private func run(_ statement: String, on viewer: ViewerDriver) {
        viewer.type(":" + statement)
        viewer.send(.enter)
    }

    func testCtrlCStopsARunawayStatementAndTheViewerGoesOn() {
        let viewer = open()
        run("n = 0", on: viewer)
        run("while True: n += 1", on: viewer)
        Thread.sleep(forTimeInterval: 1)
        viewer.screen.interrupt()
        // "while True: " is 12 characters: the loop's body starts at column 13.
        let screen = viewer.waitFor("1:13: interrupted")
        XCTAssertFalse(screen.contains("time limit"), "Ctrl-C stopped it, not the 10 s limit")
        run("print(n > 1000, n * 0)", on: viewer)
        viewer.waitFor("True 0")
        XCTAssertNil(viewer.waitForExit(timeout: 0), "the viewer is still running")
    }

    func testTheDefaultTimeLimitStopsARunawayStatementNamingItsLine() {
        let viewer = open()
        let started = Date()
        run("while True: pass", on: viewer)
        viewer.waitFor("1:13: stopped: the script ran longer than its time limit of 10.0 s (the viewer's limit for a : statement")
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 10)
        run("print('answer', 6 * 7)", on: viewer)
        viewer.waitFor("answer 42")
        XCTAssertNil(viewer.waitForExit(timeout: 0), "the viewer is still running")
    }
}
