import Foundation
import XCTest

/// Drives the real `subpix` binary inside a private tmux server: start a
/// command in a detached session, send keys, read the pane back.
///
/// One server runs one command: to run a second, take a ``fresh()`` driver (a new
/// server) — a `new-session` right after `kill-session` of a server's only session
/// can meet that server still shutting down, and time out under load. Waits poll
/// with generous deadlines, because the machine may be busy.
struct TmuxDriver {
    /// How long a wait lasts before the test fails: long, for a loaded machine.
    static let patience: TimeInterval = 60

    /// The tmux server socket name, unique per test.
    let socket = "subpix-test-\(UUID().uuidString.prefix(8))"
    /// The session name commands run in.
    let target: String

    init(target: String) { self.target = target }

    /// A driver for the same session name on a new private server.
    func fresh() -> TmuxDriver { TmuxDriver(target: target) }

    /// Whether tmux can be run here.
    var isAvailable: Bool { (try? run(["-V"]))?.hasPrefix("tmux") == true }

    /// Runs tmux through the shell (`system` reaps the daemonizing tmux client
    /// reliably); output is read back through a file.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("subpix-tmux-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: capture) }
        let quoted = (["tmux", "-L", socket] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        _ = system(quoted.joined(separator: " ") + " > '\(capture.path)' 2>/dev/null < /dev/null")
        return (try? String(contentsOf: capture, encoding: .utf8)) ?? ""
    }

    /// Starts `command` (a shell command line) in a detached `width`×`height` session.
    func start(_ command: String, width: Int = 100, height: Int = 32) throws {
        try run(["new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", command])
    }

    /// Sends tmux key names or literal text.
    func send(_ keys: String...) throws { try run(["send-keys", "-t", target] + keys) }

    /// Sends `text` literally (no key-name lookup).
    func type(_ text: String) throws { try run(["send-keys", "-t", target, "-l", text]) }

    /// Presses Ctrl-C once `seconds` have passed (for a statement that runs until then).
    func interrupt(after seconds: TimeInterval) throws {
        Thread.sleep(forTimeInterval: seconds)
        try send("C-c")
    }

    /// Types `line` and presses Enter.
    func enter(_ line: String) throws {
        try type(line)
        try send("Enter")
    }

    /// The pane's text (`colors`: with escape codes).
    func screen(colors: Bool = false) throws -> String {
        try run(["capture-pane", "-p"] + (colors ? ["-e"] : []) + ["-t", target])
    }

    /// Waits until the pane contains `text` (or fails the test after `timeout`), returning the pane.
    @discardableResult
    func waitFor(_ text: String, colors: Bool = false, timeout: TimeInterval = patience,
                 file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitUntil("'\(text)'", colors: colors, timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// Waits until the pane satisfies `isReady` (described by `what` in the failure), returning the pane.
    @discardableResult
    func waitUntil(_ what: String, colors: Bool = false, timeout: TimeInterval = patience,
                   file: StaticString = #filePath, line: UInt = #line, _ isReady: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try self.screen(colors: colors)
            if isReady(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTFail("\(what) did not appear; screen:\n\(screen)", file: file, line: line)
        return screen
    }

    /// Waits for `path` to hold a complete line and returns its contents.
    func waitForFile(_ path: String, timeout: TimeInterval = patience) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        var contents = try? String(contentsOfFile: path, encoding: .utf8)
        while Date() < deadline, contents?.hasSuffix("\n") != true {
            Thread.sleep(forTimeInterval: 0.2)
            contents = try? String(contentsOfFile: path, encoding: .utf8)
        }
        return contents
    }

    /// Kills the server and waits (briefly) until it no longer answers.
    func stop() {
        _ = try? run(["kill-server"])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, isRunning { Thread.sleep(forTimeInterval: 0.1) }
    }

    /// Whether the server still answers on its socket.
    private var isRunning: Bool { system("tmux -L '\(socket)' list-sessions > /dev/null 2>&1 < /dev/null") == 0 }

    /// Starts the viewer on its demo with `environment` set, presses `x` and returns the
    /// screen once the explain popup is drawn.
    @discardableResult
    func openExplainPopup(environment: String = "TERM=xterm-256color") throws -> String {
        try start("\(environment) \(CLIRunner.binary.path) view; sleep 5")
        try waitFor("method conv_soft_argmax2d")
        try type("x")
        return try waitFor("any key closes")
    }
}
