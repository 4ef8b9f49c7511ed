import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

final class SessionTests: ScriptTestCase {
    func testExecuteReturnsTheLastExpressionValueOnly() throws {
        XCTAssertEqual(try value("x = 2\nx * 21"), .int(42))
        XCTAssertNil(try value("y = 3"), "an assignment has no value")
        XCTAssertEqual(try value("print('hi')"), Value.none)
        XCTAssertEqual(printed, ["hi"], "print writes to the output sink, not stdout")
    }

    func testASyntaxErrorRunsNothingAndAFailingStatementStopsTheRest() throws {
        XCTAssertThrowsError(try value("a = 1\nb = (")) { XCTAssertEqual("\($0)", "2:6: expected ')' to close the parenthesis, got end of input") }
        XCTAssertNil(session.variables["a"], "a syntax error anywhere stops the whole input before it runs")
        XCTAssertThrowsError(try value("a = 1\nb = nope\nc = 3"))
        XCTAssertEqual(session.variables["a"], .int(1), "statements before the failure keep their effect")
        XCTAssertNil(session.variables["c"], "statements after it do not run")
    }

    func testOnErrorReportsEachFailureAndGoesOn() throws {
        var errors: [String] = []
        try session.execute("a = nope\nb = 2\nc = b + 'x'\nd = 4", onError: { errors.append("\($0)") })
        XCTAssertEqual(errors, ["1:5: name 'nope' is not defined", "3:7: unsupported operand types for +: int and str"])
        XCTAssertEqual(session.variables.keys.sorted(), ["b", "d"])
    }

    func testViewSettingsAreStatementsReadBackAsValues() throws {
        try value("view.temperature = 2.5\nview.kernel_size = (5, 5)\nview.padding = 2\nview.method = 'nms2d'\nview.compare = True")
        try value("view.min_value = 0.1\nview.strict_maxima_bonus = 3\nview.palette = 'magma'\nview.depth, view.n_iters = 2, 7")
        XCTAssertEqual(session.view.temperature, 2.5)
        XCTAssertEqual(session.view.kernelSize, [5, 5])
        XCTAssertEqual(session.view.padding, [2, 2], "one integer sets both axes")
        XCTAssertEqual(session.view.method, .nms2d)
        XCTAssertTrue(session.view.compare)
        XCTAssertEqual(session.view.minValue, 0.1)
        XCTAssertEqual(session.view.strictMaximaBonus, 3)
        XCTAssertEqual(session.view.palette, .magma)
        XCTAssertEqual(session.view.depth, 2)
        XCTAssertEqual(session.view.nIters, 7)
        XCTAssertEqual(try value("view.kernel_size"), .tuple([.int(5), .int(5)]))
        XCTAssertEqual(try value("view.method"), .string("nms2d"))
        XCTAssertEqual(try value("view.min_value = None\nview.min_value"), Value.none)
        for field in ViewSettingsFields.names {
            XCTAssertNoThrow(try value("view.\(field)"), field)
        }
    }

    func testEveryViewFieldRoundTripsThroughItsAssignmentStatement() throws {
        try value("heat = zeros((2, 3, 4, 4, 4))")
        var changed = ViewSettings()
        changed.input = "heat"
        changed.method = .iterativeQuadInterp3d
        changed.compare = true
        changed.temperature = 0.8
        changed.kernelSize = [7, 5]
        changed.stride = [2, 3]
        changed.padding = [3, 2]
        changed.depthKernel = 5
        changed.depthStride = 2
        changed.depthPadding = 2
        changed.normalizedCoordinates = true
        changed.strictMaximaBonus = 4.5
        changed.nIters = 9
        changed.batch = 1
        changed.channel = 2
        changed.depth = 3
        changed.depthBand = 1
        changed.topK = 12
        changed.minValue = -0.25
        changed.threshold = 0.25
        changed.palette = .diverging
        changed.markers = false
        let statements = ViewSettingsFields.all.map { ViewChange.statement([$0.current(changed)]) }
        XCTAssertEqual(statements[3], "view.temperature = 0.8")
        XCTAssertEqual(statements[4], "view.kernel_size = (7, 5)")
        XCTAssertEqual(statements[1], "view.method = 'iterative_quad_interp3d'")
        try value(statements.joined(separator: "\n"))
        XCTAssertEqual(session.view, changed, "every field is settable and reads back what was set")
    }

