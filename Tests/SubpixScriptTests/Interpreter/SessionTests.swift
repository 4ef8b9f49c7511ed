import XCTest
import Subpix
@testable import SubpixScript

final class SessionTests: XCTestCase {
    private var printed: [String] = []
    private lazy var session = Session(output: { [unowned self] in self.printed.append($0) })

    private func value(_ source: String) throws -> Value? { try session.execute(source) }

    func testArithmeticOnNumbersAndTensors() throws {
        XCTAssertEqual(try value("2 + 3 * 4")?.repr, "14")
        XCTAssertEqual(try value("7 / 2")?.repr, "3.5")
        XCTAssertEqual(try value("-(1 - 3)")?.repr, "2")
        try session.execute("x = ones((1, 1, 2, 2)) * 3 - 1\ny = x / 2 + x\nz = 10 - x")
        XCTAssertEqual(session.tensor(named: "y")?.doubles, [3, 3, 3, 3])
        XCTAssertEqual(session.tensor(named: "z")?.doubles, [8, 8, 8, 8])
        XCTAssertEqual(session.tensor(named: "x")?.dtype, .float32)
        try session.execute("w = x + zeros((1, 1, 2, 2), dtype='float64')")
        XCTAssertEqual(session.tensor(named: "w")?.dtype, .float64)
    }

    func testTupleUnpackingIndexingAndAttributes() throws {
        try session.execute("a, b = (1, 'two')\nx = randn((2, 3, 4, 5), seed=1)")
        XCTAssertEqual(session.variables["b"]?.repr, "'two'")
        XCTAssertEqual(try value("x.shape")?.repr, "(2, 3, 4, 5)")
        XCTAssertEqual(try value("x[1].shape")?.repr, "(3, 4, 5)")
        XCTAssertEqual(try value("x[1, -1].shape")?.repr, "(4, 5)")
        XCTAssertEqual(try value("x.dtype")?.repr, "'float32'")
        let x = try XCTUnwrap(session.tensor(named: "x")).doubles
        XCTAssertEqual(try XCTUnwrap(try value("x[1, 2]").flatMap { v -> [Double]? in
            if case .tensor(let t) = v { return t.doubles } else { return nil } }), Array(x[(1 * 3 + 2) * 20 ..< (1 * 3 + 3) * 20]))
        XCTAssertEqual(try value("[10, 20, 30][-1]")?.repr, "30")
    }

    func testKorniaCallsReadTheSameAsPython() throws {
        try session.execute("""
            heat = gaussians(size=(24, 32), peaks=[(10.25, 12.5, 1.5)])
            xy = spatial_soft_argmax2d(heat, temperature=50.0, normalized_coordinates=False)
            coords, vals = conv_soft_argmax2d(heat, (3, 3), (2, 2), (1, 1), output_value=True)
            """)
        let xy = try XCTUnwrap(session.tensor(named: "xy")).doubles
        // The blob is symmetric about row 12.5, so y is exactly 12.5; a sharp softmax
        // (T = 50) pulls x from 10.25 toward the integer argmax 10.
        XCTAssertEqual(xy[1], 12.5, accuracy: 1e-4)
        XCTAssertGreaterThan(xy[0], 10)
        XCTAssertLessThan(xy[0], 10.25)
        XCTAssertEqual(session.tensor(named: "coords")?.shape, [1, 1, 2, 12, 16])
        XCTAssertEqual(session.tensor(named: "vals")?.shape, [1, 1, 12, 16])
        XCTAssertEqual(session.groundTruth["heat"], [GaussianPeak(x: 10.25, y: 12.5, sigma: 1.5)])
    }

    func testErrorsCarryPositionsSuggestionsAndValidKeywords() throws {
        try session.execute("heat = zeros((1, 1, 4, 4))")
        let cases: [(String, String)] = [
            ("print(heet)", "1:7: name 'heet' is not defined; did you mean 'heat'?"),
            ("spatial_soft_argmax2d(heat, temprature=2)",
             "1:22: spatial_soft_argmax2d() got an unexpected keyword 'temprature'; valid keywords: input, temperature, normalized_coordinates, eps"),
            ("conv_soft_argmax2d(heat, (3, 3), padding=(2, 2))",
             "1:19: conv_soft_argmax2d: expected padding at most half the kernel (1 for kernel 3), got 2 on axis 0"),
            ("conv_soft_argmax2d(heat, temperature=0)", "1:19: conv_soft_argmax2d: expected temperature > 0, got 0.0"),
            ("nms2d(heat)", "1:6: nms2d() missing required argument 'kernel_size'"),
            ("nms2d(heat, (3, 3), kernel_size=(3, 3))", "1:6: nms2d() got multiple values for 'kernel_size'"),
            ("spatial_softmax2d(3)", "1:18: spatial_softmax2d(): expected input to be a tensor, got int 3"),
            ("heat + zeros((2, 2))", "1:6: cannot add tensors of shapes (1, 1, 4, 4) and (2, 2); expected equal shapes or a scalar"),
            ("'a' * heat", "1:5: unsupported operand types for *: str and tensor"),
            ("heat[4]", "1:5: index 4 is out of range for axis 0 of size 1"),
            ("a, b = heat.shape", "1:12: cannot unpack 4 values into 2 names"),
            ("3(1)", "1:2: a int is not callable"),
            ("True = 1", "1:1: cannot assign to 'True'"),
            ("view.temperature = -1", "1:5: view.temperature: expected a number > 0, got -1"),
            ("view.tempreature = 2", "1:5: view has no setting 'tempreature'; did you mean 'temperature'? settings: \(ViewSettingsFields.names.joined(separator: ", "))"),
        ]
        for (source, message) in cases {
            XCTAssertThrowsError(try session.execute(source), source) { XCTAssertEqual("\($0)", message, source) }
        }
        XCTAssertNotNil(session.tensor(named: "heat"), "errors never lose variables")
    }

