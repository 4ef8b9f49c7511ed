import Foundation
import SubpixTUI
import Synchronization
import XCTest

/// Runs a `subpix view ...` command line in this process on a ``MemoryScreen``, as
/// ``TmuxDriver`` runs the binary in tmux: type keys, wait for what the screen shows,
/// wait for the exit status. The viewer's loop, its compute worker and the live
/// source run as in the binary; only the terminal is memory.
///
/// The command runs on a thread of its own with `directory` as the process's current
/// directory (where `w`, `e` and `i` write), so run one viewer at a time. Waits wake on
/// each frame drawn, with generous deadlines, because the machine may be busy.
final class ViewerDriver: Sendable {
    /// How long a wait lasts before the test fails: long, for a loaded machine.
    static let patience: TimeInterval = 60

    let screen: MemoryScreen
    private let result = Mutex<CLIRunner.Result?>(nil)
    private let ended = DispatchSemaphore(value: 0)

    /// Starts `subpix` with `arguments` on a `width` × `height` screen showing `colorMode`.
    init(_ arguments: [String], directory: URL? = nil, width: Int = 100, height: Int = 32, colorMode: ColorMode = .xterm256) {
        screen = MemoryScreen(width: width, height: height, colorMode: colorMode)
        let thread = Thread { [self, screen] in
            let outcome: CLIRunner.Result
            do {
                outcome = try CLIRunner.run(arguments, directory: directory, screen: screen)
            } catch {
                outcome = CLIRunner.Result(status: -1, stdout: "", stderr: "\(error)")
            }
            result.withLock { $0 = outcome }
            ended.signal()
        }
        thread.stackSize = 8 << 20   // the main thread's, where the binary runs the command
        thread.start()
    }

    /// Types each character of `text` as a key.
    func type(_ text: String) { screen.type(text) }

    /// Presses `keys` in order.
    func send(_ keys: Key...) { for key in keys { screen.send(.key(key)) } }

    /// Resizes the screen, as a terminal window is resized.
    func resize(width: Int, height: Int) { screen.resize(width: width, height: height) }

    /// The newest frame's text, each row without its trailing spaces (as tmux's `capture-pane` gives it).
    func text() -> String { screen.frame.map(Self.text) ?? "" }

    /// The newest frame's cells (a blank 0 × 0 buffer before the first).
    var frame: CellBuffer { screen.frame ?? CellBuffer(width: 0, height: 0) }

    /// Waits until the screen contains `text` (or fails the test after `timeout`), returning the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = patience, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitUntil("'\(text)'", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// Waits until the screen's text satisfies `isReady` (described by `what` in the failure),
    /// returning it; fails the test after `timeout`, or as soon as the command has ended.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = patience, file: StaticString = #filePath, line: UInt = #line,
                   _ isReady: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var ended: CLIRunner.Result?
        repeat {
            ended = result.withLock { $0 }
            // A second at a time, to notice a command that ended without drawing it.
            let frame = screen.waitForFrame(timeout: min(1, deadline.timeIntervalSinceNow)) { isReady(Self.text($0)) }
            if let frame { return Self.text(frame) }
        } while ended == nil && Date() < deadline
        let exit = ended.map { "\nthe command ended with status \($0.status): \($0.stderr)" } ?? ""
        XCTFail("\(what) did not appear; screen:\n\(text())\(exit)", file: file, line: line)
        return text()
    }

    /// Waits for the command to end and returns its status and output; nil after `timeout`.
    func waitForExit(timeout: TimeInterval = patience) -> CLIRunner.Result? {
        guard ended.wait(timeout: .now() + timeout) == .success else { return nil }
        ended.signal()
        return result.withLock { $0 }
    }

    /// Quits the viewer (Esc closes a command line, `q` quits) unless it has ended, and
    /// waits for it: call in `tearDown`, so that no viewer outlives its test.
    func stop() {
        if ended.wait(timeout: .now()) == .success {
            ended.signal()
            return
        }
        send(.escape)
        type("q")
        _ = waitForExit()
    }

    private static func text(_ frame: CellBuffer) -> String {
        frame.textPlane.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }
}
