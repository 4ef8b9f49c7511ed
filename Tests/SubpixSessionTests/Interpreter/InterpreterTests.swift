import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

final class InterpreterTests: ScriptTestCase {
    func testLiteralsAndConstants() throws {
        XCTAssertEqual(try value("1e-8"), .float(1e-8))
        XCTAssertEqual(try value("42"), .int(42))
        XCTAssertEqual(try value("'a'"), .string("a"))
        XCTAssertEqual(try value("True, False, true, false, None"), .tuple([.bool(true), .bool(false), .bool(true), .bool(false), .none]))
        XCTAssertEqual(try value("[1, (2, 3)]"), .list([.int(1), .tuple([.int(2), .int(3)])]))
        XCTAssertThrowsError(try value("99999999999999999999"), "integers beyond 64 bits are an error, not a silent float") {
            XCTAssertEqual("\($0)", "1:1: integer literal too large: subpix integers are 64-bit (at most 9223372036854775807); write a float such as 1e20")
        }
    }

    func testArithmeticOnNumbers() throws {
        XCTAssertEqual(try value("2 + 3 * 4"), .int(14))
        XCTAssertEqual(try value("(2 + 3) * 4"), .int(20))
        XCTAssertEqual(try value("7 / 2"), .float(3.5), "/ of integers is true division, as in Python 3")
        XCTAssertEqual(try value("6 / 3"), .float(2))
        XCTAssertEqual(try value("-(1 - 3)"), .int(2))
        XCTAssertEqual(try value("1.5 * 2"), .float(3))
        XCTAssertEqual(try value("True + 1"), .int(2), "a bool is the int 0 or 1, as in Python")
        XCTAssertEqual(try value("1 / 0"), .float(.infinity), "division by zero follows IEEE, as NumPy does")
        XCTAssertEqual(try value("9223372036854775807 + 1"), .float(9223372036854775808.0), "overflow falls back to floats")
        XCTAssertEqual(try value("'ab' + 'c'"), .string("abc"))
    }

    func testArithmeticOnTensorsBroadcastsScalarsAndKeepsTheDtype() throws {
        try value("x = ones((1, 1, 2, 2)) * 3 - 1\ny = x / 2 + x\nz = 10 - x\nn = -x")
        XCTAssertEqual(try elements("y"), [3, 3, 3, 3])
        XCTAssertEqual(try elements("z"), [8, 8, 8, 8])
        XCTAssertEqual(try elements("n"), [-2, -2, -2, -2])
        XCTAssertEqual(session.tensor(named: "x")?.dtype, .float32)
        try value("r = randn((2, 3), seed=1)\ns = r * r - r / (r + 10)")
        let r = try elements("r")
        // Each operation gives a float32 tensor, as in NumPy and torch: float arithmetic step by step.
        XCTAssertEqual(try elements("s"), r.map { let f = Float($0); return Double(f * f - f / (f + 10)) })
        try value("w = x + zeros((1, 1, 2, 2), dtype='float64')")
        XCTAssertEqual(session.tensor(named: "w")?.dtype, .float64, "float64 wins")
        try value("c = x[0, 0, 1, 1] + x")
        XCTAssertEqual(try elements("c"), [4, 4, 4, 4], "a 0-d tensor broadcasts like a number")
        XCTAssertEqual(session.tensor(named: "c")?.shape, [1, 1, 2, 2])
    }

    func testMasksCountAsZeroAndOne() throws {
        try value("x = zeros((1, 1, 3, 3)) + 1\nm = nms2d(x + gaussians(size=(3, 3), peaks=[(1, 1, 1)]), (3, 3), mask_only=True)\nkept = x * m")
        XCTAssertEqual(try elements("kept"), [0, 0, 0, 0, 1, 0, 0, 0, 0], "only the centre is a strict maximum")
        XCTAssertEqual(try value("m.dtype"), .string("bool"))
        XCTAssertEqual(try value("m.shape"), .tuple([.int(1), .int(1), .int(3), .int(3)]))
        XCTAssertEqual(try value("m[0, 0].ndim"), .int(2))
        XCTAssertEqual(try value("m.size"), .int(9))
    }

    func testIndexingPicksLeadingAxesLikeNumPy() throws {
        try value("x = randn((2, 3, 4, 5), seed=1)")
        let x = try elements("x")
        XCTAssertEqual(try value("x.shape"), .tuple([2, 3, 4, 5].map { .int($0) }))
        XCTAssertEqual(try value("x[1].shape"), .tuple([3, 4, 5].map { .int($0) }))
        XCTAssertEqual(try value("x[1, -1].shape"), .tuple([.int(4), .int(5)]))
        XCTAssertEqual(try value("x[0, 0, 0, 0].shape"), .tuple([]))
        try value("m = x[1, 2]\nv = x[-1, 2, 3, 4]\nw = x[1][2]")
        XCTAssertEqual(try elements("m"), Array(x[(1 * 3 + 2) * 20 ..< (1 * 3 + 3) * 20]))
        XCTAssertEqual(try elements("w"), try elements("m"))
        XCTAssertEqual(try elements("v"), [x[119]])
        XCTAssertEqual(try value("x.dtype, x.ndim, x.size"), .tuple([.string("float32"), .int(4), .int(120)]))
        XCTAssertEqual(try value("[10, 20, 30][-1]"), .int(30))
        XCTAssertEqual(try value("(10, 20)[0]"), .int(10))
    }

