import XCTest
import TestSupport

/// End-to-end in tmux: `subpix view -`, which needs a real terminal — the frames come on
/// standard input and the keys from `/dev/tty`, and on a terminal it refuses. `--stream`
/// and `--follow` are tested in process (`LiveViewTests`).
final class TmuxLiveTests: XCTestCase {
    private let tmux = TmuxDriver(target: "live")
    private var directory: URL!

    override func setUpWithError() throws {
        guard tmux.isAvailable else { throw XCTSkip("tmux is not installed: the live viewer tests are skipped (apt-get install tmux)") }
        guard system("python3 -c 'import numpy' 2>/dev/null") == 0 else { throw XCTSkip("python3 with NumPy is needed for the producer") }
        directory = try scratchDirectory("subpix-live")
    }

    override func tearDown() {
        tmux.stop()
    }

    /// The listed keypoint once it is within 0.5 px of `peak` (polling up to `timeout`);
    /// nil (with the last one seen in the failure) if it never gets there.
    private func keypoint(near peak: (x: Double, y: Double), timeout: TimeInterval = 60,
                          file: StaticString = #filePath, line: UInt = #line) throws -> (x: Double, y: Double)? {
        let deadline = Date().addingTimeInterval(timeout)
        var listed: (x: Double, y: Double)?
        repeat {
            listed = LiveReadout.listedKeypoint(try tmux.screen())
            if let listed, hypot(listed.x - peak.x, listed.y - peak.y) < 0.5 { return listed }
            Thread.sleep(forTimeInterval: 0.2)
        } while Date() < deadline
        XCTFail("the listed keypoint \(String(describing: listed)) never came within 0.5 px of the truth \(peak)", file: file, line: line)
        return nil
    }

    func testStandardInputIsAStreamAndTheKeysComeFromTheTerminal() throws {
        let status = directory.appendingPathComponent("status").path
        let truthPath = directory.appendingPathComponent("truth.csv").path
        try tmux.start("python3 \(LiveReadout.producer) stdout - --frames 5 --fps 10 --truth \(truthPath) | TERM=xterm-256color \(CLIRunner.binary.path) view -; "
                       + "echo EXIT=$? > \(status); sleep 5", width: 120, height: 36)
        try tmux.waitFor("stream ended (5 frames)", timeout: 90)
        XCTAssertNotNil(try keypoint(near: try LiveReadout.truth(truthPath)[4]))
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
