import SubpixLanguage

/// The record of the statements that changed a session, as source text, in
/// order: what the viewer's `w` key saves and `subpix run` replays.
///
/// A statement is recorded when it succeeds and either assigns (`x = ...`,
/// `view.temperature = 2`) or calls a builtin whose ``Builtin/journaled`` flag
/// says a bare call changes the session (`view(x)`). Output (`print`,
/// `show`, `help`), `save` (a replay must not write files again) and failures
/// are left out. A block (`for`, `if`, `while`, `def`) is recorded whole, as
/// the text it was typed as. Statements that run *inside* a recorded one (the viewer hook
/// of `view(x)`, a `y = source(...)`) are not recorded again: replaying the
/// outer statement re-runs them. Statements run by a bare `source(path)` are
/// recorded one by one, since `source` itself is not. Typed view changes
/// (``Session/apply(_:)``) are recorded as the statement they correspond to.
struct Journal {
    private(set) var entries: [String] = []
    /// Recorded statements now running; nested statements are not recorded while > 0.
    private var recordingDepth = 0

    /// Whether `statement` belongs in the journal (if it succeeds).
    func records(_ statement: Statement, registry: BuiltinRegistry) -> Bool {
        guard recordingDepth == 0 else { return false }
        switch statement {
        case .assignment, .augmentedAssignment: return true
        case .expression(.call(.name(let name, _), _, _)): return registry[name]?.journaled ?? false
        case let compound where compound.isCompound: return true
        default: return false
        }
    }

    /// A recorded statement starts running: statements nested in it are not recorded.
    mutating func enter() { recordingDepth += 1 }

    /// The recorded statement that ``enter()`` announced has finished.
    mutating func leave() { recordingDepth -= 1 }

    /// Records a statement that succeeded.
    mutating func append(_ text: String) { entries.append(text) }

    /// Records a change made without a statement (a typed view change) as the
    /// statement it corresponds to, unless a recorded statement is running: its replay makes the change again.
    mutating func appendChange(_ text: String) {
        if recordingDepth == 0 { entries.append(text) }
    }

    mutating func removeAll() { entries.removeAll() }
}
