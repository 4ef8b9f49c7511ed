import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// When a script opens the viewer, the view starts from the script's own calls on
/// the viewed tensor (issue 11, item 17; the rule is `ScriptViewSettings`'s).
final class ScriptViewSettingsTests: ScriptTestCase {
    private let map = "heat = gaussians(size=(24, 32), peaks=[(10.3, 8.7, 2.0)])\n"

    func testTheLastOpCallOnTheViewedTensorSetsTheMethodAndTheArgumentsItWrites() throws {
        try value(map + """
            coords, vals = conv_soft_argmax2d(heat, (5, 5), (2, 2), padding=(2, 2), temperature=0.25, normalized_coordinates=False, output_value=True)
            kp = keypoints(coords, vals, mask=nms2d(vals, (9, 9), mask_only=True), top_k=7, min_value=0.05)
            view.input = "heat"
            """)
        let statement = try XCTUnwrap(session.followScriptCalls())
        XCTAssertEqual(statement, "view.temperature, view.kernel_size, view.stride, view.padding, view.top_k, view.threshold, view.min_value"
            + " = 0.25, (5, 5), (2, 2), (2, 2), 7, None, 0.05")
        let view = session.view
        XCTAssertEqual(view.method, .convSoftArgmax2d, "the view's default already")
        XCTAssertEqual(view.temperature, 0.25)
        XCTAssertEqual(view.kernelSize, [5, 5])
        XCTAssertEqual(view.stride, [2, 2])
        XCTAssertEqual(view.padding, [2, 2])
        XCTAssertEqual(view.topK, 7)
        XCTAssertEqual(view.minValue, 0.05)
        XCTAssertNil(view.threshold, "the script's keypoints(...) applied no relative threshold")
        XCTAssertFalse(view.normalizedCoordinates)
        XCTAssertEqual(session.journal.last, statement, "the view's start is a journaled statement, so w replays it")
    }

    func testLaterCallsOverrideFieldByFieldAndTheMethodIsTheLastOnes() throws {
        try value(map + """
            a = spatial_soft_argmax2d(heat, temperature=3.0)
            b = nms2d(heat, (5, 5))
            view.input = "heat"
            """)
        session.followScriptCalls()
        XCTAssertEqual(session.view.method, .nms2d)
        XCTAssertEqual(session.view.kernelSize, [5, 5])
        XCTAssertEqual(session.view.temperature, 3.0, "nms2d has no temperature: the earlier call's stays")
        XCTAssertEqual(session.view.padding, [1, 1], "not written by any call: the view's own")
    }

    func testAViewStatementBeatsEarlierCallsAndALaterCallBeatsTheStatement() throws {
        try value(map + """
            view.temperature = 2.0
            c = spatial_soft_argmax2d(heat, temperature=0.5)
            view.method = "nms2d"
            view.input = "heat"
            """)
        session.followScriptCalls()
        XCTAssertEqual(session.view.temperature, 0.5, "the call came after view.temperature")
        XCTAssertEqual(session.view.method, .nms2d, "view.method came after the call")
    }

    func testOnlyCallsOnTheViewedTensorCount() throws {
        try value(map + """
            other = gaussians(size=(24, 32), peaks=[(5, 5, 2.0)])
            c = spatial_soft_argmax2d(other, temperature=0.5)
            x = heat * 1
            d = spatial_soft_argmax2d(x * 2, temperature=4.0)
            view.input = "heat"
            """)
        XCTAssertNil(session.followScriptCalls(), "a call on another variable, or on an expression, says nothing about heat")
        XCTAssertEqual(session.view, { var v = ViewSettings(); v.input = "heat"; return v }())
    }

    func testAVolumeWindowSplitsIntoDepthAndPlaneFields() throws {
        try value("""
            vol = randn((1, 1, 5, 12, 12), seed=1)
            c, v = conv_soft_argmax3d(vol, (3, 5, 5), padding=(1, 2, 2), strict_maxima_bonus=0.5)
            view.input = "vol"
            """)
        session.followScriptCalls()
        XCTAssertEqual(session.view.method, .convSoftArgmax3d)
        XCTAssertEqual(session.view.depthKernel, 3)
        XCTAssertEqual(session.view.kernelSize, [5, 5])
        XCTAssertEqual(session.view.depthPadding, 1)
        XCTAssertEqual(session.view.padding, [2, 2])
        XCTAssertEqual(session.view.strictMaximaBonus, 0.5)
    }

