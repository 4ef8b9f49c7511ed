import XCTest
import TestSupport

/// `subpix view --stream` and `--follow` in process on a memory screen, fed by the NumPy
/// producer (``LiveReadout``) from another process, as a training run would feed them.
final class LiveViewTests: XCTestCase {
    private var viewer: ViewerDriver?
    private var directory: URL!
    private var producer: Process?

    override func setUpWithError() throws {
        guard system("python3 -c 'import numpy' 2>/dev/null") == 0 else { throw XCTSkip("python3 with NumPy is needed for the producer") }
        directory = try scratchDirectory("subpix-live")
    }

    override func tearDown() {
        producer?.terminate()
        viewer?.stop()
    }

    /// Starts `subpix view` with `arguments` on a 120 × 36 screen.
    private func view(_ arguments: [String]) -> ViewerDriver {
        let viewer = ViewerDriver(["view"] + arguments, width: 120, height: 36)
        self.viewer = viewer
        return viewer
    }

    private func startProducer(_ mode: String, _ path: String, frames: Int, fps: Int, truth: String, extra: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", LiveReadout.producer, mode, path, "--frames", "\(frames)", "--fps", "\(fps)", "--truth", truth] + extra
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        producer = process
    }

    /// The listed keypoint once it is within 0.5 px of `peak` (waiting up to `timeout`);
    /// nil (with the screen in the failure) if it never gets there.
    private func keypoint(near peak: (x: Double, y: Double), timeout: TimeInterval = 60,
                          file: StaticString = #filePath, line: UInt = #line) -> (x: Double, y: Double)? {
        let screen = viewer?.waitUntil("a listed keypoint within 0.5 px of the truth \(peak)", timeout: timeout, file: file, line: line) {
            LiveReadout.listedKeypoint($0, near: peak) != nil
        }
        return screen.flatMap { LiveReadout.listedKeypoint($0, near: peak) }
    }

    /// The number in "live frame N" on the screen, if shown.
    private func liveFrame(_ screen: String) -> Int? {
        guard let range = screen.range(of: "live frame ") else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }

    func testAFIFOStreamShowsTheFramesAsTheyComeAndPausesAndStepsBack() throws {
        let fifo = directory.appendingPathComponent("heat.fifo").path
        let truthPath = directory.appendingPathComponent("truth.csv").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let viewer = view(["--stream", fifo])
        viewer.waitFor("waiting for the first frame", timeout: 60)
        // 30 frames at 20 frames/s; after frame 15 the producer waits until the test has seen
        // frame 15 on the screen (however slow the machine), so the count is seen rising.
        let resume = directory.appendingPathComponent("resume").path
        try startProducer("fifo", fifo, frames: 30, fps: 20, truth: truthPath, extra: ["--pause-after", "15", "--resume-file", resume])

        // The frame count rises while the producer sends (read the panel as it goes).
        var seen: [Int] = []
        func record(_ screen: String) {
            if let frame = liveFrame(screen), seen.last != frame { seen.append(frame) }
        }
        var screen = viewer.waitUntil("live frame 15, while the producer waits after it") { screen in
            record(screen)
            return liveFrame(screen) == 15
        }
        XCTAssertFalse(screen.contains("stream ended"), "frame 15 is shown as it comes, before the stream ends")
        XCTAssertTrue(FileManager.default.createFile(atPath: resume, contents: nil))
        viewer.waitUntil("the stream's end", timeout: 90) { screen in
            record(screen)
            return screen.contains("stream ended")
        }
        // The keypoints are computed off the screen's thread: wait for the list, not only the label.
        screen = viewer.waitUntil("the last frame's keypoint") {
            $0.contains("stream ended (30 frames)") && !$0.contains("computing") && LiveReadout.listedKeypoint($0) != nil
        }
        XCTAssertEqual(seen, seen.sorted(), "frame numbers only rise: \(seen)")
        XCTAssertTrue(seen.contains(15) && seen.last == 30, "the count was seen rising, through frame 15: \(seen)")
        XCTAssertEqual(liveFrame(screen), 30)

        // The listed keypoint follows the peak: within 0.5 px of the last frame's truth
        // (keypoints are computed off the input loop: the list catches up with the frame shown).
        let peaks = try LiveReadout.truth(truthPath)
        XCTAssertEqual(peaks.count, 30)
        let last = try XCTUnwrap(keypoint(near: peaks[29]))

        // space pauses, , shows the frame before: its keypoint is the earlier peak's.
        viewer.type(" ")
        viewer.waitFor("frame 30 of 30")
        viewer.type(",")
        viewer.waitFor("frame 29 of 30")
        let previous = try XCTUnwrap(keypoint(near: peaks[28]))
        XCTAssertLessThan(previous.x, last.x, "the peak moves right: the earlier frame's keypoint is further left")
        viewer.send(.end)
        viewer.waitFor("live frame 30")

        viewer.type("q")
        XCTAssertEqual(viewer.waitForExit(timeout: 30)?.status, 0)
    }

    func testFollowShowsEachAtomicReplace() throws {
        let file = directory.appendingPathComponent("heat.npy").path
        let truthPath = directory.appendingPathComponent("truth.csv").path
        let viewer = view(["--follow", file])
        viewer.waitFor("waiting for the first frame", timeout: 60)
        // 10 replaces at 4 a second; after the fifth the producer waits until the test has seen it.
        let resume = directory.appendingPathComponent("resume").path
        try startProducer("file", file, frames: 10, fps: 4, truth: truthPath, extra: ["--pause-after", "5", "--resume-file", resume])
        let fifth = Date().addingTimeInterval(60)
        while (try? LiveReadout.truth(truthPath))?.count ?? 0 < 5, Date() < fifth { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertNotNil(keypoint(near: try LiveReadout.truth(truthPath)[4]), "the fifth version is shown while the producer waits after it")
        XCTAssertTrue(FileManager.default.createFile(atPath: resume, contents: nil))
        producer?.waitUntilExit()
        XCTAssertEqual(producer?.terminationStatus, 0)
        let peaks = try LiveReadout.truth(truthPath)
        XCTAssertEqual(peaks.count, 10)

        // The last version is shown (its keypoint is the last truth's); each version seen is one frame.
        XCTAssertNotNil(keypoint(near: peaks[9]))
        let screen = viewer.text()
        let frames = try XCTUnwrap(liveFrame(screen), screen)
        XCTAssertTrue((2...10).contains(frames), "versions seen: \(frames) (at most one per replace)")
        XCTAssertTrue(screen.contains(" s ago"), "the panel shows the age of the last update")

        viewer.type("q")
        XCTAssertEqual(viewer.waitForExit(timeout: 30)?.status, 0)
    }
}
