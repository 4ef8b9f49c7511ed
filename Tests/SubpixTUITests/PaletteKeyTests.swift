import XCTest
@testable import SubpixTUI

/// Issue 25, item 12: the first `g` did nothing visible — on a map of one sign `auto`
/// already is viridis. Every press must change the map's colours and say which palette shows.
final class PaletteKeyTests: XCTestCase {
    /// The heatmap pane's colours (foreground and background of every cell).
    private func paneColours(_ buffer: CellBuffer, _ model: ViewerModel) -> [TerminalColor] {
        let pane = model.layout.pane
        return (pane.y..<(pane.y + pane.rows)).flatMap { y in
            (pane.x..<(pane.x + pane.columns)).flatMap { x in [buffer[x, y].foreground, buffer[x, y].background] }
        }
    }

    /// Presses `g` once per expected name: each press repaints the map and the message and
    /// the panel name the palette now shown (hand-listed: auto resolves to viridis on a map
    /// of one sign, to diverging on a signed one, and a press never lands on a look-alike).
    private func assertCycle(_ model: ViewerModel, shows expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        var before = rendered(model, 100, 32)
        for name in expected {
            model.send(.character("g"))
            let after = rendered(model, 100, 32)
            XCTAssertNotEqual(paneColours(after, model), paneColours(before, model), "g to \(name) changed no colour", file: file, line: line)
            XCTAssertTrue(after.textPlane.contains("palette \(name)"), "the message names \(name)", file: file, line: line)
            let shown = name.hasPrefix("auto (") ? String(name.dropFirst(6).dropLast()) : name
            XCTAssertTrue(after.textPlane.contains("\(shown) · 256 colours"), "the panel names \(shown)", file: file, line: line)
            before = after
        }
    }

    func testEveryPressRepaintsAMapOfOneSign() throws {
        let model = try demoModel()
        assertCycle(model, shows: ["magma", "gray", "diverging", "auto (viridis)", "magma"])
    }

    func testEveryPressRepaintsASignedMap() throws {
        let model = try demoModel()
        XCTAssertTrue(model.run("s = randn((1, 1, 32, 32))"))
        XCTAssertTrue(model.run("view.input = 's'"))
        XCTAssertTrue(model.colorScale.centred, "noise of both signs is coloured about 0")
        assertCycle(model, shows: ["viridis", "magma", "gray", "diverging", "viridis"])
    }
}
