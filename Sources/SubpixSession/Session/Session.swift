import Foundation
import Subpix
import SubpixLanguage

/// The one state the REPL, `subpix run` and the viewer share: variables, the
/// viewer's settings, and a journal of the statements that changed them.
///
/// Statements go through ``execute(_:onError:)``; the viewer changes the view
/// with typed changes through ``apply(_:)``, checked by the same rules and
/// journaled as the statement they correspond to, so the journal saved as a
/// script replays to the same view and keypoints.
///
/// ```swift
/// let session = Session(output: { line in messages.append(line) })
/// try session.execute("heat = gaussians(size=(32, 32), peaks=[(10.3, 12.7, 2)])")
/// try session.apply([.temperature(1.25)])              // what the viewer's `T` key does
/// session.view.temperature                             // 1.25
/// session.viewedTensor()?.name                         // "heat"
/// session.journal                                      // ["heat = gaussians(...)", "view.temperature = 1.25"]
/// ```
///
/// A `Session` is used from one thread at a time (the REPL's or the viewer's main loop).
public final class Session {
    /// Session variables by name.
    public private(set) var variables: [String: Value] = [:]
    /// What the viewer shows. Change it with statements (`view.<field> = value`)
    /// or typed changes (``apply(_:)``), which validate the value and journal the change.
    public internal(set) var view = ViewSettings() {
        didSet { if view != oldValue { revision += 1 } }
    }
    /// Counts the changes to the session: every assignment to a variable and
    /// every change of a view setting adds one. Caches of anything computed
    /// from the session (the viewer's keypoints) key on it.
    public private(set) var revision = 0
    /// The ``revision`` at which each variable was last assigned.
    public private(set) var variableRevisions: [String: Int] = [:]
    /// The successful statements that changed the session, in order, as source
    /// text; joined with newlines they form a script that `subpix run` replays
    /// to the same variables and view settings. See ``Journal`` for the rules.
    public var journal: [String] { record.entries }
    /// The name of the most recently assigned tensor variable.
    public private(set) var lastTensorName: String?
    /// Where `print`, `show`, `help`, `vars`, `compare` and `diagnose` write
    /// their lines (stdout by default; the viewer captures them for its message line).
    public var output: (String) -> Void
    /// Where status messages go — `saved PATH`, `time`'s report — which are not
    /// what a script prints, so that `subpix run x.subpix > out.csv` holds only
    /// data. `nil` sends them to ``output`` (the viewer shows both on its message
    /// line); `subpix run` and `subpix repl` send them to stderr, or nowhere with `--quiet`.
    public var status: ((String) -> Void)?
    /// Whether `show` may use ANSI colours (true on a colour terminal).
    public var colorOutput = false
    /// Polled before each statement, each turn of a loop and each repetition of `time`;
    /// returning true stops the run with the error "interrupted" (the REPL wires Ctrl-C here).
    public var isInterrupted: () -> Bool = { false }
    /// The longest one ``execute(_:onError:)`` may run, in seconds (`subpix run --max-seconds`,
    /// the viewer's `:` line); past it the statement running stops with an error naming its line.
    public var maxSeconds: Double?
    /// What sets ``maxSeconds`` where this session runs, named by the error that stops a statement.
    public var maxSecondsSource = "subpix run --max-seconds N sets it"
    /// When the running ``execute(_:onError:)`` must stop (from ``maxSeconds``).
    private var deadline: UInt64?
    /// Nested ``execute(_:onError:)`` calls (a `source(...)` inside a script) in progress.
    private var executeDepth = 0
    /// Text `print(..., end="")` wrote that no line break has ended yet, for each stream.
    private var pendingText: [Bool: String] = [:]
    /// Where `print(..., file=stderr)` writes; nil sends it to ``warnings``, else ``output``.
    public var errorOutput: ((String) -> Void)?
    /// The script's command-line arguments (`args[0]`, ...).
    /// `save` replaces existing files without `overwrite=True` (`subpix repl --force`).
    public var overwritesFiles = false
    public var arguments: [String]
    /// The stream frame a script runs on (`subpix run --each-frame`): keypoints printed
    /// as CSV carry its number and share one header.
    public var streamFrame: StreamFrame?
    /// The builtins callable from this session, as kornia ``kornia`` declares them.
    public private(set) var registry: BuiltinRegistry
    /// The builtins the session was made with, in no particular release.
    private let builtins: BuiltinRegistry
    /// The kornia release the session's ops follow: their signatures, defaults and
    /// numbers, and what the temperature does (`subpix run --kornia 0.7`, `SUBPIX_KORNIA`,
    /// a script's first line `# subpix --kornia 0.7`).
    public internal(set) var kornia: KorniaVersion {
        didSet {
            registry = builtins.following(kornia)
            view.kornia = kornia
        }
    }
    /// Where kornia's warnings go, one line each (`warning: ...`): stderr in `subpix run`
    /// and `subpix repl`; nil sends them to ``output`` (the viewer's message line).
    public var warnings: ((String) -> Void)?
    /// Ground-truth peaks of tensors made by `gaussians(...)`, by variable name.
    public internal(set) var groundTruth: [String: [GaussianPeak]] = [:]
    /// Opens the viewer on a tensor variable; installed by the viewer layer
    /// for `view(x)` (without it, `view(x)` only selects `x`).
    public var openViewer: ((Session, String) throws -> Void)?
    /// Writes what the viewer shows as a PNG (path, overwrite) and returns the path
    /// written, or nil when no viewer is open; installed by the viewer for `snapshot(path)`.
    public var writeSnapshot: ((String, Bool) throws -> String?)?

