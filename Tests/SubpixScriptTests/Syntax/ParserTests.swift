import XCTest
@testable import SubpixScript

final class ParserTests: XCTestCase {
    private func parse(_ source: String) throws -> [Statement] { try Parser.parse(source).map(\.statement) }

    func testNumbersStringsNamesAndComments() throws {
        let statements = try parse("x = 1e-8  # comment\ny = 'a' ; z = \"b\"\n.5\n3")
        XCTAssertEqual(statements.count, 5)
        guard case .assignment(let targets, .number(let value, let isInteger, _)) = statements[0] else { return XCTFail() }
        XCTAssertEqual(targets, [.name("x", SourcePosition(line: 1, column: 1))])
        XCTAssertEqual(value, 1e-8)
        XCTAssertFalse(isInteger)
        guard case .expression(.number(0.5, false, _)) = statements[3], case .expression(.number(3, true, _)) = statements[4] else {
            return XCTFail("\(statements)")
        }
    }

    func testPrecedenceUnaryMinusAndParentheses() throws {
        guard case .expression(let e) = try parse("-a + b * (c - d) / 2")[0] else { return XCTFail() }
        guard case .binary(.add, .unaryMinus(.name("a", _), _), .binary(.divide, .binary(.multiply, .name("b", _), .binary(.subtract, _, _, _), _), .number(2, true, _), _), _) = e else {
            return XCTFail("\(e)")
        }
    }

    func testCallsWithPositionalAndKeywordArgumentsAcrossLines() throws {
        let source = "coords, vals = conv_soft_argmax2d(x, (3,3), (2,2),\n    (1,1), output_value=True)"
        let parsed = try Parser.parse(source)
        XCTAssertEqual(parsed[0].lines, 1...2)
        guard case .assignment(let targets, .call(.name("conv_soft_argmax2d", _), let args, _)) = parsed[0].statement else { return XCTFail() }
        XCTAssertEqual(targets.count, 2)
        XCTAssertEqual(args.map(\.label), [nil, nil, nil, nil, "output_value"])
        guard case .tuple(let items, _) = args[1].value else { return XCTFail() }
        XCTAssertEqual(items.count, 2)
    }

    func testTuplesListsIndexingAndAttributes() throws {
        guard case .expression(.tuple(let single, _)) = try parse("(1,)")[0] else { return XCTFail() }
        XCTAssertEqual(single.count, 1)
        guard case .expression(.list(let items, _)) = try parse("[(1, 2), (3, 4)]")[0] else { return XCTFail() }
        XCTAssertEqual(items.count, 2)
        guard case .expression(.attribute(.index(.name("x", _), let indices, _), "shape", _)) = try parse("x[0, -1].shape")[0] else {
            return XCTFail()
        }
        XCTAssertEqual(indices.count, 2)
        guard case .assignment(let targets, _) = try parse("view.temperature = 2")[0],
              case .attribute(.name("view", _), "temperature", _) = targets[0] else {
            return XCTFail()
        }
    }

    func testSyntaxErrorsNameWhatWasExpectedAndWhere() {
        let cases: [(String, String)] = [
            ("x = (1, 2", "1:10: expected ')' to close the parenthesis, got end of input"),
            ("f(a=1, 2)", "1:8: positional argument after keyword arguments"),
            ("1 = x", "1:1: cannot assign to this expression; expected a name or name.attribute"),
            ("x = 'abc", "1:5: unterminated string"),
            ("x = 3 $ 4", "1:7: unexpected character '$'"),
            ("x = 1 2", "1:7: expected end of statement, got 2"),
            ("y = [1, 2", "1:10: expected ']' to close the list, got end of input"),
            ("x.", "1:3: expected an attribute name after '.', got end of input"),
            ("x[0", "1:4: expected ']' to close the index, got end of input"),
            ("= 3", "1:1: expected an expression, got '='"),
        ]
        for (source, message) in cases {
            XCTAssertThrowsError(try Parser.parse(source), source) { XCTAssertEqual("\($0)", message, source) }
        }
    }

    func testDeepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        XCTAssertThrowsError(try Parser.parse(deep)) { XCTAssertTrue("\($0)".contains("nested deeper than 200 levels")) }
        let minus = String(repeating: "-", count: 5000) + "1"
        XCTAssertThrowsError(try Parser.parse(minus)) { XCTAssertTrue("\($0)".contains("nested deeper than 200 levels")) }
    }

    func testIncompleteInputWhileBracketsAreOpen() {
        XCTAssertTrue(Lexer.isIncomplete("f(1,"))
        XCTAssertTrue(Lexer.isIncomplete("x = [(1, 2),\n (3"))
        XCTAssertFalse(Lexer.isIncomplete("f(1)"))
        XCTAssertFalse(Lexer.isIncomplete("x = 'unterminated"))
    }
}
