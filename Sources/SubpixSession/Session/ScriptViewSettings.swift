import SubpixLanguage

/// The view settings a script's own calls imply, per tensor variable, so that
/// the viewer a script opens starts from what the script computed
/// (`docs/viewer.md`, "When a script opens the viewer").
///
/// The rule, in the order things happened:
/// - a call of an op or of `compare(...)` whose input is a variable written as a
///   bare name (`conv_quad_interp3d(volume, strict_maxima_bonus=0.0)`) sets, for
///   that variable, the method and the fields its arguments correspond to
///   (``ScriptViewSettings/fields(of:_:session:)``); later calls override earlier ones
///   field by field, and the method is the last call's;
/// - a `keypoints(...)` call on a variable computed by such a call
///   (`kp = keypoints(coords, vals, ..., top_k=5)` after `coords, vals = op(volume)`),
///   or on the variable itself, sets `top_k`, `min_value` and turns the relative
///   `threshold` off, so that the view lists what the script listed;
/// - a `view.<field> = ...` statement beats every call made before it, and a
///   call made after it beats the statement.
struct ScriptViewSettings {
    /// A field value and when it was set.
    private struct Stamped {
        var value: Value
        var time: Int
    }

    /// Counts recorded calls and view statements, to order them.
    private var clock = 0
    /// Per tensor variable: the view fields its calls set.
    private var implied: [String: [String: Stamped]] = [:]
    /// Per view field: when a `view.<field>` statement last set it.
    private var assigned: [String: Int] = [:]
    /// Per variable: the variable whose op call computed it (`coords` → `volume`).
    private var origins: [String: String] = [:]
    /// The input of the op call in the running statement, given to the variables it assigns.
    private var pendingOrigin: String?

    /// A statement starts: nothing it assigns is computed by an op call yet.
    mutating func startStatement() { pendingOrigin = nil }

    /// A `view.<field> = ...` statement set `field`.
    mutating func noteAssigned(_ field: String) {
        clock += 1
        assigned[field] = clock
    }

    /// A variable was assigned: it comes from the op call of this statement, if any.
    mutating func noteAssigned(variable name: String) {
        origins[name] = pendingOrigin
    }

    /// A builtin call succeeded; remembers the view fields it implies for its input variable.
    mutating func record(_ builtin: String, _ arguments: Arguments, session: Session) {
        let parameter = builtin == "keypoints" ? "coords" : "input"
        guard let variable = arguments.variableName(parameter) else { return }
        let fields = Self.fields(of: builtin, arguments, session: session)
        guard !fields.isEmpty else { return }
        let target = builtin == "keypoints" ? origins[variable] ?? variable : variable
        clock += 1
        for (field, value) in fields { implied[target, default: [:]][field] = Stamped(value: value, time: clock) }
        if builtin != "keypoints" { pendingOrigin = variable }
    }

    /// The fields the calls on `variable` set that no later `view.<field>`
    /// statement overrode, in the order `help(view)` lists them.
    func changes(for variable: String) -> [ViewChange] {
        guard let fields = implied[variable] else { return [] }
        return ViewSettingsFields.names.compactMap { field in
            guard let stamped = fields[field], stamped.time > assigned[field] ?? 0 else { return nil }
            return ViewChange(field: field, value: stamped.value)
        }
    }
}

extension Session {
    /// Makes the view start from the settings of this session's own calls on
    /// the viewed tensor (see ``ScriptViewSettings``), applied together as one
    /// change (``apply(_:)``); returns the statement it corresponds to, or nil
    /// when the calls imply nothing new.
    /// `subpix view --script` and `view(x)` call it before the viewer opens.
    @discardableResult
    public func followScriptCalls() -> String? {
        guard let (name, _) = viewedTensor() else { return nil }
        let changes = scriptView.changes(for: name).filter(view.isChanged(by:))
        guard !changes.isEmpty else { return nil }
        do {
            try apply(changes)
        } catch {
            // Checked together they failed (a setting out of range for this tensor): take what fits.
            for change in changes { try? apply([change]) }
        }
        return ViewChange.statement(changes)
    }
}
