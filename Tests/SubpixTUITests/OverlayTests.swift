import XCTest
@testable import SubpixTUI

/// The `?` overlay wraps a long description in its column instead of cutting it
/// (issue 11: at 100 columns it was cut with "…").
final class OverlayTests: XCTestCase {
    func testALongLineWrapsUnderItsDescription() {
        let line = "  h            hide / show the markers (the map alone)"
        let pieces = Overlay.wrapped(line, width: 40)
        XCTAssertEqual(pieces, ["  h            hide / show the markers", "               (the map alone)"])
        XCTAssertEqual(Overlay.wrapped("short", width: 40), ["short"])
        let words = pieces.joined(separator: " ").split(separator: " ")
        XCTAssertEqual(words, line.split(separator: " "), "wrapping keeps every word, in order")
    }

    func testTheHelpAtOneHundredColumnsCutsNothing() {
        for (width, height) in [(100, 30), (100, 32), (80, 40), (140, 40)] {
            var buffer = CellBuffer(width: width, height: height)
            Overlay(title: "subpix keys — Esc or any key closes", lines: KeyTable.helpLines).draw(into: &buffer)
            let screen = buffer.textPlane
            XCTAssertFalse(screen.contains("…"), "\(width)×\(height):\n\(screen)")
            for line in KeyTable.helpLines {
                // Each description's last word is on the screen (it wrapped rather than being cut off).
                XCTAssertTrue(screen.contains(String(line.split(separator: " ").last ?? "")), "\(line)\n\(screen)")
            }
        }
    }
}
