import XCTest
@testable import SubpixLanguage
@testable import SubpixSession

/// Comparisons, logic, conditional expressions, literals and dicts, with Python's answers
/// written next to each case (what `python3 -c "print(...)"` prints).
final class PythonExpressionTests: ScriptTestCase {
    func testComparisonsChainAsInPython() throws {
        XCTAssertEqual(try output("print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, 1 != 2, 2 >= 2 > 1, 'a' < 'b', (1, 2) < (1, 3), [1] == [1])"),
                       "True False True True True True True True")
        XCTAssertEqual(try output("print(None is None, 1 is not None, 'b' in 'abc', 2 not in [1, 3], 'k' in {'k': 1}, 3 in range(5))"),
                       "True True True True True True")
        // A chain stops at its first false link: the 1/0 is never evaluated.
        XCTAssertEqual(try value("3 < 2 < 1 / 0"), .bool(false))
        assertErrors([("1 < 'a'", "1:3: '<' is not supported between an int and a str")])
    }

    func testLogicShortCircuitsAndReturnsAnOperand() throws {
        XCTAssertEqual(try output("print(True and False, 0 or 'x', 1 and 2, not 0, not [1], [] or None)"), "False x 2 True False None")
        XCTAssertEqual(try value("False and 1 / 0"), .bool(false))
        XCTAssertEqual(try value("1 or undefined_name"), .int(1))
        XCTAssertEqual(try value("'yes' if 2 > 1 else 'no'"), .string("yes"))
        XCTAssertEqual(try value("1 if 0 else 2 if 0 else 3"), .int(3), "conditional expressions nest to the right")
    }

    func testNumericLiteralsAsPythonReadsThem() throws {
        XCTAssertEqual(try output("print(1e400, -1e400, 0x10, 0o17, 0b101, 1_000, 1_0.5, 2e-3)"), "inf -inf 16 15 5 1000 10.5 0.002")
        XCTAssertEqual(try value("9223372036854775807"), .int(Int.max))
        assertErrors([("x = 9223372036854775808", "1:5: integer literal too large: subpix integers are 64-bit (at most 9223372036854775807); write a float such as 1e20")])
    }

    func testBackslashContinuesALine() throws {
        XCTAssertEqual(try value("x = 1 + \\\n    2\nx"), .int(3))
        assertErrors([("x = 1 \\ 2", "1:7: expected a line break after '\\' (line continuation)")])
    }

    func testDictsIndexAndIterateInInsertionOrder() throws {
        try value("d = {'a': 1, 'b': [2]}\nd['c'] = 3\nd['a'] += 10\nd[1.0] = 'one'")
        XCTAssertEqual(try output("print(d, d['a'], d.get('z', 9), d.get('z'), list(d.keys()), len(d), d[1], d[True])"),
                       "{'a': 11, 'b': [2], 'c': 3, 1.0: 'one'} 11 9 None ['a', 'b', 'c', 1.0] 4 one one")
        XCTAssertEqual(try output("for k, v in d.items():\n    print(k, v)"), "a 11\nb [2]\nc 3\n1.0 one")
        assertErrors([
            ("d['z']", "1:2: key 'z' is not in the dict; its keys: 'a', 'b', 'c', 1.0"),
            ("{[1]: 2}", "1:1: a list cannot be a dict key (unhashable); use a str, number or tuple"),
            ("{1, 2}", "1:3: sets are not supported in subpix scripts; a dict is written {key: value}"),
        ])
    }

    func testUnsupportedPythonIsNamed() throws {
        let message = "is not supported in subpix scripts (docs/repl.md, \"For Python users\", lists what is)"
        assertErrors([
            ("class A: pass", "1:1: 'class' \(message)"),
            ("import numpy as np", "1:1: 'import' \(message)"),
            ("from math import pi", "1:1: 'from' \(message)"),
            ("try:\n    x = 1\nexcept: pass", "1:1: 'try' \(message)"),
            ("with open('f') as f: pass", "1:1: 'with' \(message)"),
            ("del x", "1:1: 'del' \(message)"),
            ("f(**d)", "1:3: unpacking keyword arguments with ** is not supported in subpix scripts"),
            ("def f(*a): pass", "1:7: *args and **kwargs parameters are not supported in subpix scripts"),
            ("1 == 1 = 2", "1:1: cannot assign to a comparison; '==' compares, '=' assigns"),
        ])
    }

    /// What calling functions as values gets wrong, each with a one-line error naming it.
    func testFunctionValuesAndUnpackingErrorsNameWhatWasExpected() throws {
        assertErrors([
            ("sorted([1, 2], key=3)", "1:20: sorted(): expected key to be a function (a builtin such as len, one written with def, or a lambda), got int 3"),
            ("filter(1, [2])", "1:8: filter(): expected function to be a function (a builtin such as len, one written with def, or a lambda), got int 1"),
            ("(lambda x: x)()", "1:2: <lambda>() missing required argument 'x'"),
            ("print(*3)", "1:7: *items needs an iterable (a list, tuple, dict, str, range, tensor or keypoints), got an int"),
            ("print(sep='', *[1])", "1:15: *items after keyword arguments"),
            ("map(str)", "1:1: map(): expected at least one iterable after the function, got none"),
            ("sorted([1, 'a'], key=lambda v: v)", "1:1: cannot order a str and an int"),
            ("lambda: ", "1:9: expected an expression, got end of input"),
        ])
    }
}
