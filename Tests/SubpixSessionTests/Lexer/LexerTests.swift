import XCTest
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

final class LexerTests: XCTestCase {
    private func kinds(_ source: String) throws -> [Token.Kind] { try Lexer.tokenize(source).map(\.kind) }

    func testNumbersInEveryForm() throws {
        XCTAssertEqual(try kinds("3 2.5 .5 1e-8 1E3 2.5e+2 1_000"), [
            .integer(3), .float(2.5), .float(0.5),
            .float(1e-8), .float(1000), .float(250),
            .integer(1000), .newline, .end,
        ])
    }

    func testStringsWithBothQuotesAndEscapes() throws {
        XCTAssertEqual(try kinds(#"'a' "b" "tab\tnew\nq\"s\'b\\" 'C:\data\x.npy'"#), [
            .string("a"), .string("b"), .string("tab\tnew\nq\"s'b\\"), .string(#"C:\data\x.npy"#), .newline, .end,
        ])
    }

    func testIdentifiersSymbolsCommentsAndStatementEnds() throws {
        XCTAssertEqual(try kinds("x_1 = f(a, [b]) # comment (\ny.z; -1 * 2 / 3 + 4"), [
            .identifier("x_1"), .symbol(.equals), .identifier("f"), .symbol(.leftParenthesis), .identifier("a"), .symbol(.comma),
            .symbol(.leftBracket), .identifier("b"), .symbol(.rightBracket), .symbol(.rightParenthesis), .newline,
            .identifier("y"), .symbol(.dot), .identifier("z"), .symbol(.semicolon),
            .symbol(.minus), .integer(1), .symbol(.star), .integer(2), .symbol(.slash),
            .integer(3), .symbol(.plus), .integer(4), .newline, .end,
        ])
    }

    func testLongestSymbolsWin() throws {
        XCTAssertEqual(try kinds("a // b ** -c % d[..., ::2]"), [
            .identifier("a"), .symbol(.doubleSlash), .identifier("b"), .symbol(.doubleStar), .symbol(.minus), .identifier("c"),
            .symbol(.percent), .identifier("d"), .symbol(.leftBracket), .symbol(.ellipsis), .symbol(.comma), .symbol(.colon),
            .symbol(.colon), .integer(2), .symbol(.rightBracket), .newline, .end,
        ])
        XCTAssertEqual(try kinds("x.y .5"), [.identifier("x"), .symbol(.dot), .identifier("y"), .float(0.5), .newline, .end])
    }

    func testLineBreaksInsideBracketsDoNotEndTheStatement() throws {
        XCTAssertEqual(try kinds("f(1,\n  2)\ng"), [
            .identifier("f"), .symbol(.leftParenthesis), .integer(1), .symbol(.comma), .integer(2),
            .symbol(.rightParenthesis), .newline, .identifier("g"), .newline, .end,
        ])
    }

    func testWindowsAndOldMacLineEndingsAreLineBreaks() throws {
        let tokens = try Lexer.tokenize("a = 1\r\nb = 2\rc")
        XCTAssertEqual(tokens.map(\.kind), [
            .identifier("a"), .symbol(.equals), .integer(1), .newline,
            .identifier("b"), .symbol(.equals), .integer(2), .newline, .identifier("c"), .newline, .end,
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
            ("z = $", "1:5: unexpected character '$'"),
        ]
        for (source, message) in cases {
            XCTAssertThrowsError(try Lexer.tokenize(source), source) { XCTAssertEqual("\($0)", message, source) }
        }
    }

    func testIncompleteInputWhileBracketsAreOpen() {
        XCTAssertEqual(Lexer.continuation(of: "f(1,"), .openBracket)
        XCTAssertEqual(Lexer.continuation(of: "x = [(1, 2),\n (3"), .openBracket)
        XCTAssertEqual(Lexer.continuation(of: "f(1, # a comment (\n"), .openBracket)
        XCTAssertEqual(Lexer.continuation(of: "f(1)"), .complete)
        XCTAssertEqual(Lexer.continuation(of: "f(')')"), .complete)
        XCTAssertEqual(Lexer.continuation(of: "x = 'unterminated"), .complete, "a lexical error is complete, so it gets reported")
        XCTAssertEqual(Lexer.continuation(of: "f(1))"), .complete, "a stray closer is for the parser to report")
        XCTAssertEqual(Lexer.continuation(of: "x = 1 + \\"), .openBracket, "a line continuation")
        XCTAssertEqual(Lexer.continuation(of: "for i in range(3):"), .openBlock)
        XCTAssertEqual(Lexer.continuation(of: "for i in range(3):\n    print(i)"), .openBlock, "a block reads until an empty line")
        XCTAssertEqual(Lexer.continuation(of: "for i in range(3):\n    print(i)\n"), .complete)
        XCTAssertEqual(Lexer.continuation(of: "if x: y = 1"), .openBlock, "as in Python's REPL, an elif or else may follow")
        XCTAssertEqual(Lexer.continuation(of: "x = 1"), .complete)
    }
}
