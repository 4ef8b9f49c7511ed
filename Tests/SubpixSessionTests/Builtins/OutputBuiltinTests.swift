import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// print, show, help, vars, time.
final class OutputBuiltinTests: ScriptTestCase {
    func testPrintJoinsValuesWithSpacesAndStringsBare() throws {
        try value("print(1, 'a', (2, 3.5), [True, None])\nprint()")
        XCTAssertEqual(printed, ["1 a (2, 3.5) [True, None]", ""])
    }

    func testPrintCsvAndJsonAreMachineReadable() throws {
        try value("""
            x = zeros((1, 1, 2, 3)) + 1
            print(x, format='csv')
            print(x / 4, format='json')
            print(3, format='json')
            print((1, 2.5), format='csv')
            print('a"b', None, True, format='json')
            """)
        XCTAssertEqual(printed[0], "1.0,1.0,1.0\n1.0,1.0,1.0")
        XCTAssertEqual(printed[1], #"{"shape": [1, 1, 2, 3], "dtype": "float32", "data": [0.25, 0.25, 0.25, 0.25, 0.25, 0.25]}"#)
        XCTAssertEqual(printed[2], "3", "an int prints as the int it is, as json.dumps(3)")
        XCTAssertEqual(printed[3], "1,2.5")
        XCTAssertEqual(printed[4], #""a\"b" null true"#)
        try value("kp = keypoints(spatial_soft_argmax2d(gaussians(size=(9, 9), peaks=[(4, 4, 1)]), temperature=100, normalized_coordinates=False))")
        try value("print(kp, format='csv')\nprint(kp, format='json')\nprint(kp)")
        // T = 100 on a symmetric peak centred on pixel (4, 4): the soft-argmax is that pixel to float precision.
        let csv = printed[5].split(separator: "\n")
        XCTAssertEqual(csv[0], "batch,channel,x,y,value")
        let fields = csv[1].split(separator: ",").compactMap { Double($0) }
        XCTAssertEqual(fields.count, 5)
        XCTAssertEqual(fields[2], 4, accuracy: 1e-4)
        XCTAssertEqual(fields[3], 4, accuracy: 1e-4)
        XCTAssertEqual(fields[4], 1, "spatial_soft_argmax2d keypoints carry value 1")
        XCTAssertTrue(printed[6].hasPrefix(#"[{"batch": 0, "channel": 0, "x": "#), printed[6])
        XCTAssertTrue(printed[7].hasPrefix("batch channel          x          y      value\n    0       0     4.0000     4.0000     1.0000"), printed[7])
    }

    func testShowSummarisesAndDrawsTheFirstMapAsAnAsciiRamp() throws {
        // Two identical rows 0...9: averaged to one text row (characters are twice as tall as wide),
        // value v maps to ramp step floor(v / 9 * 10), capped at 9: every step once, low to high.
        try value("x = zeros((1, 1, 2, 10))\nrow = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]")
        let rows = (0..<10).map { Float($0) }
        session.assignForTest("x", .tensor(.float32(try Tensor(shape: [1, 1, 2, 10], elements: rows + rows))))
        try value("show(x)")
        XCTAssertEqual(printed, ["tensor (1, 1, 2, 10) float32  min 0  max 9  mean 4.5", " .,:-=*#%@"])
    }

    func testShowMarksNonFiniteCellsAndUsesColoursOnATerminal() throws {
        session.assignForTest("x", .tensor(.float64(try Tensor(shape: [1, 1, 2, 2], elements: [0, .nan, 1, .infinity]))))
        try value("show(x)")
        // ASCII: the two rows average into one; column 0 is (0 + 1) / 2, the only finite cell, so it
        // takes the middle of the ramp ('='); column 1 averages NaN and inf, drawn as '?'.
        XCTAssertEqual(printed, ["tensor (1, 1, 2, 2) float64  min 0  max 1  mean 0.5  (2 NaN/inf)", "=?"])
        printed = []
        session.colorOutput = true
        try value("show(x)")
        XCTAssertEqual(printed.count, 2)
        // One text row of half blocks: foreground = top row (0, NaN), background = bottom row (1, inf).
        XCTAssertEqual(printed[1], "\u{1B}[38;5;232m\u{1B}[48;5;255m▀\u{1B}[38;5;196m\u{1B}[48;5;196m▀\u{1B}[0m")
    }

    func testShowOfMasksAndOtherValues() throws {
        try value("m = nms2d(gaussians(size=(3, 3), peaks=[(1, 1, 1)]), (3, 3), mask_only=True)\nshow(m)\nshow((1, 2))")
        XCTAssertEqual(printed[0], "mask (1, 1, 3, 3) with 1 set")
        XCTAssertEqual(printed.last, "(1, 2)")
    }

    func testHelpListsEveryBuiltinByCategoryAndExplainsOne() throws {
        try value("help()")
        let overview = printed[0]
        for builtin in BuiltinRegistry.standard.all { XCTAssertTrue(overview.contains("  \(builtin.name) "), builtin.name) }
        for category in Builtin.Category.allCases { XCTAssertTrue(overview.contains("\n\(category.rawValue):\n"), category.rawValue) }
        try value("help(nms2d)\nhelp('spatial_soft_argmax2d')\nhelp(view)")
        XCTAssertTrue(printed[1].hasPrefix("nms2d(input, kernel_size, mask_only=False)\n  strict local maxima"), printed[1])
        XCTAssertTrue(printed[2].hasPrefix("spatial_soft_argmax2d(input, temperature=None, normalized_coordinates=True)\n"), printed[2])
        XCTAssertTrue(printed[3].contains("  temperature "), printed[3])
        assertErrors([
            ("help('conv_soft_argmx2d')", "1:1: help(): no builtin named 'conv_soft_argmx2d'; did you mean 'conv_soft_argmax2d'?"),
            ("help(1)", "1:6: help(): expected name to be a builtin (help(conv_soft_argmax2d)) or view, got int 1"),
        ])
    }

    /// kornia 0.9.0's signatures, as kornia/geometry/subpix/{spatial_soft_argmax,dsnt,nms}.py declare them.
    func testSignaturesShowKorniasDefaults() throws {
        let signatures = Dictionary(uniqueKeysWithValues: BuiltinRegistry.standard.all.map { ($0.name, $0.signature) })
        XCTAssertEqual(signatures["conv_soft_argmax2d"],
                       "conv_soft_argmax2d(input, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), temperature=1.0, normalized_coordinates=True, eps=1e-08, output_value=False)")
        XCTAssertEqual(signatures["conv_soft_argmax3d"],
                       "conv_soft_argmax3d(input, kernel_size=(3, 3, 3), stride=(1, 1, 1), padding=(1, 1, 1), temperature=1.0, normalized_coordinates=False, eps=1e-08, output_value=True, strict_maxima_bonus=None)")
        XCTAssertEqual(signatures["conv_quad_interp3d"],
                       "conv_quad_interp3d(input, n_iters=5, strict_maxima_bonus=None, max_subpixel_shift=0.6, precomputed_nms_mask=None, dilation_radius=1, allow_scale_steps=True)")
        XCTAssertEqual(signatures["spatial_softmax2d"], "spatial_softmax2d(input, temperature=None)")
        XCTAssertEqual(signatures["spatial_soft_argmax2d"], "spatial_soft_argmax2d(input, temperature=None, normalized_coordinates=True)")
        // kornia 0.7.4's, as the seed documents them.
        XCTAssertEqual(Builtin(method: .convQuadInterp3d, version: .v0_7).signature, "conv_quad_interp3d(input, strict_maxima_bonus=10.0, eps=1e-07)")
        XCTAssertEqual(Builtin(method: .spatialSoftmax2d, version: .v0_7).signature, "spatial_softmax2d(input, temperature=1.0)")
        XCTAssertEqual(Builtin(method: .spatialSoftArgmax2d, version: .v0_7).signature,
                       "spatial_soft_argmax2d(input, temperature=1.0, normalized_coordinates=True, eps=1e-08)")
        XCTAssertEqual(signatures["spatial_expectation2d"], "spatial_expectation2d(input, normalized_coordinates=True)")
        XCTAssertEqual(signatures["render_gaussian2d"], "render_gaussian2d(mean, std, size, normalized_coordinates=True)")
        XCTAssertEqual(signatures["nms3d"], "nms3d(input, kernel_size, mask_only=False)")
        XCTAssertEqual(signatures["iterative_quad_interp3d"],
                       "iterative_quad_interp3d(input, n_iters=5, strict_maxima_bonus=None, max_subpixel_shift=0.6, allow_scale_steps=True, precomputed_nms_mask=None, max_candidates=None)")
        XCTAssertEqual(signatures["print"], #"print(*values, sep=' ', end='\n', file=None, format=None)"#)
    }

    func testVarsListsEveryVariable() throws {
        try value("vars()")
        XCTAssertEqual(printed, ["(no variables)"])
        try value("x = zeros((1, 1, 2, 2))\nn = 3\ns = 'abc'\nm = nms2d(x, (3, 3), mask_only=True)\nvars()")
        XCTAssertEqual(printed[1], """
            m: mask (1, 1, 2, 2)
            n = 3
            s = 'abc'
            x: tensor (1, 1, 2, 2) float32  min 0  max 0  mean 0
            """)
    }

    func testTimeEvaluatesItsExpressionOncePerRepetition() throws {
        var polls = 0
        session.isInterrupted = {
            polls += 1
            return false
        }
        try value("t = time(randn((4, 4), seed=3), repeat=3)")
        XCTAssertEqual(polls, 4, "one poll for the statement and one per repetition")
        XCTAssertTrue(printed[0].hasPrefix("time: median "), printed[0])
        XCTAssertTrue(printed[0].hasSuffix(" ms over 3 runs"), printed[0])
        XCTAssertEqual(session.tensor(named: "t"), try XCTUnwrap(try value("randn((4, 4), seed=3)")).tensorValue)
        assertErrors([
            ("time(1, repeat=0)", "1:16: time(): expected repeat to be an integer in 1...1000000, got int 0"),
            ("time(nope)", "1:6: name 'nope' is not defined"),
            ("time()", "1:1: time() missing required argument 'expr'"),
        ])
    }
}

extension Value {
    /// The tensor this value holds, for assertions.
    var tensorValue: AnyTensor? {
        if case .tensor(let t) = self { return t }
        return nil
    }
}

extension Session {
    /// Stores a variable directly, for tests that need exact element values.
    func assignForTest(_ name: String, _ value: Value) { assign(name, value) }
}
