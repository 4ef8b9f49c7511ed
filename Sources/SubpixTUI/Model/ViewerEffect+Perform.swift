import Foundation
import SubpixSession

extension ViewerEffect {
    /// Does what the effect asks, now and on this thread, and returns the event
    /// that reports it to ``ViewerModel/update(_:)``. The loop hands
    /// ``compute(_:)`` and ``computeInfluence(_:)`` to its worker thread instead.
    /// A `:` statement polls `isInterrupted` (Ctrl-C) and stops when it says so.
    func perform(in session: Session, isInterrupted: @escaping () -> Bool = { false }) -> ViewerEvent {
        switch self {
        case .run(let statement): .performed(Result { try Self.run(statement, in: session, isInterrupted: isInterrupted) })
        case .write(let file): .performed(Result { try file.write() })
        case .compute(let computation): .computed(computation.key, computation.compute())
        case .computeInfluence(let computation): .influenceComputed(computation.key, Result { try computation.compute() })
        }
    }

    /// How long a `:` statement may run before it stops with an error (a `while True:` must not hang the viewer).
    static let statementSeconds = 10.0

    /// Runs a `:` statement with what it prints captured: all it printed, else its
    /// value, else nothing (``ViewerModel/showOutput(_:)`` opens a pane for several lines).
    /// It stops after ``statementSeconds`` unless the session has its own limit, and
    /// when `isInterrupted` says so (Ctrl-C). A Ctrl-C that comes after its last
    /// checkpoint is forgotten with it: it was meant for the statement, not the viewer.
    private static func run(_ statement: String, in session: Session, isInterrupted: @escaping () -> Bool) throws -> String? {
        let captured = CapturedOutput()
        let previous = (session.output, session.maxSeconds, session.isInterrupted, session.maxSecondsSource)
        session.output = { captured.lines.append($0) }
        if previous.1 == nil {
            session.maxSeconds = statementSeconds
            session.maxSecondsSource = "the viewer's limit for a : statement; Ctrl-C stops one sooner"
        }
        session.isInterrupted = isInterrupted
        defer {
            (session.output, session.maxSeconds, session.isInterrupted, session.maxSecondsSource) = previous
            _ = isInterrupted()
        }
        let value = try session.execute(statement)
        guard captured.lines.isEmpty else { return captured.lines.joined(separator: "\n") }
        return value.flatMap { $0 == .none ? nil : $0.repr }
    }
}

/// Collects what a statement prints while the viewer runs it.
private final class CapturedOutput {
    var lines: [String] = []
}