    /// The journal's record (statements append to it here, typed view changes in ``apply(_:)``).
    var record = Journal()
    /// The view settings this session's own calls imply, per tensor variable.
    var scriptView = ScriptViewSettings()
    /// Nested `source(...)` calls in progress (bounded to stop runaway recursion).
    var sourceDepth = 0
    /// Peaks of a `gaussians(...)` call in the running statement, given to the
    /// tensor variable it assigns.
    var pendingPeaks: [GaussianPeak]?

    public init(arguments: [String] = [], registry: BuiltinRegistry = .standard, kornia: KorniaVersion = .default,
                output: @escaping (String) -> Void = { print($0) }) {
        self.arguments = arguments
        self.builtins = registry
        self.registry = registry.following(kornia)
        self.kornia = kornia
        view.kornia = kornia
        self.output = output
    }

    /// Parses and runs `source` (one or more statements); returns the value of
    /// its last statement when that is an expression (the REPL echoes it),
    /// `nil` otherwise.
    ///
    /// - A syntax error anywhere stops everything before any statement runs.
    /// - A failing statement changes nothing and is thrown as a ``ScriptError``
    ///   with its line and column, unless `onError` is given: then it is
    ///   reported there and the run goes on with the next statement.
    /// - Statements that succeed keep their effects and are journaled.
    @discardableResult
    public func execute(_ source: String, onError: ((ScriptError) -> Void)? = nil) throws -> Value? {
        try execute(ParsedScript(source), onError: onError)
    }

    /// Runs a script parsed once (``ParsedScript``), as ``execute(_:onError:)`` runs its source.
    @discardableResult
    public func execute(_ script: ParsedScript, onError: ((ScriptError) -> Void)? = nil) throws -> Value? {
        let characters = script.characters
        var last: Value?
        if executeDepth == 0 {
            deadline = maxSeconds.map { DispatchTime.now().uptimeNanoseconds + UInt64(max(0, $0) * 1e9) }
        }
        executeDepth += 1
        defer {
            executeDepth -= 1
            if executeDepth == 0 { flushPrinted() }
        }
        for parsed in script.statements {
            pendingPeaks = nil
            scriptView.startStatement()
            do {
                last = try run(parsed, text: String(characters[parsed.range]))
            } catch let error as ScriptError {
                guard let onError else { throw error }
                onError(error)
                last = nil
            }
        }
        return last
    }