    /// The selection must lie inside the viewed tensor, like every other checked setting;
    /// switching `view.input` to a smaller tensor puts a selection that no longer fits back to 0.
    func testSelectionOutsideTheTensorIsRefused() throws {
        try value("heat = zeros((2, 3, 4, 4))\nsmall = zeros((1, 1, 4, 4))\nview.input = 'heat'")
        for (statement, message) in [
            ("view.batch = 99", "1:5: view.batch: expected an index below 2 (heat is (2, 3, 4, 4)), got 99"),
            ("view.channel = 3", "1:5: view.channel: expected an index below 3 (heat is (2, 3, 4, 4)), got 3"),
            ("view.depth = 1", "1:5: view.depth: expected an index below 1 (heat is (2, 3, 4, 4)), got 1"),
        ] {
            XCTAssertThrowsError(try session.execute(statement), statement) { XCTAssertEqual("\($0)", message) }
        }
        try value("view.batch, view.channel = 1, 2")
        try value("view.input = 'small'")
        XCTAssertEqual([session.view.batch, session.view.channel], [0, 0])
    }

    func testInvalidViewSettingsAreRefusedAndChangeNothing() throws {
        try value("view.kernel_size = (5, 5)\nview.padding = 2")
        let before = session.view
        assertErrors([
            ("view.kernel_size, view.padding = (3, 3), (2, 2)",
             "1:5: view: padding (2, 2) exceeds half the kernel (3, 3); lower the padding first (or set both: view.kernel_size, view.padding = (1, 1), (0, 0))"),
            ("view.temperature = 0", "1:5: view.temperature: expected a number > 0, got 0"),
            ("view.temperature = -1", "1:5: view.temperature: expected a number > 0, got -1"),
            ("view.temperature = True", "1:5: view.temperature: expected a number > 0, got True"),
            ("view.method = 'argmax'",
             "1:5: view.method: expected one of spatial_soft_argmax2d, conv_soft_argmax2d, nms2d, quarter, parabola, gaussian, centroid3, centroid_com, quadratic, dark, dark_udp, conv_soft_argmax3d, conv_quad_interp3d, iterative_quad_interp3d, got 'argmax'"),
            ("view.method = 'nms2'",
             "1:5: view.method: expected one of spatial_soft_argmax2d, conv_soft_argmax2d, nms2d, quarter, parabola, gaussian, centroid3, centroid_com, quadratic, dark, dark_udp, conv_soft_argmax3d, conv_quad_interp3d, iterative_quad_interp3d, got 'nms2'; did you mean 'nms2d'?"),
            ("view.kernel_size = (3, 3, 3)", "1:5: view.kernel_size: expected two integers >= 1, e.g. (3, 3), got (3, 3, 3)"),
            ("view.stride = 0", "1:5: view.stride: expected two integers >= 1, e.g. (3, 3), got 0"),
            ("view.padding = (-1, 0)", "1:5: view.padding: expected two integers >= 0, e.g. (3, 3), got (-1, 0)"),
            ("view.depth_padding = 2", "1:5: view: depth_padding 2 exceeds half the depth_kernel 3"),
            ("view.top_k = 0", "1:5: view.top_k: expected an integer >= 1, got 0"),
            ("view.compare = 1", "1:5: view.compare: expected True or False, got 1"),
            ("view.palette = 3", "1:5: view.palette: expected one of auto, viridis, magma, gray, diverging, got 3"),
            ("view.input = 'nope'", "1:5: view.input: expected the name of a tensor variable, got 'nope'; there is no tensor variable yet"),
            ("view.tempreature = 2",
             "1:5: view has no setting 'tempreature'; did you mean 'temperature'? settings: \(ViewSettingsFields.names.joined(separator: ", "))"),
            ("view.temperature, view.padding = 3, 9", "1:5: view: padding (9, 9) exceeds half the kernel (5, 5); lower the padding first (or set both: view.kernel_size, view.padding = (1, 1), (0, 0))"),
        ])
        XCTAssertEqual(session.view, before, "no refused statement changed any setting, even half-way")
        try value("view.kernel_size, view.padding = (1, 1), (0, 0)")
        XCTAssertEqual(session.view.kernelSize, [1, 1], "settings assigned together are checked together")
        XCTAssertEqual(session.view.padding, [0, 0])
    }

    func testViewedTensorIsViewInputElseTheLastAssignedTensor() throws {
        XCTAssertNil(session.viewedTensor())
        try value("a = zeros((1, 1, 2, 2))\nb = ones((1, 1, 3, 3))\nn = 5")
        XCTAssertEqual(session.viewedTensor()?.name, "b", "n is not a tensor")
        try value("view.input = 'a'")
        XCTAssertEqual(session.viewedTensor()?.name, "a")
        XCTAssertEqual(session.viewedTensor()?.tensor.shape, [1, 1, 2, 2])
        try value("a = 3")
        XCTAssertEqual(session.viewedTensor()?.name, "b", "an input that no longer holds a tensor falls back")
        XCTAssertNil(session.tensor(named: "n"))
        XCTAssertNil(session.tensor(named: "missing"))
    }

