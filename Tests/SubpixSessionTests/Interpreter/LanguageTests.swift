import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// The issue's everyday scripting: arguments as numbers, integer arithmetic for
/// shapes, slicing that keeps (1, 1, H, W), and errors that name the axis and bound.
/// (Values that Python and NumPy settle are in PythonGoldenTests.)
final class LanguageTests: ScriptTestCase {
    func testArgumentsConvertToNumbersForTheOps() throws {
        session.arguments = ["map.npy", "0.5", "3"]
        try value("""
            heat = gaussians(size=(9, 9), peaks=[(4, 4, 1)])
            temperature = float(args[1])
            k = int(args[2])
            c = conv_soft_argmax2d(heat, (k, k), (1, 1), (k // 2, k // 2), temperature=temperature)
            """)
        XCTAssertEqual(session.variables["temperature"], .float(0.5))
        XCTAssertEqual(session.variables["k"], .int(3))
        XCTAssertEqual(try value("c.shape"), .tuple([1, 1, 2, 9, 9].map(Value.int)))
    }

    func testNewOperatorsOnTensorsFollowNumPyElementwise() throws {
        try value("x = load(\"\(TestResources.path("language/arange.npy"))\")[0, 0, 0] - 2")   // [-2, -1, 0, 1, 2]
        // Hand-derived: floor(-2 / 2) = -1, floor(-1 / 2) = -1, 0, 0, 1; remainders take the divisor's sign.
        try value("f = x // 2\nr = x % 3\np = x ** 2\nq = 2 ** x\nz = x // 0\nw = x % 0")
        XCTAssertEqual(try elements("f"), [-1, -1, 0, 0, 1])
        XCTAssertEqual(try elements("r"), [1, 2, 0, 1, 2])
        XCTAssertEqual(try elements("p"), [4, 1, 0, 1, 4])
        XCTAssertEqual(try elements("q"), [0.25, 0.5, 1, 2, 4])
        // By zero NumPy gives -inf/inf (nan for 0 // 0) and nan for every remainder, as / does here.
        let z = try elements("z")
        XCTAssertEqual(z[0], -.infinity)
        XCTAssertTrue(z[2].isNaN)
        XCTAssertEqual(z[4], .infinity)
        XCTAssertTrue(try elements("w").allSatisfy(\.isNaN))
        XCTAssertEqual(session.tensor(named: "f")?.dtype, .float32)
    }

    func testIntegerDivisionByZeroIsAnErrorAndBigPowersBecomeFloats() throws {
        assertErrors([
            ("7 // 0", "1:3: integer division by zero: 7 // 0"),
            ("-7 % 0", "1:4: integer modulo by zero: -7 % 0"),
            ("zeros((2,)) ** zeros((3,))", "1:13: cannot raise tensors of shapes (2,) and (3,); they do not broadcast (axes must match, be 1, or be missing, aligned from the last)"),
            ("'a' // 2", "1:5: unsupported operand types for //: str and int"),
        ])
        XCTAssertEqual(try value("7.0 // 0"), .float(.infinity), "floats follow NumPy, as / does")
        XCTAssertEqual(try value("2 ** 64"), .float(18446744073709551616.0), "overflow falls back to a float, as + does")
        XCTAssertEqual(try value("(-2) ** 63"), .int(Int.min))
        XCTAssertEqual(try value("(-2) ** 63 // -1"), .float(9223372036854775808.0), "the one overflowing quotient becomes a float")
        XCTAssertEqual(try value("(-2) ** 63 % -1"), .int(0))
    }

    func testSliceKeepsTheBatchAndChannelAxesForTheOps() throws {
        try value("""
            heat = randn((2, 17, 12, 10), seed=3)
            one = heat[0:1, 7:8]
            c = conv_soft_argmax2d(one, normalized_coordinates=False)
            """)
        XCTAssertEqual(try value("one.shape"), .tuple([1, 1, 12, 10].map(Value.int)))
        XCTAssertEqual(try value("heat[0, 7].shape"), .tuple([12, 10].map(Value.int)), "integers drop axes, as in NumPy")
        XCTAssertEqual(try value("heat[0, 7][None, None].shape"), try value("one.shape"))
        XCTAssertEqual(try value("unsqueeze(unsqueeze(heat[0, 7], 0), 0).shape"), try value("one.shape"))
        XCTAssertEqual(try value("heat[1, 7:8, ..., ::2].shape"), .tuple([1, 12, 5].map(Value.int)))
    }