    /// compare() keeps as many keypoints as the map has true peaks (here 3), with
    /// its own min_value 0.1 and the kernel's half as padding.
    func testCompareSetsCompareModeWithWhatItMeasuredWith() throws {
        try value("""
            g = gaussians(size=(48, 64), peaks=[(14.3, 12.7, 2.5), (40.6, 30.2, 3.5), (52.2, 10.4, 1.8)], seed=1)
            r = compare(g, temperature=0.1, kernel_size=(5, 5), timings=False)
            """)
        session.followScriptCalls()
        let view = session.view
        XCTAssertTrue(view.compare)
        XCTAssertEqual(view.temperature, 0.1)
        XCTAssertEqual(view.kernelSize, [5, 5])
        XCTAssertEqual(view.padding, [2, 2])
        XCTAssertEqual(view.minValue, 0.1)
        XCTAssertEqual(view.topK, 3)
    }

    func testViewOfXFollowsTheCallsOnX() throws {
        try value(map + "c = spatial_soft_argmax2d(heat, temperature=6.0)\nview(heat)")
        XCTAssertEqual(session.view.method, .spatialSoftArgmax2d)
        XCTAssertEqual(session.view.temperature, 6.0)
    }
}

/// `w`'s script, opened again with `subpix view --script`, gives the view it was written
/// from, although its op and keypoints(...) lines are calls the view follows.
final class WrittenScriptViewTests: ScriptTestCase {
    private func reopened(_ methods: [KeypointMethod]) throws -> ViewSettings {
        let text = ViewScript.text(session, methods: methods)
        let again = Session(output: { _ in })
        try again.execute(text)
        again.followScriptCalls()   // what subpix view --script does after the script
        return again.view
    }

    func testTheWrittenScriptReopensTheSameView() throws {
        try value("heat = gaussians(size=(24, 32), peaks=[(10.3, 8.7, 2.0), (20.1, 15.6, 1.5)], noise=0.02, seed=3)")
        let settings = [
            "view.temperature = 0.8",
            "view.top_k = 7",
            "view.threshold, view.min_value = None, 0.05",
            "view.method = 'nms2d'",
            "view.compare = True",
        ]
        for statement in settings {
            try value(statement)
            let methods = session.view.compare ? KeypointMethod.methods(forRank: 4) : [session.view.method]
            var expected = session.view
            expected.input = "heat"
            XCTAssertEqual(try reopened(methods), expected, "after \(statement)")
        }
    }

    /// The issue's `w` at batch 3, channel 7 replayed as `0 0 x y`: every method's
    /// script now prints the map's own batch and channel and the viewer's list, as `e` writes them.
    func testTheWrittenScriptKeepsTheBatchAndChannelOfTheMap() throws {
        // A (4, 8, 16, 16) tensor whose one peak is in map (3, 7) at (9.6, 5.3):
        // row 5.3 of the 31st 16-row map of a (512, 16) stack.
        try value("heat = gaussians(size=(512, 16), peaks=[(9.6, \((3 * 8 + 7) * 16) + 5.3, 1.5)]).reshape(4, 8, 16, 16)")
        try value("view.batch, view.channel = 3, 7")
        let tensor = try XCTUnwrap(session.tensor(named: "heat"))
        for method in KeypointMethod.methods(forRank: 4) {
            var lines: [String] = []
            try Session(output: { lines.append($0) }).execute(ViewScript.text(session, methods: [method]))
            let rows = lines.joined(separator: "\n").split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }.filter { $0.count >= 4 }
            let listed = MethodRun(method: method, tensor: tensor, view: session.view).keypoints.points
            XCTAssertEqual(rows.count, listed.count, "\(method.name): \(lines)")
            XCTAssertFalse(rows.isEmpty, "\(method.name): \(lines)")
            for (row, point) in zip(rows, listed) {
                XCTAssertEqual(Array(row.prefix(2)), [3, 7], "\(method.name): \(lines)")
                XCTAssertEqual(row[2], point.x, accuracy: 1e-3, "\(method.name): \(lines)")
                XCTAssertEqual(row[3], point.y, accuracy: 1e-3, "\(method.name): \(lines)")
            }
        }
    }
}
