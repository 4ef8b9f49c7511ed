import XCTest
import TestSupport

/// End-to-end: the real `subpix` viewer inside tmux, for what only a real terminal
/// shows — signals, SIGWINCH — and the refusal without one. Keys to frames are
/// tested in process (`ViewerKeysTests`).
final class TmuxViewerTests: XCTestCase {
    private let tmux = TmuxDriver(target: "viewer")
    private var directory: URL!

    override func setUpWithError() throws {
        guard tmux.isAvailable else {
            throw XCTSkip("tmux is not installed: the end-to-end viewer test is skipped (apt-get install tmux)")
        }
        directory = try scratchDirectory("subpix-tmux")
    }

    override func tearDown() {
        tmux.stop()
    }

    /// SIGINT, SIGTERM and SIGHUP each leave the terminal in its normal state:
    /// the shell's `stty -a` afterwards shows `icanon` and `echo`.
    func testSignalsRestoreTheTerminal() throws {
        for signal in ["INT", "TERM", "HUP"] {
            let tmux = self.tmux.fresh()   // one server per run: a just-killed one may still be shutting down
            defer { tmux.stop() }
            let stty = directory.appendingPathComponent("stty-\(signal)").path
            try tmux.start("cd \(directory.path) && env -u COLORTERM TERM=xterm-256color \(CLIRunner.binary.path) view; stty -a > \(stty); sleep 5")
            try tmux.waitFor("method conv_soft_argmax2d")
            let shell = try tmux.run(["display", "-p", "-t", "viewer", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            _ = system("pkill -\(signal) -P \(shell)")
            let settings = tmux.waitForFile(stty) ?? ""
            XCTAssertTrue(settings.contains(" icanon") && !settings.contains("-icanon"), "SIG\(signal): \(settings)")
            XCTAssertTrue(settings.contains(" echo ") && !settings.contains("-echo "), "SIG\(signal): \(settings)")
        }
    }

    /// Ctrl-C while a `:` statement runs stops the statement, not the viewer (its SIGINT
    /// otherwise quits): the error names the line, and `q` then quits with status 0.
    func testCtrlCStopsARunningStatementAndKeepsTheViewer() throws {
        let status = directory.appendingPathComponent("status").path
        try tmux.start("cd \(directory.path) && env -u COLORTERM TERM=xterm-256color \(CLIRunner.binary.path) view; echo EXIT=$? > \(status); sleep 5", width: 140)
        try tmux.waitFor("method conv_soft_argmax2d")
        try tmux.enter(":while True: pass")
        try tmux.interrupt(after: 1)
        try tmux.waitFor("1:13: interrupted")
        try tmux.enter(":print('answer', 6 * 7)")
        try tmux.waitFor("answer 42")
        try tmux.send("q")
        XCTAssertEqual(tmux.waitForFile(status), "EXIT=0\n")
    }

    /// A burst of resizes, a 1×1 terminal and back: the viewer keeps drawing and quits cleanly.
    func testResizeStormsAndATinyTerminal() throws {
        let status = directory.appendingPathComponent("status").path
        try tmux.start("cd \(directory.path) && env -u COLORTERM TERM=xterm-256color \(CLIRunner.binary.path) view; echo EXIT=$? > \(status); sleep 5")
        try tmux.waitFor("method conv_soft_argmax2d")
        for step in 0..<40 { try tmux.run(["resize-window", "-t", "viewer", "-x", "\(40 + step * 3)", "-y", "\(10 + step % 25)"]) }
        try tmux.run(["resize-window", "-t", "viewer", "-x", "1", "-y", "1"])
        Thread.sleep(forTimeInterval: 0.5)
        try tmux.run(["resize-window", "-t", "viewer", "-x", "100", "-y", "32"])
        try tmux.waitFor("method conv_soft_argmax2d")
        try tmux.send("q")
        XCTAssertEqual(tmux.waitForFile(status), "EXIT=0\n")
    }

    /// The binary on pipes (in process, tests say there is no terminal; here the pipes do).
    func testWithoutATerminalTheViewerSaysWhereToGo() throws {
        let result = try CLIRunner.launch(["view"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(result.stderr.split(separator: "\n").first,
                       "Error: subpix view needs a terminal (a TTY); for scripts use `subpix run FILE` or `subpix repl`")
    }

    /// `TERM=dumb` cannot move the cursor: one line of error, nothing drawn, status 1.
    func testADumbTerminalIsRefusedInOneLine() throws {
        let status = directory.appendingPathComponent("status").path
        try tmux.start("cd \(directory.path) && env -u COLORTERM TERM=dumb \(CLIRunner.binary.path) view; echo EXIT=$? > \(status); sleep 5")
        let screen = try tmux.waitFor("cannot move the cursor")
        XCTAssertTrue(screen.replacingOccurrences(of: "\n", with: "").contains("Error: subpix view: TERM=dumb cannot move the cursor; set TERM to your terminal's type (e.g. xterm-256color)"), screen)
        XCTAssertFalse(screen.contains("method conv_soft_argmax2d"), "nothing drawn:\n\(screen)")
        XCTAssertEqual(tmux.waitForFile(status)?.trimmingCharacters(in: .whitespacesAndNewlines), "EXIT=1")
    }
}
