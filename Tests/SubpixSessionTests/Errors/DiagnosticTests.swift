import XCTest
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

final class DiagnosticTests: XCTestCase {
    func testAPositionedErrorShowsTheLineAndACaret() {
        let error = ScriptError("name 'heatt' is not defined; did you mean 'heat'?", at: SourcePosition(line: 2, column: 10))
        XCTAssertEqual(Diagnostic.format(error, file: "demo.subpix", source: "heat = 1\ny = conv(heatt)\n"), """
            demo.subpix:2:10: error: name 'heatt' is not defined; did you mean 'heat'?
                y = conv(heatt)
                         ^
            """)
    }

    func testTabsAndWindowsLineEndingsKeepTheCaretAligned() {
        let error = ScriptError("bad", at: SourcePosition(line: 2, column: 3))
        XCTAssertEqual(Diagnostic.format(error, file: "f", source: "a\r\n\tx$\r\n"), "f:2:3: error: bad\n     x$\n      ^")
    }

    func testErrorsWithoutAPositionAreOneLine() {
        XCTAssertEqual(Diagnostic.format(ScriptError("interrupted"), file: "<repl>", source: "x"), "<repl>: error: interrupted")
        XCTAssertEqual(Diagnostic.format(FormatError("a.npy", "no such file"), file: "run.subpix", source: ""), "run.subpix: error: a.npy: no such file")
    }

    func testLongLinesAreCutAroundTheCaret() {
        let line = String(repeating: "a", count: 300) + "$" + String(repeating: "b", count: 300)
        let text = Diagnostic.format(ScriptError("unexpected character '$'", at: SourcePosition(line: 1, column: 301)), file: "f", source: line)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[1], "    ..." + String(repeating: "a", count: 100) + "$" + String(repeating: "b", count: 99) + "...")
        XCTAssertEqual(lines[2].count, lines[1].firstIndex(of: "$").map { lines[1].distance(from: lines[1].startIndex, to: $0) + 1 })
        XCTAssertTrue(lines[2].hasSuffix("^"))
    }
}
