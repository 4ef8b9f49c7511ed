import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI
import TestSupport

/// The live viewer without a terminal: deliveries and keys go through `update`,
/// the render reads the result.
final class LiveUpdateTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_000_000)

    /// A (1, C, 24, 32) frame: one Gaussian peak (σ = 1.5) at (x, y) in every channel.
    private func frame(_ x: Double, _ y: Double, channels: Int = 1) throws -> AnyTensor {
        var values: [Float] = []
        for _ in 0..<channels {
            for row in 0..<24 {
                for column in 0..<32 {
                    let d2 = (Double(column) - x) * (Double(column) - x) + (Double(row) - y) * (Double(row) - y)
                    values.append(Float(exp(-d2 / (2 * 1.5 * 1.5))))
                }
            }
        }
        return .float32(try Tensor(shape: [1, channels, 24, 32], elements: values))
    }

    private func liveModel() -> ViewerModel {
        let model = ViewerModel(session: Session(output: { _ in }), colorMode: .xterm256, live: LiveState(source: "heat.fifo", kind: .stream))
        model.showsTimings = false
        return model
    }

    private func deliver(_ model: ViewerModel, _ events: [LiveEvent], after seconds: Double) {
        model.update(.live(LiveDelivery(events: events, time: start.addingTimeInterval(seconds))))
    }

    private func panel(_ model: ViewerModel) -> String { Renderer().render(model).textPlane }

    func testTheNewestFrameIsShownAndThePanelSaysWhichAndHowOld() throws {
        let model = liveModel()
        XCTAssertTrue(panel(model).contains("waiting for the first frame from heat.fifo"))
        deliver(model, [.frame(try frame(10, 8))], after: 0)
        deliver(model, [.frame(try frame(11, 8)), .frame(try frame(12, 8))], after: 1)
        XCTAssertEqual(model.live?.shown, 3)
        XCTAssertEqual(model.viewed?.name, "frame")
        XCTAssertEqual(model.viewed?.tensor, try frame(12, 8))
        XCTAssertEqual(model.runs.first?.keypoints.first.map { ($0.x * 2).rounded() / 2 }, 12, "the keypoint is the newest peak's")
        XCTAssertEqual((model.cursorX, model.cursorY).0, 16, "the first frame centres the cursor")
        model.update(.tick(start.addingTimeInterval(3.5)))
        XCTAssertTrue(panel(model).contains("● live frame 3 · 2.5 s ago"), panel(model))
        deliver(model, [.problem(FormatError("heat.fifo", "frame 4: expected the .npy magic")), .ended(frames: 3)], after: 4)
        XCTAssertEqual(model.message, "heat.fifo: frame 4: expected the .npy magic")
        deliver(model, [.frame(try frame(13, 8))], after: 4.5)
        XCTAssertNil(model.message, "a good frame after a bad one clears its message")
        deliver(model, [.problem(FormatError("heat.fifo", "frame 6: expected the .npy magic")), .ended(frames: 4)], after: 5)
        XCTAssertTrue(panel(model).contains("stream ended (4 frames)"))
        XCTAssertFalse(model.shouldQuit, "the end of the stream is not an exit")
    }

    /// Garbage between frames is said, with its bytes, although the good frame after it comes
    /// in the same delivery (issue 25, item 8: it was skipped with no message); the panel keeps the total.
    func testBytesSkippedBetweenFramesAreSaidAndCounted() throws {
        let model = liveModel()
        deliver(model, [.frame(try frame(10, 8))], after: 0)
        let garbage = FormatError("heat.fifo", "frame 2: expected the .npy magic \\x93NUMPY, got bytes 74 68 69 73 20 69 without it")
        model.update(.live(LiveDelivery(events: [.problem(garbage), .frame(try frame(11, 8))], bytesSkipped: 21, time: start.addingTimeInterval(1))))
        XCTAssertEqual(model.message, "skipped 21 bytes between frames that were no part of a .npy array (21 bytes in all)")
        XCTAssertTrue(panel(model).contains("skipped 21 bytes of garbage"), panel(model))
        model.update(.live(LiveDelivery(events: [.frame(try frame(12, 8))], bytesSkipped: 21, time: start.addingTimeInterval(2))))
        XCTAssertNotNil(model.message, "a good frame does not clear it; a key does")
        model.update(.character("?"))
        model.update(.escape)
        XCTAssertNil(model.message)
        model.update(.live(LiveDelivery(events: [.frame(try frame(13, 8))], bytesSkipped: 24, time: start.addingTimeInterval(3))))
        XCTAssertEqual(model.message, "skipped 3 bytes between frames that were no part of a .npy array (24 bytes in all)")
        XCTAssertTrue(panel(model).contains("skipped 24 bytes of garbage"))
    }

    func testSpacePausesCommaAndDotStepEndReturns() throws {
        let model = liveModel()
        for (index, x) in [10.0, 11, 12, 13].enumerated() { deliver(model, [.frame(try frame(x, 8))], after: Double(index)) }
        model.update(.character(" "))
        deliver(model, [.frame(try frame(14, 8))], after: 5)
        XCTAssertEqual(model.live?.shown, 4, "paused: a new frame is kept, not shown")
        XCTAssertEqual(model.live?.ring.received, 5)
        model.update(.character(","))
        model.update(.character(","))
        XCTAssertEqual(model.live?.shown, 2)
        XCTAssertEqual(model.viewed?.tensor, try frame(11, 8))
        XCTAssertTrue(panel(model).contains("❚❚ frame 2 of 5"), panel(model))
        model.update(.character("."))
        XCTAssertEqual(model.live?.shown, 3)
        model.update(.end)
        XCTAssertEqual(model.live?.shown, 5)
        XCTAssertEqual(model.live?.paused, false)
        model.update(.character("."))
        XCTAssertEqual(model.message, "frame 5 is the newest")
        XCTAssertEqual(model.live?.paused, false, "nothing newer: still live")
        model.update(.character(" "))
        XCTAssertEqual(model.live?.paused, true)
        model.update(.character(" "))
        XCTAssertEqual(model.live?.paused, false, "space again resumes")
    }

    func testParametersStayAndOnlyWhatNoLongerFitsIsReset() throws {
        let model = liveModel()
        deliver(model, [.frame(try frame(10, 8, channels: 3))], after: 0)
        model.update(.character("T"))
        model.update(.character("c"))
        model.update(.character("c"))
        XCTAssertEqual(model.session.view.channel, 2)
        deliver(model, [.frame(try frame(10, 8, channels: 3))], after: 1)
        XCTAssertEqual(model.session.view.channel, 2, "the same shape keeps the channel")
        deliver(model, [.frame(try frame(10, 8, channels: 1))], after: 2)
        XCTAssertEqual(model.session.view.channel, 0, "channel 2 no longer exists")
        XCTAssertEqual(model.session.view.temperature, 1.25, "parameters stay")
    }

    func testTrailsFollowTheShownMapsKeypointBackThroughTheFrames() throws {
        let model = liveModel()
        let xs = [8.0, 9, 10, 11, 12, 13, 14, 15, 16, 17]
        for (index, x) in xs.enumerated() { deliver(model, [.frame(try frame(x, 8.3))], after: Double(index)) }
        let trails = try XCTUnwrap(model.live?.trails)
        XCTAssertEqual(trails.count, model.runs.first?.keypoints.count)
        // The trail covers the last 8 frames (LiveState.trailLength), newest first, each point near its frame's peak.
        let trail = try XCTUnwrap(trails.first)
        XCTAssertEqual(trail.count, LiveState.trailLength)
        for (age, point) in trail.enumerated() {
            XCTAssertEqual(point.x, xs[xs.count - 1 - age], accuracy: 0.5, "age \(age)")
            XCTAssertEqual(point.y, 8.3, accuracy: 0.5)
        }
        // Stepping back shows the trail up to that frame.
        model.update(.character(","))
        XCTAssertEqual(model.live?.trails.first?.first?.x ?? 0, 16, accuracy: 0.5)
    }

    func testLiveKeysWithoutALiveSourceSaySo() throws {
        let model = try demoModel()
        model.update(.character(" "))
        XCTAssertEqual(model.message, "no live source: open one with subpix view --stream PATH, --follow FILE or -")
    }

    /// `w` on a live view writes a script for `subpix run --each-frame`: run on the
    /// recorded frames, it prints for the shown frame the keypoints the viewer lists.
    func testTheWrittenScriptRunsOnEveryFrameOfTheStream() throws {
        let model = liveModel()
        let directory = try scratchDirectory("subpix-live-w")
        model.outputDirectory = directory
        let frames = [try frame(10.3, 8.2), try frame(12.6, 9.7)]
        for (index, tensor) in frames.enumerated() { deliver(model, [.frame(tensor)], after: Double(index)) }
        model.update(.character("T"))
        model.send(.character("w"))
        let script = directory.appendingPathComponent("subpix-session.subpix")
        let text = try String(contentsOf: script, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# subpix view, replay on every frame with: subpix run subpix-session.subpix --each-frame heat.fifo\n"), text)

        let stream = directory.appendingPathComponent("frames.npys")
        try frames.map { NPY.encode($0) }.reduce(Data(), +).write(to: stream)
        var printed: [String] = []
        let session = Session(output: { printed.append($0) })
        let status = ScriptRunner(path: script.path, arguments: [], keepGoing: false)
            .runEachFrame(of: try NPYStreamSource(path: stream.path, maxBytes: 1 << 20), in: session) { XCTFail($0) }
        XCTAssertEqual(status, 0)
        XCTAssertEqual(printed.last, KeypointText.table(model.listedKeypoints.first?.points ?? []), "the last frame's keypoints, as listed")
    }

    /// A (7, 24, 32) volume frame, as a stream of 3-D `.npy` arrays holds it: a 3-D
    /// Gaussian blob (σ = 1.5) at (x, y, z) over a faint ramp in x, so that every
    /// depth slice has values of its own.
    private func volume(_ x: Double, _ y: Double, _ z: Double) throws -> AnyTensor {
        var values: [Float] = []
        for depth in 0..<7 {
            for row in 0..<24 {
                for column in 0..<32 {
                    let d2 = (Double(column) - x) * (Double(column) - x) + (Double(row) - y) * (Double(row) - y) + (Double(depth) - z) * (Double(depth) - z)
                    values.append(Float(exp(-d2 / (2 * 1.5 * 1.5)) + 0.001 * Double(column)))
                }
            }
        }
        return .float32(try Tensor(shape: [7, 24, 32], elements: values))
    }

    /// On a stream of 3-D frames the viewer shows each as a (1, 1, D, H, W) volume;
    /// the script `w` writes, run by `subpix run --each-frame` on the same frames as they
    /// are in the stream, prints the keypoints the viewer lists, with every volume method.
    func testTheWrittenScriptOfAVolumeStreamPrintsWhatTheViewerLists() throws {
        let frames = [try volume(10.3, 8.2, 3.4), try volume(12.6, 9.7, 2.6)]
        let directory = try scratchDirectory("subpix-live-w3d")
        let stream = directory.appendingPathComponent("frames.npys")
        try frames.map { NPY.encode($0) }.reduce(Data(), +).write(to: stream)
        let model = liveModel()
        model.outputDirectory = directory
        for (index, tensor) in frames.enumerated() { deliver(model, [.frame(tensor)], after: Double(index)) }
        XCTAssertEqual(model.viewed?.tensor.shape, [1, 1, 7, 24, 32])
        for _ in KeypointMethod.methods(forRank: 5) {
            let method = model.session.view.method
            let script = directory.appendingPathComponent("\(method.name).subpix")
            try? FileManager.default.removeItem(at: directory.appendingPathComponent("subpix-session.subpix"))
            model.send(.character("w"))
            try FileManager.default.moveItem(at: directory.appendingPathComponent("subpix-session.subpix"), to: script)
            var printed: [String] = []
            let session = Session(output: { printed.append($0) })
            let status = ScriptRunner(path: script.path, arguments: [], keepGoing: false)
                .runEachFrame(of: try NPYStreamSource(path: stream.path, maxBytes: 1 << 20), in: session) { XCTFail("\(method.name): \($0)") }
            XCTAssertEqual(status, 0, method.name)
            let listed = try XCTUnwrap(model.listedKeypoints.first?.points, method.name)
            XCTAssertFalse(listed.isEmpty, method.name)
            XCTAssertEqual(printed.last, KeypointText.table(listed), "\(method.name): the last frame's keypoints, as listed")
            model.update(.character("m"))
        }
    }
}
