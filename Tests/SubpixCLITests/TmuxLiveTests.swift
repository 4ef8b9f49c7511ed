import XCTest

/// End-to-end: `subpix view --stream` and `--follow` inside tmux, fed by the NumPy
/// producer `scripts/live-producer.py` (a moving Gaussian peak whose true position
/// it writes to a CSV after each frame).
final class TmuxLiveTests: XCTestCase {
    private let tmux = TmuxDriver(target: "live")
    private var directory: URL!
    private var producer: Process?
    private let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scripts/live-producer.py").standardized.path

    override func setUpWithError() throws {
        guard tmux.isAvailable else { throw XCTSkip("tmux is not installed: the live viewer tests are skipped (apt-get install tmux)") }
        guard system("python3 -c 'import numpy' 2>/dev/null") == 0 else { throw XCTSkip("python3 with NumPy is needed for the producer") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("subpix-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        producer?.terminate()
        tmux.stop()
    }

    private func startProducer(_ mode: String, _ path: String, frames: Int, fps: Int, truth: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, mode, path, "--frames", "\(frames)", "--fps", "\(fps)", "--truth", truth]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        producer = process
    }

    /// The producer's true peak positions, by frame (its CSV: frame,x,y).
    private func truth(_ path: String) throws -> [(x: Double, y: Double)] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let fields = line.split(separator: ",").compactMap { Double($0) }
            return (fields[1], fields[2])
        }
    }

    /// The first keypoint listed in the side panel (the line under "── keypoints").
    private func listedKeypoint(_ screen: String) -> (x: Double, y: Double)? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.contains("── keypoints") }), header + 1 < lines.count else { return nil }
        let numbers = lines[header + 1].split(separator: " ").compactMap { Double($0) }
        guard numbers.count >= 3 else { return nil }
        return (numbers[numbers.count - 3], numbers[numbers.count - 2])
    }

    /// The number in "live frame N" on the screen, if shown.
    private func liveFrame(_ screen: String) -> Int? {
        guard let range = screen.range(of: "live frame ") else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }

    func testAFIFOStreamShowsTheFramesAsTheyComeAndPausesAndStepsBack() throws {
        let fifo = directory.appendingPathComponent("heat.fifo").path
        let truthPath = directory.appendingPathComponent("truth.csv").path
        let status = directory.appendingPathComponent("status").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        try tmux.start("TERM=xterm-256color \(CLIRunner.binary.path) view --stream \(fifo); echo EXIT=$? > \(status); sleep 5", width: 120, height: 36)
        try tmux.waitFor("waiting for the first frame", timeout: 60)
        try startProducer("fifo", fifo, frames: 30, fps: 20, truth: truthPath)

        // The frame count rises while the producer sends (read the panel as it goes).
        var seen: [Int] = []
        var screen = ""
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline, !screen.contains("stream ended") {
            screen = try tmux.screen()
            if let frame = liveFrame(screen), seen.last != frame { seen.append(frame) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        // The keypoints are computed off the screen's thread: wait for the list, not only the label.
        screen = try tmux.waitUntil("the last frame's keypoint") { $0.contains("stream ended (30 frames)") && !$0.contains("computing") && listedKeypoint($0) != nil }
        XCTAssertEqual(seen, seen.sorted(), "frame numbers only rise: \(seen)")
        XCTAssertGreaterThanOrEqual(seen.count, 2, "the count was seen rising: \(seen)")
        XCTAssertEqual(liveFrame(screen), 30)

        // The listed keypoint follows the peak: within 0.5 px of the last frame's truth.
        let peaks = try truth(truthPath)
        XCTAssertEqual(peaks.count, 30)
        let last = try XCTUnwrap(listedKeypoint(screen), screen)
        XCTAssertLessThan(hypot(last.x - peaks[29].x, last.y - peaks[29].y), 0.5, "listed \(last), truth \(peaks[29])")

        // space pauses, , shows the frame before: its keypoint is the earlier peak's.
        try tmux.send("Space")
        try tmux.waitFor("frame 30 of 30")
        try tmux.type(",")
        let earlier = try tmux.waitUntil("frame 29's keypoint") { $0.contains("frame 29 of 30") && !$0.contains("computing") && listedKeypoint($0) != nil }
        let previous = try XCTUnwrap(listedKeypoint(earlier), earlier)
        XCTAssertLessThan(hypot(previous.x - peaks[28].x, previous.y - peaks[28].y), 0.5, "listed \(previous), truth \(peaks[28])")
        XCTAssertLessThan(previous.x, last.x, "the peak moves right: the earlier frame's keypoint is further left")
        try tmux.send("End")
        try tmux.waitFor("live frame 30")

        try tmux.send("q")
        XCTAssertEqual(tmux.waitForFile(status, timeout: 30), "EXIT=0\n")
    }

    func testFollowShowsEachAtomicReplace() throws {
        let file = directory.appendingPathComponent("heat.npy").path
        let truthPath = directory.appendingPathComponent("truth.csv").path
        let status = directory.appendingPathComponent("status").path
        try tmux.start("TERM=xterm-256color \(CLIRunner.binary.path) view --follow \(file); echo EXIT=$? > \(status); sleep 5", width: 120, height: 36)
        try tmux.waitFor("waiting for the first frame", timeout: 60)
        try startProducer("file", file, frames: 10, fps: 4, truth: truthPath)
        producer?.waitUntilExit()
        XCTAssertEqual(producer?.terminationStatus, 0)
        let peaks = try truth(truthPath)
        XCTAssertEqual(peaks.count, 10)

        // The last version is shown (its keypoint is the last truth's); each version seen is one frame.
        let deadline = Date().addingTimeInterval(60)
        var screen = try tmux.screen()
        while Date() < deadline {
            if let point = listedKeypoint(screen), hypot(point.x - peaks[9].x, point.y - peaks[9].y) < 0.5 { break }
            Thread.sleep(forTimeInterval: 0.2)
            screen = try tmux.screen()
        }
        let shown = try XCTUnwrap(listedKeypoint(screen), screen)
        XCTAssertLessThan(hypot(shown.x - peaks[9].x, shown.y - peaks[9].y), 0.5, "listed \(shown), truth \(peaks[9])\n\(screen)")
        let frames = try XCTUnwrap(liveFrame(screen), screen)
        XCTAssertTrue((2...10).contains(frames), "versions seen: \(frames) (at most one per replace)")
        XCTAssertTrue(screen.contains(" s ago"), "the panel shows the age of the last update")

        try tmux.send("q")
        XCTAssertEqual(tmux.waitForFile(status, timeout: 30), "EXIT=0\n")
    }

    func testStandardInputIsAStreamAndTheKeysComeFromTheTerminal() throws {
        let status = directory.appendingPathComponent("status").path
        let truthPath = directory.appendingPathComponent("truth.csv").path
        try tmux.start("python3 \(script) stdout - --frames 5 --fps 10 --truth \(truthPath) | TERM=xterm-256color \(CLIRunner.binary.path) view -; "
                       + "echo EXIT=$? > \(status); sleep 5", width: 120, height: 36)
        let screen = try tmux.waitFor("stream ended (5 frames)", timeout: 90)
        let peaks = try truth(truthPath)
        let shown = try XCTUnwrap(listedKeypoint(screen), screen)
        XCTAssertLessThan(hypot(shown.x - peaks[4].x, shown.y - peaks[4].y), 0.5, "listed \(shown), truth \(peaks[4])")
        try tmux.type(",")
        try tmux.waitFor("frame 4 of 5")
        try tmux.send("q")
        XCTAssertEqual(tmux.waitForFile(status, timeout: 30), "EXIT=0\n")
    }
}