    func testIndexErrorsNameTheAxisAndTheBound() throws {
        try value("heat = zeros((1, 17, 64, 48))\nm = nms2d(heat, (3, 3), mask_only=True)")
        assertErrors([
            ("heat[0, 17]", "1:5: index 17 is out of range for axis 1 of size 17; expected -17...16"),
            ("heat[:, :, -65]", "1:5: index -65 is out of range for axis 2 of size 64; expected -64...63"),
            ("heat[..., 48]", "1:5: index 48 is out of range for axis 3 of size 48; expected -48...47"),
            ("heat[None, 0, 0, 0, 0, 0]", "1:5: too many indices (5) for a tensor of shape (1, 17, 64, 48) with 4 axes"),
            ("heat[::0]", "1:5: slice step cannot be zero (axis 0)"),
            ("heat[0, ..., ...]", "1:5: an index can only have a single ellipsis ('...')"),
            ("heat[0:1.5]", "1:8: expected integer slice bounds (start:stop:step), got a float"),
            ("m[0, 20]", "1:2: index 20 is out of range for axis 1 of size 17; expected -17...16"),
            ("[1, 2, 3][::0]", "1:10: slice step cannot be zero (a list of length 3)"),
            ("[1, 2, 3][None]", "1:10: expected an integer or a slice to index a list of length 3, got None"),
            ("reshape(heat, (2, -1, 5))", "1:15: reshape(): expected shape to be a shape of 52224 elements for a tensor of shape (1, 17, 64, 48), got (2, -1, 5)"),
            ("heat.reshape(-1, -1)", "1:14: reshape(): expected shape to be non-negative sizes with at most one -1, got (-1, -1)"),
            ("unsqueeze(heat, 5)", "1:17: unsqueeze(): expected dim to be an axis in -5...4 for a tensor of shape (1, 17, 64, 48), got int 5"),
            ("squeeze(heat, 1)", "1:15: squeeze(): expected dim to be an axis of size 1, got axis 1 of size 17 in (1, 17, 64, 48)"),
            ("squeeze(heat, -5)", "1:15: squeeze(): expected dim to be an axis in -4...3 for a tensor of shape (1, 17, 64, 48), got int -5"),
            ("heat.reshape", "1:5: 'reshape' is a method of a tensor; call it: .reshape(...)"),
            ("reshape(3, (1,))", "1:9: reshape(): expected input to be a tensor or a mask, got int 3"),
        ])
    }

    func testSlicingMasksListsStringsKeypointsAndArguments() throws {
        session.arguments = ["a.npy", "b.npy", "c.npy"]
        try value("""
            heat = gaussians(size=(9, 9), peaks=[(2, 2, 1), (6, 6, 1, 0.5)])
            m = nms2d(heat, (3, 3), mask_only=True)
            c, v = conv_soft_argmax2d(heat, output_value=True, normalized_coordinates=False)
            kp = keypoints(c, v, mask=m)
            """)
        XCTAssertEqual(try value("m[0, 0, 2, 2], m[0:1, :, 6].shape, m.reshape(81).shape, m.squeeze().shape"),
                       .tuple([.mask(try Mask(shape: [], elements: [true])), .tuple([1, 1, 9].map(Value.int)),
                               .tuple([.int(81)]), .tuple([9, 9].map(Value.int))]))
        XCTAssertEqual(try value("args[1:]"), .list([.string("b.npy"), .string("c.npy")]))
        XCTAssertEqual(try value("args[::-2]"), .list([.string("c.npy"), .string("a.npy")]))
        XCTAssertEqual(try value("'heat.npy'[:-4]"), .string("heat"))
        XCTAssertEqual(try value("(1, 2, 3)[5:]"), .tuple([]), "slices clamp, as in Python")
        XCTAssertEqual(try value("len(kp), len(kp[0:1])"), .tuple([.int(2), .int(1)]))
        guard case .keypoints(let first) = try value("kp[:1]") else { return XCTFail("a slice of keypoints is keypoints") }
        XCTAssertEqual(try XCTUnwrap(first.first).x, 2, accuracy: 1e-3, "the brighter peak comes first")
    }

    func testMethodsSpellTheShapeAsNumPyDoes() throws {
        try value("x = zeros((2, 3, 4))")
        XCTAssertEqual(try value("x.reshape(4, 6).shape"), .tuple([.int(4), .int(6)]))
        XCTAssertEqual(try value("x.reshape((4, 6)).shape"), .tuple([.int(4), .int(6)]))
        XCTAssertEqual(try value("x.reshape(shape=(24,)).shape"), .tuple([.int(24)]))
        XCTAssertEqual(try value("x.unsqueeze(1).shape"), .tuple([2, 1, 3, 4].map(Value.int)))
        XCTAssertEqual(try value("x[0:1].squeeze().shape"), .tuple([.int(3), .int(4)]))
        XCTAssertEqual(session.tensor(named: "x")?.dtype, .float32)
    }
}