    func testViewSettingsAreStatementsAndInvalidOnesChangeNothing() throws {
        try session.execute("view.temperature = 2.5\nview.kernel_size = (5, 5)\nview.padding = 2\nview.method = 'nms2d'")
        XCTAssertEqual(session.view.temperature, 2.5)
        XCTAssertEqual(session.view.kernelSize, [5, 5])
        XCTAssertEqual(session.view.padding, [2, 2])
        XCTAssertEqual(session.view.method, .nms2d)
        XCTAssertEqual(try value("view.kernel_size")?.repr, "(5, 5)")
        XCTAssertThrowsError(try session.execute("view.kernel_size = (3, 3)")) {
            XCTAssertEqual("\($0)", "1:5: view: padding (2, 2) exceeds half the kernel (3, 3); lower the padding first")
        }
        XCTAssertEqual(session.view.kernelSize, [5, 5], "a refused change is not applied half-way")
        XCTAssertThrowsError(try session.execute("view.method = 'argmax'"))
    }

    func testJournalKeepsStateChangingStatementsOnlyAndReplays() throws {
        try session.execute("x = gaussians(size=(8, 8), peaks=[(3.5, 4.25, 1)])\nprint(x.shape)\nview.temperature = 3\nhelp()")
        XCTAssertThrowsError(try session.execute("y = nope"))
        XCTAssertEqual(session.journal, ["x = gaussians(size=(8, 8), peaks=[(3.5, 4.25, 1)])", "view.temperature = 3"])
        let replay = Session(output: { _ in })
        try replay.execute(session.journal.joined(separator: "\n"))
        XCTAssertEqual(replay.view, session.view)
        XCTAssertEqual(replay.tensor(named: "x"), session.tensor(named: "x"))
        XCTAssertEqual(replay.viewedTensor()?.name, "x")
    }

    func testPrintFormatsAndHelp() throws {
        try session.execute("print(1, 'a', (2, 3.5))\nprint(zeros((1, 1, 2, 2)) + 1, format='csv')\nhelp(nms2d)")
        XCTAssertEqual(printed[0], "1 a (2, 3.5)")
        XCTAssertEqual(printed[1], "1.0,1.0\n1.0,1.0")
        XCTAssertEqual(printed[2], "nms2d(input, kernel_size, mask_only=False)\n  strict local maxima of each map: values there and 0 elsewhere, or a mask")
        try session.execute("kp = keypoints(spatial_soft_argmax2d(gaussians(size=(9, 9), peaks=[(4, 4, 1)]), temperature=100, normalized_coordinates=False))\nprint(kp, format='json')")
        XCTAssertTrue(printed[3].hasPrefix("[{\"batch\": 0, \"channel\": 0, \"x\": 4.0"), printed[3])
    }

    func testTimeEvaluatesItsExpressionRepeatedly() throws {
        try session.execute("t = time(randn((4, 4), seed=3), repeat=3)")
        XCTAssertTrue(printed[0].hasPrefix("time: median "), printed[0])
        XCTAssertTrue(printed[0].hasSuffix("over 3 runs"))
        XCTAssertEqual(session.tensor(named: "t")?.shape, [4, 4])
    }

    func testSourceRunsAFileAndStopsRunawayRecursion() throws {
        let directory = try TestResources.scratchDirectory()
        let script = directory.appendingPathComponent("loop.subpix")
        try "n = 1\nsource('\(script.path)')\n".write(to: script, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try session.execute("source('\(script.path)')")) {
            XCTAssertTrue("\($0)".contains("nested deeper than 16 (runaway recursion?)"), "\($0)")
        }
        XCTAssertEqual(session.variables["n"]?.repr, "1")
    }
}
