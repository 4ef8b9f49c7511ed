import Foundation
import XCTest
import TestSupport
@testable import SubpixTUI

/// The explain pane's `x̂` and `ŷ` (x and y with U+0302 COMBINING CIRCUMFLEX ACCENT,
/// one cell each) reached the terminal as plain `x` and `y`: the backend drew only a
/// cell's first character code. It now gives ncurses the combining characters too.
final class TmuxCombiningTests: XCTestCase {
    private var tmux: TmuxDriver?

    override func tearDown() { tmux?.stop() }

    /// At the backend boundary: a cell's text is its spacing character, then its
    /// combining characters, zero-terminated.
    func testACellCarriesItsCombiningCharacters() {
        XCTAssertEqual(NcursesScreen.cellText("x̂"), [0x78, 0x302, 0])
        XCTAssertEqual(NcursesScreen.cellText("x"), [0x78, 0])
        XCTAssertEqual(NcursesScreen.cellText("é"), [0xE9, 0], "a precomposed character is one code")
    }

    /// On a real terminal: the pane's `x̂ = …` and `ŷ = …` lines come back from tmux's
    /// `capture-pane` with their accents.
    func testTheExplainPaneShowsTheHats() throws {
        let tmux = TmuxDriver(target: "viewer")
        guard tmux.isAvailable else { throw XCTSkip("tmux is not installed (apt-get install tmux)") }
        self.tmux = tmux
        let screen = try tmux.openExplainPopup(environment: "LANG=C.UTF-8 TERM=xterm-256color")
        XCTAssertTrue(screen.contains("x\u{302} = "), screen)
        XCTAssertTrue(screen.contains("y\u{302} = "), screen)
    }
}
