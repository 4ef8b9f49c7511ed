import Foundation
import SubpixPictures
import SubpixTUI
import XCTest

/// Issue 25, item 12: the explain popup (`x`) left black cells, and the cursor was invisible
/// under a marker (the marker was left as it was) and on a bright cell (a white `□` on yellow).
final class PopupCursorTests: XCTestCase {
    private var viewer: ViewerDriver?

    override func tearDown() { viewer?.stop() }

    private func start() -> ViewerDriver {
        let viewer = ViewerDriver(["view"], width: 100, height: 32, colorMode: .xterm256)
        self.viewer = viewer
        viewer.waitFor("method conv_soft_argmax2d")
        return viewer
    }

    private func contrast(_ cell: Cell) -> Double {
        (cell.foreground.rgb ?? .white).contrastRatio(with: cell.background.rgb ?? .black)
    }

    /// Every cell between the popup's corners (its title row's first and last cell of
    /// background 236, down to its last row of them) has the popup's background.
    func testTheExplainPopupPaintsItsWholeRectangle() throws {
        let viewer = start()
        viewer.type("x")
        viewer.waitFor("explain conv_soft_argmax2d")
        let frame = viewer.frame
        let painted = (0..<frame.height).flatMap { y in (0..<frame.width).map { (x: $0, y: y) } }.filter { frame[$0.x, $0.y].background == 236 }
        let (left, right) = (try XCTUnwrap(painted.map(\.x).min()), try XCTUnwrap(painted.map(\.x).max()))
        let (top, bottom) = (try XCTUnwrap(painted.map(\.y).min()), try XCTUnwrap(painted.map(\.y).max()))
        XCTAssertGreaterThan((right - left, bottom - top).0, 30)
        for y in top...bottom {
            for x in left...right { XCTAssertEqual(frame[x, y].background, 236, "cell (\(x), \(y)) of the popup") }
        }
    }

    /// Clicked onto a marker, the cursor changes the marker's cell (reverse video) and keeps
    /// 3 : 1 contrast; on the brightest cell of the map (markers hidden) its square does too.
    func testTheCursorShowsOnAMarkerAndOnTheBrightestCell() throws {
        let viewer = start()
        let pane = (columns: 100 - 36 - 1, rows: 30)
        let before = viewer.frame
        let marker = try XCTUnwrap((0..<pane.rows).lazy.flatMap { y in (0..<pane.columns).map { (x: $0, y: y) } }
            .first { before[$0.x, $0.y].glyph == "×" }, "conv_soft_argmax2d's marker on the map")
        viewer.screen.send(.click(column: marker.x, row: marker.y))
        let onMarker = try XCTUnwrap(viewer.screen.waitForFrame(timeout: ViewerDriver.patience) { $0[marker.x, marker.y] != before[marker.x, marker.y] },
                                     "the cursor changes the marker's cell")
        XCTAssertGreaterThanOrEqual(contrast(onMarker[marker.x, marker.y]), 3, "\(onMarker[marker.x, marker.y])")

        viewer.type("h")   // the map alone
        let bare = try XCTUnwrap(viewer.screen.waitForFrame(timeout: ViewerDriver.patience) { $0[marker.x, marker.y].glyph == "□" })
        let cells = (0..<pane.rows).flatMap { y in (0..<pane.columns).map { (x: $0, y: y) } }.filter { bare[$0.x, $0.y].glyph == "▀" }
        let brightest = try XCTUnwrap(cells.max { (bare[$0.x, $0.y].foreground.rgb?.relativeLuminance ?? 0) < (bare[$1.x, $1.y].foreground.rgb?.relativeLuminance ?? 0) })
        viewer.screen.send(.click(column: brightest.x, row: brightest.y))
        let onBright = try XCTUnwrap(viewer.screen.waitForFrame(timeout: ViewerDriver.patience) { $0[brightest.x, brightest.y].glyph == "□" },
                                     "the cursor on the brightest cell")
        XCTAssertGreaterThanOrEqual(contrast(onBright[brightest.x, brightest.y]), 3, "\(onBright[brightest.x, brightest.y])")
    }
}
