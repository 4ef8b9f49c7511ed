import XCTest
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

final class ParserTests: XCTestCase {
    private func parse(_ source: String) throws -> [Statement] { try Parser.parse(source).map(\.statement) }
    private func at(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

    func testAssignmentsAndExpressionStatements() throws {
        let statements = try parse("x = 1e-8  # comment\ny = 'a' ; \"b\"\n\n3")
        XCTAssertEqual(statements, [
            .assignment([.name("x", at(1, 1))], .float(1e-8, at(1, 5))),
            .assignment([.name("y", at(2, 1))], .string("a", at(2, 5))),
            .expression(.string("b", at(2, 11))),
            .expression(.integer(3, at(4, 1))),
        ])
    }

    func testTupleDestructuringAndBareTuples() throws {
        XCTAssertEqual(try parse("a, b = f(x)"), [
            .assignment([.name("a", at(1, 1)), .name("b", at(1, 4))], .call(.name("f", at(1, 8)), [Argument(label: nil, value: .name("x", at(1, 10)), position: at(1, 10))], at(1, 9))),
        ])
        XCTAssertEqual(try parse("a, b = 1, 2"), [
            .assignment([.name("a", at(1, 1)), .name("b", at(1, 4))], .tuple([.integer(1, at(1, 8)), .integer(2, at(1, 11))], at(1, 8))),
        ])
        XCTAssertEqual(try parse("x = 1,"), [.assignment([.name("x", at(1, 1))], .tuple([.integer(1, at(1, 5))], at(1, 5)))])
        XCTAssertEqual(try parse("1, 2"), [.expression(.tuple([.integer(1, at(1, 1)), .integer(2, at(1, 4))], at(1, 1)))])
    }

    func testPrecedenceUnarySignsAndParentheses() throws {
        guard case .expression(let e) = try parse("-a + b * (c - d) / 2")[0] else { return XCTFail() }
        guard case .binary(.add, .unaryMinus(.name("a", _), _), .binary(.divide, .binary(.multiply, .name("b", _), .binary(.subtract, .name("c", _), .name("d", _), _), _), .integer(2, _), _), _) = e else {
            return XCTFail("\(e)")
        }
        guard case .expression(.binary(.subtract, .binary(.subtract, .integer(1, _), .integer(2, _), _), .integer(3, _), _)) = try parse("1 - 2 - 3")[0] else {
            return XCTFail("subtraction associates to the left")
        }
        XCTAssertEqual(try parse("+x"), [.expression(.name("x", at(1, 2)))], "unary plus is the operand itself")
        XCTAssertEqual(try parse("--x"), [.expression(.unaryMinus(.unaryMinus(.name("x", at(1, 3)), at(1, 2)), at(1, 1)))])
    }

    func testCallsWithPositionalAndKeywordArgumentsAcrossLines() throws {
        let source = "coords, vals = conv_soft_argmax2d(x, (3,3), (2,2),\n    (1,1), output_value=True,)"
        let parsed = try Parser.parse(source)
        XCTAssertEqual(parsed.count, 1)
        XCTAssertEqual(parsed[0].range, 0..<source.count)
        XCTAssertEqual(parsed[0].position, at(1, 1))
        guard case .assignment(let targets, .call(.name("conv_soft_argmax2d", _), let args, _)) = parsed[0].statement else { return XCTFail() }
        XCTAssertEqual(targets.count, 2)
        XCTAssertEqual(args.map(\.label), [nil, nil, nil, nil, "output_value"])
        XCTAssertEqual(args[4].position, at(2, 12), "a keyword argument is positioned at its keyword")
        guard case .tuple(let items, _) = args[1].value else { return XCTFail() }
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(try parse("f()"), [.expression(.call(.name("f", at(1, 1)), [], at(1, 2)))])
    }

    func testTuplesListsIndexingAndAttributes() throws {
        XCTAssertEqual(try parse("(1,)"), [.expression(.tuple([.integer(1, at(1, 2))], at(1, 1)))])
        XCTAssertEqual(try parse("()"), [.expression(.tuple([], at(1, 1)))])
        XCTAssertEqual(try parse("(1)"), [.expression(.integer(1, at(1, 2)))], "parentheses alone group")
        XCTAssertEqual(try parse("[]"), [.expression(.list([], at(1, 1)))])
        guard case .expression(.list(let items, _)) = try parse("[(1, 2), (3, 4),]")[0] else { return XCTFail() }
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

    func testStatementRangesCoverOnlyTheirOwnText() throws {
        let source = "a = 1; print(a)  # note\nb = f(\n  2)"
        let characters = Array(source)
        XCTAssertEqual(try Parser.parse(source).map { String(characters[$0.range]) }, ["a = 1", "print(a)", "b = f(\n  2)"])
    }

    func testSyntaxErrorsNameWhatWasExpectedAndWhere() {
        let cases: [(String, String)] = [
            ("x = (1, 2", "1:10: expected ')' to close the parenthesis, got end of input"),
            ("f(a=1, 2)", "1:8: positional argument after keyword arguments"),
            ("1 = x", "1:1: cannot assign to this expression; expected a name, name.attribute or name[index]"),
            ("f(x) = 1", "1:1: cannot assign to this expression; expected a name, name.attribute or name[index]"),
            ("x = 1 2", "1:7: expected end of statement, got 2"),
            ("x = 1 'a'", "1:7: expected end of statement, got \"a\""),
            ("x = y = 1", "1:7: expected end of statement, got '='"),
            ("f(1))", "1:5: expected end of statement, got ')'"),
            ("y = [1, 2", "1:10: expected ']' to close the list, got end of input"),
            ("f(1,\n", "1:5: expected ')' to close the call, got end of input"),
            ("f(1; 2)", "1:4: expected ')' to close the call, got ';'"),
            ("f(1]", "1:4: expected ')' to close the call, got ']'"),
            ("x.", "1:3: expected an attribute name after '.', got end of input"),
            ("x.1", "1:2: expected end of statement, got 0.1"),
            ("x.(", "1:3: expected an attribute name after '.', got '('"),
            ("x[0", "1:4: expected ']' to close the index, got end of input"),
            ("x[]", "1:3: expected an expression, got ']'"),
            ("x[0:2:]]", "1:8: expected end of statement, got ']'"),
            ("x[0 1]", "1:5: expected ']' to close the index, got 1"),
            ("= 3", "1:1: expected an expression, got '='"),
            ("x = 1 +", "1:8: expected an expression, got end of input"),
            ("x = 1 +\ny = 2", "1:8: expected an expression, got end of line"),
            ("x = 2 ** * 3", "1:10: expected an expression, got '*'"),
            ("x = 7 /// 2", "1:9: expected an expression, got '/'"),
            ("f(,)", "1:3: expected an expression, got ','"),
            ("ok = 1\nbad = (", "2:8: expected ')' to close the parenthesis, got end of input"),
        ]
        for (source, message) in cases {
            XCTAssertThrowsError(try Parser.parse(source), source) { XCTAssertEqual("\($0)", message, source) }
        }
    }

    func testNestingIsBoundedSoHostileInputCannotOverflowTheStack() {
        let cases = [
            String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
            String(repeating: "-", count: 5000) + "1",
            "x = " + Array(repeating: "1", count: 100_000).joined(separator: " + "),
            "x = 2" + String(repeating: " * 2", count: 100_000),
            "x = y" + String(repeating: "[0]", count: 100_000),
            "x = y" + String(repeating: ".shape", count: 100_000),
            String(repeating: "f(", count: 5000),
        ]
        for source in cases {
            XCTAssertThrowsError(try Parser.parse(source), String(source.prefix(20))) {
                XCTAssertTrue("\($0)".hasSuffix("expression nested deeper than 200 levels"), "\($0)")
            }
        }
        XCTAssertNoThrow(try Parser.parse("x = " + Array(repeating: "1", count: 150).joined(separator: " + ")), "ordinary chains are fine")
        XCTAssertNoThrow(try Parser.parse("x = [" + Array(repeating: "1", count: 100_000).joined(separator: ", ") + "]"), "long lists are flat, not deep")
    }
}