    private func run(_ parsed: ParsedStatement, text: String) throws -> Value? {
        let interpreter = Interpreter(context: self)
        guard record.records(parsed.statement, registry: registry) else { return try interpreter.run(parsed) }
        record.enter()
        defer { record.leave() }
        let value = try interpreter.run(parsed)
        record.append(text)
        return value
    }

    /// Stops the run when Ctrl-C was pressed or the time limit (``maxSeconds``) passed.
    package func checkpoint() throws {
        if isInterrupted() { throw ScriptError("interrupted") }
        if let deadline, DispatchTime.now().uptimeNanoseconds > deadline {
            throw ScriptError("stopped: the script ran longer than its time limit of \(Value.format(maxSeconds ?? 0)) s (\(maxSecondsSource))")
        }
    }

    /// Writes `text` as `print` does: whole lines to ``output`` (or, `toErrors`, to ``errorOutput``),
    /// a last piece without a line break held until one comes or the run ends.
    func write(_ text: String, toErrors: Bool) {
        let sink = toErrors ? (errorOutput ?? warnings ?? output) : output
        let whole = (pendingText[toErrors] ?? "") + text
        guard let lastBreak = whole.lastIndex(of: "\n") else { return pendingText[toErrors] = whole }
        pendingText[toErrors] = String(whole[whole.index(after: lastBreak)...])
        sink(String(whole[..<lastBreak]))
    }

    /// Ends the lines `print(..., end="")` left open.
    private func flushPrinted() {
        for stream in [false, true] where !(pendingText[stream] ?? "").isEmpty { write("\n", toErrors: stream) }
    }

    /// Reports a status message (see ``status``).
    public func report(_ line: String) { (status ?? output)(line) }

    /// Reports one of kornia's warnings as `warning: message` (see ``warnings``).
    public func warn(_ message: String) { (warnings ?? output)("warning: " + message) }

    /// The names of the variables that hold tensors, sorted.
    public var tensorNames: [String] { variables.keys.filter { tensor(named: $0) != nil }.sorted() }

    /// "; did you mean 'heat'? tensor variables: demo, heat", or "; there is no tensor
    /// variable yet": what an error about a tensor variable `name` that does not exist adds.
    func tensorHint(for name: String) -> String {
        let names = tensorNames
        guard !names.isEmpty else { return "; there is no tensor variable yet" }
        let guess = Suggestion.closest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
        return "\(guess)\(guess.isEmpty ? ";" : "") tensor variables: \(names.joined(separator: ", "))"
    }

    /// The tensor in variable `name`, if it holds one.
    public func tensor(named name: String) -> AnyTensor? {
        if case .tensor(let tensor) = variables[name] { return tensor }
        return nil
    }

    /// The tensor the viewer shows: the variable named by `view.input`, else
    /// the most recently assigned tensor; `nil` when there is none.
    public func viewedTensor() -> (name: String, tensor: AnyTensor)? { viewedTensor(input: view.input) }

    /// The tensor the viewer would show with `view.input = input`.
    func viewedTensor(input: String?) -> (name: String, tensor: AnyTensor)? {
        for name in [input, lastTensorName].compactMap({ $0 }) {
            if let tensor = tensor(named: name) { return (name, tensor) }
        }
        return nil
    }

    /// Forgets the journal (the viewer's reset starts a fresh record).
    public func clearJournal() { record.removeAll() }

    /// Stores a tensor variable without a statement, unjournaled: the frames of
    /// a live stream, which no script could replay (`subpix view --stream`).
    public func bind(_ name: String, tensor: AnyTensor) { assign(name, .tensor(tensor)) }

    /// Stores a variable (for builtins; scripts assign with `name = value`).
    package func assign(_ name: String, _ value: Value) {
        variables[name] = value
        scriptView.noteAssigned(variable: name)
        revision += 1
        variableRevisions[name] = revision
        if case .tensor = value {
            lastTensorName = name
            groundTruth[name] = pendingPeaks
        } else {
            groundTruth[name] = nil
        }
        pendingPeaks = nil
    }
}