    func testGroundTruthFollowsTheVariableAGaussiansCallIsAssignedTo() throws {
        try value("heat = gaussians(size=(16, 16), peaks=[(3.5, 4.25, 1), (10, 12, 2, 0.5)])\nprint(gaussians(size=(4, 4), peaks=[(1, 1, 1)]))\nother = zeros((1, 1, 4, 4))")
        XCTAssertEqual(session.groundTruth["heat"], [GaussianPeak(x: 3.5, y: 4.25, sigma: 1), GaussianPeak(x: 10, y: 12, sigma: 2, amplitude: 0.5)])
        XCTAssertNil(session.groundTruth["other"], "peaks of an unassigned call do not leak to the next tensor")
        try value("heat = zeros((1, 1, 4, 4))")
        XCTAssertNil(session.groundTruth["heat"], "a reassigned variable loses its ground truth")
    }

    func testTheJournalKeepsSuccessfulStateChangesAndReplaysToTheSameSession() throws {
        try value("""
            x = gaussians(size=(8, 8), peaks=[(3.5, 4.25, 1)]); print(x.shape)
            view.temperature = 3
            help()
            y = conv_soft_argmax2d(x,
                                   output_value=True)
            view.kernel_size, view.padding = 5, 2
            view(x)
            """)
        XCTAssertThrowsError(try value("z = nope"))
        XCTAssertThrowsError(try value("view.temperature = 0"))
        try value("show(x)\nvars()\nx.shape\nzeros((2,))")
        XCTAssertEqual(session.journal, [
            "x = gaussians(size=(8, 8), peaks=[(3.5, 4.25, 1)])",
            "view.temperature = 3",
            "y = conv_soft_argmax2d(x,\n                       output_value=True)",
            "view.kernel_size, view.padding = 5, 2",
            "view(x)",
        ])
        let replay = Session(output: { _ in })
        try replay.execute(session.journal.joined(separator: "\n"))
        XCTAssertEqual(replay.view, session.view)
        XCTAssertEqual(replay.variables, session.variables)
        XCTAssertEqual(replay.viewedTensor()?.name, "x")
        XCTAssertEqual(replay.groundTruth, session.groundTruth)
        session.clearJournal()
        XCTAssertEqual(session.journal, [])
    }

    func testStatementsRunInsideAJournaledOneAreNotJournaledTwice() throws {
        var registry = BuiltinRegistry.standard
        registry.add(Builtin("select", [.init("name")], category: .session, summary: "test hook", journaled: true) { a, session in
            try session.execute("view.input = '\(try a.string("name"))'")
            return .none
        })
        let hooked = Session(registry: registry, output: { _ in })
        try hooked.execute("a = zeros((1, 1, 2, 2))\nselect('a')")
        XCTAssertEqual(hooked.journal, ["a = zeros((1, 1, 2, 2))", "select('a')"])
        XCTAssertEqual(hooked.view.input, "a")
    }

    func testViewOpensTheViewerHookOnATensorVariable() throws {
        var opened: [String] = []
        session.openViewer = { session, name in
            opened.append(name)
            XCTAssertEqual(session.view.input, name, "the viewer finds the input already selected")
        }
        try value("heat = zeros((1, 1, 4, 4))\nview(heat)\nview('heat')\nview()\nview(heat * 2)")
        XCTAssertEqual(opened, ["heat", "heat", "heat", "_viewed"])
        XCTAssertEqual(try elements("_viewed"), Array(repeating: 0, count: 16))
        assertErrors([
            ("view(3)", "1:6: view(): expected x to be a tensor or the name of a tensor variable, got int 3"),
            ("view('nope')", "1:6: view(): expected x to be the name of a tensor variable, got str 'nope'; tensor variables: _viewed, heat"),
        ])
    }

    func testAnInterruptStopsTheRunBetweenStatements() throws {
        var polls = 0
        session.isInterrupted = {
            polls += 1
            return polls == 2
        }
        XCTAssertThrowsError(try value("a = 1\nb = 2\nc = 3")) { XCTAssertEqual("\($0)", "2:1: interrupted", "the error names the statement it stopped before") }
        XCTAssertEqual(session.variables.keys.sorted(), ["a"])
    }
}

final class SessionRevisionTests: XCTestCase {
    /// Every assignment and every change of a view setting counts; output and failures do not.
    func testRevisionCountsChanges() throws {
        let session = Session(output: { _ in })
        XCTAssertEqual(session.revision, 0)
        try session.execute("x = zeros((1, 1, 4, 4))")
        XCTAssertEqual(session.revision, 1)
        XCTAssertEqual(session.variableRevisions["x"], 1)
        try session.execute("view.temperature = 2\nprint(x.shape)")
        XCTAssertEqual(session.revision, 2)
        try session.execute("view.temperature = 2")
        XCTAssertEqual(session.revision, 2, "setting the value it already has changes nothing")
        XCTAssertThrowsError(try session.execute("view.temperature = -1"))
        XCTAssertEqual(session.revision, 2)
        try session.execute("y = 3\nx = ones((1, 1, 4, 4))")
        XCTAssertEqual(session.variableRevisions["x"], 4)
    }
}
