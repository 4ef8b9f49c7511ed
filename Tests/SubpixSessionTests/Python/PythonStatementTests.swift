import XCTest
@testable import SubpixLanguage
@testable import SubpixSession

/// Blocks, loops, functions and assignments, each case with what Python prints for it.
final class PythonStatementTests: ScriptTestCase {
    func testIfElifElseAndNestedBlocks() throws {
        let source = """
            for i in range(4):
                if i == 0:
                    print("zero")
                elif i % 2 == 1:
                    if i > 2: print("odd", i)
                    else:
                        pass
                else:
                    print("even", i)
            """
        XCTAssertEqual(try output(source), "zero\neven 2\nodd 3")
    }

    func testForVisitsEveryKindOfSequence() throws {
        try value("x = zeros((3, 2))\nx[1] = 1\nkp = keypoints(gaussians(size=(8, 8), peaks=[(2, 3, 1), (6, 5, 1)]), min_value=0.9)")
        XCTAssertEqual(try output("""
            for a in (1, 'b'): print(a)
            for k in {'p': 1, 'q': 2}: print(k)
            for c in 'hi': print(c)
            for i in range(10, 4, -3): print(i)
            for row in x: print(row.shape, row.sum())
            for p in kp: print(p.x, p.y)
            """), "1\nb\np\nq\nh\ni\n10\n7\n(2,) 0.0\n(2,) 2.0\n(2,) 0.0\n2.0 3.0\n6.0 5.0")
    }

    func testWhileBreakContinue() throws {
        XCTAssertEqual(try output("""
            n = 0
            total = 0
            while True:
                n += 1
                if n % 2 == 0:
                    continue
                if n > 7:
                    break
                total += n
            print(n, total)
            """), "9 16")
    }

    func testFunctionsBindArgumentsAsPython() throws {
        XCTAssertEqual(try output("""
            scale = 10
            def f(a, b=2, c=None):
                if c is None:
                    c = scale
                return a * b + c
            print(f(1), f(1, 3), f(1, c=0), f(b=1, a=5))
            def fib(n):
                return n if n < 2 else fib(n - 1) + fib(n - 2)
            print([fib(i) for i in range(10)])
            def nothing():
                pass
            print(nothing())
            """), "12 13 2 15\n[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]\nNone")
        XCTAssertNil(session.variables["a"], "parameters are local to the call")
        assertErrors([
            ("f()", "1:1: f() missing required argument 'a'"),
            ("f(1, 2, 3, 4)", "1:12: f() takes 3 positional arguments, got 4"),
            ("f(1, d=2)", "1:6: f() got an unexpected keyword 'd'; it takes f(a, b=2, c=None)"),
            ("def g(a=1, b): pass", "1:12: parameter 'b' without a default follows one with a default"),
            ("return 1", "1:1: 'return' outside a function"),
            ("break", "1:1: 'break' outside a loop"),
        ])
    }

    func testRecursionIsLimitedWithAClearError() throws {
        try value("def down(n):\n    return down(n + 1)")
        assertErrors([("down(0)", "2:12: maximum recursion depth exceeded: 100 calls of script functions are running (in down())")])
    }

    func testAugmentedAndItemAssignment() throws {
        XCTAssertEqual(try output("""
            a = [1, 2, 3, 4]
            a[0] = 10
            a[-1] *= 2
            a[1:3] = [7]
            b = a
            a.append(5)
            print(a, b, a.pop(), a)
            n = 7
            n //= 2 if False else 1
            n -= 1
            n /= 4
            print(n)
            """), "[10, 7, 8, 5] [10, 7, 8] 5 [10, 7, 8]\n1.5")
        try value("x = zeros((2, 3))\nx[0, 1] = 5\nx[1] = [1, 2, 3]\nx[:, 0] += 1")
        XCTAssertEqual(try elements("x"), [1, 5, 0, 2, 2, 3])
        assertErrors([("t = (1, 2)\nt[0] = 5", "2:2: a tuple does not support item assignment")])
    }

    func testBlocksAreJournaledAsTheyWereWritten() throws {
        let loop = "for c in range(2):\n    y = c * 2\n    print(y)"
        try value("x = 1\n\(loop)\nprint(x)")
        XCTAssertEqual(session.journal, ["x = 1", loop])
        // The viewer's `w` writes the journal as a script: it replays to the same variables.
        let written = ViewScript.text(session, methods: [])
        XCTAssertEqual(written, "x = 1\n\(loop)\n")
        let replay = Session(output: { _ in })
        try replay.execute(written)
        XCTAssertEqual(replay.variables["y"], .int(2))
    }

    /// `if x: a; b` puts both in the block, as Python does; at the top level each
    /// statement between `;` is journaled on its own, and a compound one with its whole line.
    func testSemicolonsSeparateTheStatementsOfAOneLineBlock() throws {
        XCTAssertEqual(try output("x = 0\nif x: print('a'); print('b')\nprint('c');"), "c")
        XCTAssertEqual(session.journal, ["x = 0", "if x: print('a'); print('b')"])
        try value("n = 0\nwhile n < 3: n += 1; m = n * 2\ny = 1; z = 2;")
        XCTAssertEqual(session.journal.suffix(3), ["while n < 3: n += 1; m = n * 2", "y = 1", "z = 2"])
        XCTAssertEqual([session.variables["m"], session.variables["z"]], [.int(6), .int(2)])
        assertErrors([
            ("if True: x = 1;; y = 2", "1:16: expected an expression, got ';'"),
            ("f(1; 2)", "1:4: expected ')' to close the call, got ';'"),
        ])
    }

    func testIndentationErrorsNameTheLine() throws {
        assertErrors([
            ("  x = 1", "1:3: unexpected indent: only the lines of a block (after a line ending in ':') are indented"),
            ("if True:\nx = 1", "2:1: expected an indented block after the 'if' line, got 'x'"),
            ("if True:\n    x = 1\n  y = 2", "3:3: this line's indentation matches no enclosing block"),
            ("for i in range(3)\n    pass", "1:18: expected ':' to end the 'for' line, got end of line"),
            ("else:\n    pass", "1:1: 'else' without an 'if' before it"),
        ])
    }
}