    func testTupleDestructuringAssignsEveryName() throws {
        try value("a, b = (1, 'two')\nc, d = [3, 4]\na, c = c, a")
        XCTAssertEqual(session.variables["a"], .int(3))
        XCTAssertEqual(session.variables["b"], .string("two"))
        XCTAssertEqual(session.variables["c"], .int(1))
        XCTAssertEqual(session.variables["d"], .int(4))
    }

    func testBuiltinsAreValuesAndViewIsTheSettingsObject() throws {
        XCTAssertEqual(try value("zeros"), .function("zeros"))
        try value("f = ones\nx = f((2,))")
        XCTAssertEqual(try elements("x"), [1, 1])
        XCTAssertEqual(try value("view"), .view)
        XCTAssertEqual(try value("view.temperature"), .float(1))
    }

    func testArgsAreTheScriptArguments() throws {
        session.arguments = ["in.npy", "out.csv"]
        XCTAssertEqual(try value("args"), .list([.string("in.npy"), .string("out.csv")]))
        XCTAssertEqual(try value("args[1]"), .string("out.csv"))
    }

    func testEveryEvaluationErrorNamesTheProblemAndPlace() throws {
        try value("heat = zeros((1, 1, 4, 4))")
        assertErrors([
            ("print(heet)", "1:7: name 'heet' is not defined; did you mean 'heat'?"),
            ("zzz", "1:1: name 'zzz' is not defined"),
            ("heat + zeros((2, 2))", "1:6: cannot add tensors of shapes (1, 1, 4, 4) and (2, 2); they do not broadcast (axes must match, be 1, or be missing, aligned from the last)"),
            ("heat / zeros((2, 2))", "1:6: cannot divide tensors of shapes (1, 1, 4, 4) and (2, 2); they do not broadcast (axes must match, be 1, or be missing, aligned from the last)"),
            ("'a' * heat", "1:5: unsupported operand types for *: str and tensor"),
            ("'a' - 'b'", "1:5: unsupported operand types for -: str and str"),
            ("(1, 2) + 1", "1:8: unsupported operand types for +: tuple and int"),
            ("-'a'", "1:1: cannot negate a str"),
            ("heat[4]", "1:5: index 4 is out of range for axis 0 of size 1; expected -1...0"),
            ("heat[0, -2]", "1:5: index -2 is out of range for axis 1 of size 1; expected -1...0"),
            ("heat[0, 0, 0, 0, 0]", "1:5: too many indices (5) for a tensor of shape (1, 1, 4, 4) with 4 axes"),
            ("heat['a']", "1:5: expected integers, slices, None or ... as tensor indices, got 'a'"),
            ("heat[1.5]", "1:5: expected integer indices, got a float"),
            ("(1, 2)[2]", "1:7: index 2 is out of range for a tuple of length 2"),
            ("[1, 2][0, 1]", "1:7: expected one index or slice for a list of length 2, got 2"),
            ("'abc'[3]", "1:6: index 3 is out of range for a str of length 3"),
            ("heat.foo", "1:5: a tensor has no attribute 'foo'; expected one of shape, dtype, ndim, size, T, reshape(), squeeze(), unsqueeze(), sum(), mean(), max(), min(), std(), argmax(), argmin(), any(), all()"),
            ("(1).shape", "1:4: an int has no attribute 'shape'"),
            ("a, b = heat.shape", "1:8: cannot unpack 4 values into 2 names"),
            ("a, b = 3", "1:8: cannot unpack an int into 2 names"),
            ("3(1)", "1:1: an int is not callable"),
            ("heat(1)", "1:1: a tensor is not callable"),
            ("True = 1", "1:1: cannot assign to 'True'"),
            ("None = 1", "1:1: cannot assign to 'None'"),
            ("view = 1", "1:1: cannot assign to 'view'"),
            ("args = 2", "1:1: cannot assign to 'args'"),
            ("heat.shape = 1", "1:5: only view settings can be assigned as attributes (view.shape = ...)"),
        ])
        XCTAssertEqual(session.variables.keys.sorted(), ["heat"], "errors never lose or add variables")
    }

    func testAFailingAssignmentChangesNothing() throws {
        try value("a = 1\nb = 2")
        XCTAssertThrowsError(try value("a, True = 5, 6"))
        XCTAssertEqual(session.variables["a"], .int(1), "a refused target leaves the other names alone")
        XCTAssertThrowsError(try value("a, view.temperature = 5, -1"))
        XCTAssertEqual(session.variables["a"], .int(1))
        XCTAssertThrowsError(try value("b = nope + 1"))
        XCTAssertEqual(session.variables["b"], .int(2))
    }
}
