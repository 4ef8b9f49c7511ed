import XCTest
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

final class LexerTests: XCTestCase {
    private func kinds(_ source: String) throws -> [Token.Kind] { try Lexer.tokenize(source).map(\.kind) }

    func testNumbersInEveryForm() throws {
        XCTAssertEqual(try kinds("3 2.5 .5 1e-8 1E3 2.5e+2 1_000"), [
            .number(3, isInteger: true), .number(2.5, isInteger: false), .number(0.5, isInteger: false),
            .number(1e-8, isInteger: false), .number(1000, isInteger: false), .number(250, isInteger: false),
            .number(1000, isInteger: true), .end,
        ])
    }

    func testStringsWithBothQuotesAndEscapes() throws {
        XCTAssertEqual(try kinds(#"'a' "b" "tab\tnew\nq\"s\'b\\" 'C:\data\x.npy'"#), [
            .string("a"), .string("b"), .string("tab\tnew\nq\"s'b\\"), .string(#"C:\data\x.npy"#), .end,
        ])
    }

    func testIdentifiersSymbolsCommentsAndStatementEnds() throws {
        XCTAssertEqual(try kinds("x_1 = f(a, [b]) # comment (\ny.z; -1 * 2 / 3 + 4"), [
            .identifier("x_1"), .symbol(.equals), .identifier("f"), .symbol(.leftParenthesis), .identifier("a"), .symbol(.comma),
            .symbol(.leftBracket), .identifier("b"), .symbol(.rightBracket), .symbol(.rightParenthesis), .newline,
            .identifier("y"), .symbol(.dot), .identifier("z"), .newline,
            .symbol(.minus), .number(1, isInteger: true), .symbol(.star), .number(2, isInteger: true), .symbol(.slash),
            .number(3, isInteger: true), .symbol(.plus), .number(4, isInteger: true), .end,
        ])
    }

    func testLongestSymbolsWin() throws {
        XCTAssertEqual(try kinds("a // b ** -c % d[..., ::2]"), [
            .identifier("a"), .symbol(.doubleSlash), .identifier("b"), .symbol(.doubleStar), .symbol(.minus), .identifier("c"),
            .symbol(.percent), .identifier("d"), .symbol(.leftBracket), .symbol(.ellipsis), .symbol(.comma), .symbol(.colon),
            .symbol(.colon), .number(2, isInteger: true), .symbol(.rightBracket), .end,
        ])
        XCTAssertEqual(try kinds("x.y .5"), [.identifier("x"), .symbol(.dot), .identifier("y"), .number(0.5, isInteger: false), .end])
    }

    func testLineBreaksInsideBracketsDoNotEndTheStatement() throws {
        XCTAssertEqual(try kinds("f(1,\n  2)\ng"), [
            .identifier("f"), .symbol(.leftParenthesis), .number(1, isInteger: true), .symbol(.comma), .number(2, isInteger: true),
            .symbol(.rightParenthesis), .newline, .identifier("g"), .end,
        ])
    }

    func testWindowsAndOldMacLineEndingsAreLineBreaks() throws {
        let tokens = try Lexer.tokenize("a = 1\r\nb = 2\rc")
        XCTAssertEqual(tokens.map(\.kind), [
            .identifier("a"), .symbol(.equals), .number(1, isInteger: true), .newline,
            .identifier("b"), .symbol(.equals), .number(2, isInteger: true), .newline, .identifier("c"), .end,
        ])
        XCTAssertEqual(tokens[4].position, SourcePosition(line: 2, column: 1))
        XCTAssertEqual(tokens[8].position, SourcePosition(line: 3, column: 1))
    }

    func testPositionsAndRangesCountCharacters() throws {
        let tokens = try Lexer.tokenize("x = 'é'\n  y")
        XCTAssertEqual(tokens[2].position, SourcePosition(line: 1, column: 5))
        XCTAssertEqual(tokens[2].range, 4..<7)
        XCTAssertEqual(tokens[4].position, SourcePosition(line: 2, column: 3))
    }

    func testLexicalErrorsNameTheProblemAndPlace() {
        let cases: [(String, String)] = [
            ("x = 3 $ 4", "1:7: unexpected character '$'"),
            ("x = 'abc", "1:5: unterminated string"),
            ("x = \"abc\ny\"", "1:5: unterminated string"),
            ("y = 1e", "1:5: malformed number '1e'"),
            ("y = 1.2.3", "1:5: malformed number '1.2.3'"),
            ("y = 2 ** 3 @ 4", "1:12: unexpected character '@'"),
            ("z = {}", "1:5: unexpected character '{'"),
        ]
        for (source, message) in cases {
            XCTAssertThrowsError(try Lexer.tokenize(source), source) { XCTAssertEqual("\($0)", message, source) }
        }
    }

    func testIncompleteInputWhileBracketsAreOpen() {
        XCTAssertTrue(Lexer.isIncomplete("f(1,"))
        XCTAssertTrue(Lexer.isIncomplete("x = [(1, 2),\n (3"))
        XCTAssertTrue(Lexer.isIncomplete("f(1, # a comment (\n"))
        XCTAssertFalse(Lexer.isIncomplete("f(1)"))
        XCTAssertFalse(Lexer.isIncomplete("f(')')"))
        XCTAssertFalse(Lexer.isIncomplete("x = 'unterminated"), "a lexical error is complete, so it gets reported")
        XCTAssertFalse(Lexer.isIncomplete("f(1))"), "a stray closer is for the parser to report")
    }
}
