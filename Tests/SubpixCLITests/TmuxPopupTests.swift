import Foundation
import XCTest
import TestSupport

/// Issue 25, item 12, on a real terminal: the explain popup's empty cells must reach the
/// screen in the popup's colour. Under `TERM=xterm-256color` (which offers ECH) ncurses
/// erased runs of them, and tmux left the erased cells in the default colour: black holes.
final class TmuxPopupTests: XCTestCase {
    private var tmux: TmuxDriver?

    override func tearDown() { tmux?.stop() }

    /// The background colour index of every cell of each row of `capture` (tmux's `-e`
    /// output): -1 for the default; SGR 0, 49 and 48;5;N are all the viewer's sequences touch.
    private func backgrounds(_ capture: String) -> [[Int]] {
        capture.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var (cells, background) = ([Int](), -1)
            var rest = Substring(line)
            while let first = rest.first {
                guard first == "\u{1B}", let end = rest.firstIndex(where: { $0.isLetter }) else {
                    cells.append(background)
                    rest = rest.dropFirst()
                    continue
                }
                if rest[end] == "m" {
                    let codes = rest[rest.index(rest.startIndex, offsetBy: 2)..<end].split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                    var index = 0
                    while index < codes.count {
                        switch codes[index] {
                        case 0, 49: background = -1
                        case 48 where index + 2 < codes.count && codes[index + 1] == 5: background = codes[index + 2]; index += 2
                        case 38 where index + 2 < codes.count && codes[index + 1] == 5: index += 2
                        default: break
                        }
                        index += 1
                    }
                }
                rest = rest[rest.index(after: end)...]
            }
            return cells
        }
    }

    func testThePopupReachesTheTerminalWhole() throws {
        let tmux = TmuxDriver(target: "viewer")
        guard tmux.isAvailable else { throw XCTSkip("tmux is not installed (apt-get install tmux)") }
        self.tmux = tmux
        try tmux.openExplainPopup()
        let rows = backgrounds(try tmux.run(["capture-pane", "-p", "-e", "-N", "-t", tmux.target]))
        let popup = rows.enumerated().filter { $0.element.contains(236) }
        let spans = popup.map { row in (row.element.firstIndex(of: 236) ?? 0, row.element.lastIndex(of: 236) ?? 0) }
        XCTAssertGreaterThan(popup.count, 10, "the popup's rows")
        for (row, span) in zip(popup, spans) {
            XCTAssertTrue(span == spans[0], "row \(row.offset): columns \(span.0)…\(span.1) of 236, the popup's first row \(spans[0].0)…\(spans[0].1)")
            XCTAssertTrue(row.element[span.0...span.1].allSatisfy { $0 == 236 }, "row \(row.offset) has holes")
        }
    }
}
