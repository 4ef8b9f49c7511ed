import XCTest
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// The side panel's colour bar and the demo in true colour.
final class ColourBarTests: XCTestCase {
    /// The row of the panel holding the colour bar (the `▌` cells).
    private func colourBar(_ buffer: CellBuffer) -> [Cell] {
        let x = buffer.width - Layout.sidePanelWidth
        let row = (0..<buffer.height).first { buffer[x, $0].glyph == "▌" } ?? 0
        return (x..<buffer.width).map { buffer[$0, row] }.filter { $0.glyph == "▌" }
    }

    /// As many distinct colours as the mode allows: every one of the 256-colour ramp's
    /// entries (≥ 24), two stops per cell in true colour; and the panel names the mode.
    func testColourBarShowsTheModesColours() throws {
        for (mode, minimum) in [(ColorMode.xterm256, XtermRamp.steps), (.trueColor, 2 * (Layout.sidePanelWidth - 2))] {
            let buffer = rendered(try demoModel(colorMode: mode), 100, 32)
            let colours = Set(colourBar(buffer).flatMap { [$0.foreground, $0.background] })
            XCTAssertGreaterThanOrEqual(colours.count, minimum, "\(mode)")
            XCTAssertTrue(buffer.textPlane.contains("viridis · \(mode.label)"))
        }
    }

    func testDemoInTrueColourSnapshot() throws {
        let buffer = rendered(try demoModel(colorMode: .trueColor), 100, 32)
        XCTAssertTrue(try assertSnapshot(buffer, named: "demo-truecolor-100x32") == (true, true))
    }
}
