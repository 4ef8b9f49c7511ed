import XCTest
import TestSupport

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
        directory = try scratchDirectory("subpix-live")
    }

    override func tearDown() {
        producer?.terminate()
        tmux.stop()
    }

    private func startProducer(_ mode: String, _ path: String, frames: Int, fps: Int, truth: String, extra: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, mode, path, "--frames", "\(frames)", "--fps", "\(fps)", "--truth", truth] + extra
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

    /// The listed keypoint once it is within 0.5 px of `peak` (polling up to `timeout`);
    /// nil (with the last one seen in the failure) if it never gets there.
    private func keypoint(near peak: (x: Double, y: Double), timeout: TimeInterval = 60,
                          file: StaticString = #filePath, line: UInt = #line) throws -> (x: Double, y: Double)? {
        let deadline = Date().addingTimeInterval(timeout)
        var listed: (x: Double, y: Double)?
        repeat {
            listed = listedKeypoint(try tmux.screen())
            if let listed, hypot(listed.x - peak.x, listed.y - peak.y) < 0.5 { return listed }
            Thread.sleep(forTimeInterval: 0.2)
        } while Date() < deadline
        XCTFail("the listed keypoint \(String(describing: listed)) never came within 0.5 px of the truth \(peak)", file: file, line: line)
        return nil
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
        // 30 frames at 20 frames/s; after frame 15 the producer waits until the test has seen
        // frame 15 on the screen (however slow the machine), so the count is seen rising.
        let resume = directory.appendingPathComponent("resume").path
        try startProducer("fifo", fifo, frames: 30, fps: 20, truth: truthPath, extra: ["--pause-after", "15", "--resume-file", resume])

        // The frame count rises while the producer sends (read the panel as it goes).
        var seen: [Int] = []
        var screen = try tmux.waitUntil("live frame 15, while the producer waits after it") { screen in
            if let frame = liveFrame(screen), seen.last != frame { seen.append(frame) }
            return liveFrame(screen) == 15
        }
        XCTAssertFalse(screen.contains("stream ended"), "frame 15 is shown as it comes, before the stream ends")
        XCTAssertTrue(FileManager.default.createFile(atPath: resume, contents: nil))
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline, !screen.contains("stream ended") {
            screen = try tmux.screen()
            if let frame = liveFrame(screen), seen.last != frame { seen.append(frame) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        // The keypoints are computed off the screen's thread: wait for the list, not only the label.
        screen = try tmux.waitUntil("the last frame's keypoint") { $0.contains("stream ended (30 frames)") && !$0.contains("computing") && listedKeypoint($0) != nil }
        XCTAssertEqual(seen, seen.sorted(), "frame numbers only rise: \(seen)")
        XCTAssertTrue(seen.contains(15) && seen.last == 30, "the count was seen rising, through frame 15: \(seen)")
        XCTAssertEqual(liveFrame(screen), 30)

        // The listed keypoint follows the peak: within 0.5 px of the last frame's truth
        // (keypoints are computed off the input loop: the list catches up with the frame shown).
        let peaks = try truth(truthPath)
        XCTAssertEqual(peaks.count, 30)
        let last = try XCTUnwrap(keypoint(near: peaks[29]))

        // space pauses, , shows the frame before: its keypoint is the earlier peak's.
        try tmux.send("Space")
        try tmux.waitFor("frame 30 of 30")
        try tmux.type(",")
        try tmux.waitFor("frame 29 of 30")
        let previous = try XCTUnwrap(keypoint(near: peaks[28]))
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
        // 10 replaces at 4 a second; after the fifth the producer waits until the test has seen it.
        let resume = directory.appendingPathComponent("resume").path
        try startProducer("file", file, frames: 10, fps: 4, truth: truthPath, extra: ["--pause-after", "5", "--resume-file", resume])
        let fifth = Date().addingTimeInterval(60)
        while (try? truth(truthPath))?.count ?? 0 < 5, Date() < fifth { Thread.sleep(forTimeInterval: 0.1) }
        XCTAssertNotNil(try keypoint(near: try truth(truthPath)[4]), "the fifth version is shown while the producer waits after it")
        XCTAssertTrue(FileManager.default.createFile(atPath: resume, contents: nil))
        producer?.waitUntilExit()
        XCTAssertEqual(producer?.terminationStatus, 0)
        let peaks = try truth(truthPath)
        XCTAssertEqual(peaks.count, 10)

        // The last version is shown (its keypoint is the last truth's); each version seen is one frame.
        XCTAssertNotNil(try keypoint(near: peaks[9]))
        let screen = try tmux.screen()
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
        try tmux.waitFor("stream ended (5 frames)", timeout: 90)
        XCTAssertNotNil(try keypoint(near: try truth(truthPath)[4]))
        try tmux.type(",")
        try tmux.waitFor("frame 4 of 5")
        try tmux.send("q")
        XCTAssertEqual(tmux.waitForFile(status, timeout: 30), "EXIT=0\n")
    }

    func testViewDashOnATerminalSaysToPipeAProducer() throws {
        let status = directory.appendingPathComponent("status").path
        try tmux.start("\(CLIRunner.binary.path) view -; echo EXIT=$? > \(status); sleep 5", width: 200, height: 10)
        try tmux.waitFor("reads .npy arrays from standard input, which is the terminal here; pipe a producer into it", timeout: 60)
        XCTAssertEqual(tmux.waitForFile(status, timeout: 30), "EXIT=1\n")
    }
}
