import Foundation
import Subpix

/// The one state the REPL, `subpix run` and the viewer share: variables, the
/// viewer's settings, and a journal of the statements executed.
///
/// Every change the viewer makes is a statement run here
/// (`try session.execute("view.temperature = 1.25")`), so the journal, saved
/// as a script, replays to the same view and keypoints.
///
/// ```swift
/// let session = Session()
/// try session.execute("x = gaussians(size=(32, 32), peaks=[(10.3, 12.7, 2, 1)])")
/// try session.execute("view.method = 'spatial_soft_argmax2d'")
/// session.journal   // both statements
/// ```
public final class Session {
    /// Session variables by name.
    public private(set) var variables: [String: Value] = [:]
    /// What the viewer shows; changed only through `view.<field> = value` statements.
    public internal(set) var view = ViewSettings()
    /// The successful statements that changed state, in order, as source text.
    public private(set) var journal: [String] = []
    /// The name of the most recently assigned tensor variable.
    public private(set) var lastTensorName: String?
    /// Where `print`, `show` and `help` write.
    public var output: (String) -> Void
    /// Whether `show` may use ANSI colours (true on a terminal).
    public var colorOutput = false
    /// The script's command-line arguments (`args[0]`, ...).
    public var arguments: [String]
    /// The builtins callable from this session.
    public let registry: BuiltinRegistry
    /// Ground-truth peaks of tensors made by `gaussians(...)`, by variable name.
    public internal(set) var groundTruth: [String: [GaussianPeak]] = [:]
    /// Opens the viewer on a variable; installed by the viewer layer for `view(x)`.
    public var openViewer: ((Session, String) throws -> Void)?
    /// Nested `source(...)` calls in progress (bounded to stop runaway recursion).
    var sourceDepth = 0
    /// Peaks of the last `gaussians(...)` call, attached to the variable it is assigned to.
    var pendingPeaks: [GaussianPeak]?

    public init(arguments: [String] = [], registry: BuiltinRegistry = .standard, output: @escaping (String) -> Void = { print($0) }) {
        self.arguments = arguments
        self.registry = registry
        self.output = output
    }

    /// Parses and runs `source`; returns the value of its last statement when
    /// that is an expression (the REPL echoes it), `nil` otherwise.
    ///
    /// Statements run in order. A syntax error stops everything before any
    /// statement runs. A failing statement is thrown (with its line and column),
    /// unless `onError` is given: then it is reported there and the run goes on.
    /// Statements that succeed keep their effects and are journaled.
    @discardableResult
    public func execute(_ source: String, onError: ((ScriptError) -> Void)? = nil) throws -> Value? {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var last: Value?
        var journaledLines: ClosedRange<Int>?
        for (statement, span) in try Parser.parse(source) {
            do {
                last = try Interpreter(session: self).run(statement)
            } catch let error as ScriptError {
                guard let onError else { throw error }
                onError(error)
                continue
            }
            if journals(statement), span != journaledLines {
                journal.append(lines[(span.lowerBound - 1)..<min(span.upperBound, lines.count)].joined(separator: "\n")
                    .trimmingCharacters(in: .whitespaces))
                journaledLines = span
            }
        }
        return last
    }

    /// The tensor in variable `name`, if it holds one.
    public func tensor(named name: String) -> AnyTensor? {
        if case .tensor(let tensor) = variables[name] { return tensor }
        return nil
    }

    /// The tensor the viewer shows: `view.input`, else the last assigned tensor.
    public func viewedTensor() -> (name: String, tensor: AnyTensor)? {
        for name in [view.input, lastTensorName].compactMap({ $0 }) {
            if let tensor = tensor(named: name) { return (name, tensor) }
        }
        return nil
    }

    /// Removes every journal entry (the viewer's `r` starts a fresh record).
    public func clearJournal() { journal.removeAll() }

    func assign(_ name: String, _ value: Value) {
        variables[name] = value
        if case .tensor = value {
            lastTensorName = name
            if let peaks = pendingPeaks { groundTruth[name] = peaks } else { groundTruth[name] = nil }
        }
        pendingPeaks = nil
    }

    /// Output-only statements (`print(x)`, `help()`, a bare name) stay out of the journal.
    private func journals(_ statement: Statement) -> Bool {
        switch statement {
        case .assignment: return true
        case .expression(.call(.name(let name, _), _, _)): return registry[name]?.journaled ?? false
        case .expression: return false
        }
    }
}
