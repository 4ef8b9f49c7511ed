import SubpixTUI
import XCTest

/// `subpix view` in process on a memory screen: the demo drawn, keys taken, a resize
/// followed, `q` ending the command with status 0.
final class ViewerKeysTests: XCTestCase {
    private var viewer: ViewerDriver?

    override func tearDown() { viewer?.stop() }

    /// The screen of `TERM=xterm-256color` without `COLORTERM`: 256 colours
    /// (`TmuxColourTests` checks that a real terminal is detected as one).
    func testViewerDrawsReactsToKeysResizesAndQuitsCleanly() throws {
        let viewer = ViewerDriver(["view"], colorMode: .xterm256)
        self.viewer = viewer
        let first = viewer.waitFor("method conv_soft_argmax2d")
        XCTAssertTrue(first.contains("▀"), "heatmap half blocks are drawn")
        XCTAssertTrue(first.contains("T ÷ 1  kernel (3, 3)"))
        let cells = viewer.frame.cells
        XCTAssertTrue(cells.contains { $0.foreground.isIndexed } && cells.contains { $0.background.isIndexed },
                      "256-colour foreground and background are used")

        viewer.type("T")
        viewer.waitFor("T ÷ 1.25")
        viewer.type("?")
        viewer.waitFor("subpix keys")
        viewer.send(.escape)

        viewer.resize(width: 30, height: 8)
        viewer.waitFor("terminal too small")
        viewer.resize(width: 100, height: 32)
        viewer.waitFor("method conv_soft_argmax2d")

        viewer.type("q")
        XCTAssertEqual(viewer.waitForExit()?.status, 0)
    }
}

private extension TerminalColor {
    var isIndexed: Bool {
        if case .indexed = self { return true }
        return false
    }
}
