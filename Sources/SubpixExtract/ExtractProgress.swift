import Foundation
import Synchronization

/// What a run has done, counted from any thread, and the progress bar drawn from it
/// when stderr is a terminal: `[#######-------]  450/1000 files  312 files/s  ETA 0:02  1 failed`.
public final class ExtractProgress: Sendable {
    private struct State {
        var done = 0
        var failed = 0
        var rows = 0
        var lastDrawn: UInt64 = 0
    }

    /// The inputs to do; nil while a stream's length is unknown.
    private let total: Int?
    private let start = DispatchTime.now().uptimeNanoseconds
    private let state = Mutex(State())
    /// Receives the bar (with a leading carriage return) at most ten times a second; nil draws nothing.
    private let draw: (@Sendable (String) -> Void)?

    public init(total: Int?, draw: (@Sendable (String) -> Void)?) {
        (self.total, self.draw) = (total, draw)
    }

    /// Counts one input done (`failed`: skipped for an error).
    public func advance(failed: Bool) {
        let bar: String? = state.withLock { state in
            state.done += 1
            if failed { state.failed += 1 }
            // Read under the lock: a time read before it could precede another thread's `lastDrawn`.
            let now = DispatchTime.now().uptimeNanoseconds
            guard draw != nil, now - state.lastDrawn >= 100_000_000 || state.done == total else { return nil }
            state.lastDrawn = now
            return line(state, now: now)
        }
        if let bar { draw?("\r" + bar + "\u{1B}[K") }
    }

    /// Writes `line` (a failure) through `report` on a line of its own: the bar, when one
    /// is drawn, is cleared first and drawn again below it at the next input.
    public func interject(_ line: String, through report: (String) -> Void) {
        draw?("\r\u{1B}[K")
        report(line)
        state.withLock { $0.lastDrawn = 0 }
    }

    /// Counts rows written.
    public func wrote(rows: Int) {
        state.withLock { $0.rows += rows }
    }

    public var failures: Int { state.withLock { $0.failed } }
    public var done: Int { state.withLock { $0.done } }

    /// Ends the bar's line (when one is drawn) and returns the one-line summary:
    /// `extract: 1000 files (1 failed), 17000 rows in 3.2 s, 312 files/s`.
    public func finish() -> String {
        let now = DispatchTime.now().uptimeNanoseconds
        let (done, failed, rows, bar) = state.withLock { ($0.done, $0.failed, $0.rows, line($0, now: now)) }
        draw?("\r" + bar + "\u{1B}[K\n")
        let seconds = elapsed(now)
        return String(format: "extract: %d %@%@, %d rows in %.1f s, %.0f files/s", done, done == 1 ? "input" : "inputs",
                      failed > 0 ? " (\(failed) failed)" : "", rows, seconds, Double(done) / max(seconds, 1e-9))
    }

    private func elapsed(_ now: UInt64) -> Double { Double(now - start) / 1e9 }

    private func line(_ state: State, now: UInt64) -> String {
        let seconds = elapsed(now)
        let rate = Double(state.done) / max(seconds, 1e-9)
        var parts: [String] = []
        if let total, total > 0 {
            let width = 24, filled = width * state.done / total
            parts.append("[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]")
            parts.append("\(state.done)/\(total) files")
        } else {
            parts.append("\(state.done) \(state.done == 1 ? "input" : "inputs")")
        }
        parts.append(String(format: "%.0f files/s", rate))
        if let total, rate > 0 {
            let left = Int((Double(total - state.done) / rate).rounded())
            parts.append(String(format: "ETA %d:%02d", left / 60, left % 60))
        }
        if state.failed > 0 { parts.append("\(state.failed) failed") }
        return parts.joined(separator: "  ")
    }
}
