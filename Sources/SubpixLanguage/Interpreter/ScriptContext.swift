/// What the ``Interpreter`` runs statements against: variables, the builtins
/// a call may name, the script's `args`, and the settings object `view`.
/// The session (`Session` in SubpixSession) is the one implementation; the
/// language knows nothing of what `view`'s fields mean.
package protocol ScriptContext: AnyObject {
    /// Variables by name.
    var variables: [String: Value] { get }
    /// The script's command-line arguments, `args`.
    var arguments: [String] { get }
    /// The builtins a call may name.
    var registry: BuiltinRegistry { get }
    /// Called before each statement and each turn of a loop: throws to stop the run
    /// (Ctrl-C: "interrupted"; a time limit passed), and the interpreter names the line.
    func checkpoint() throws
    /// Stores a variable.
    func assign(_ name: String, _ value: Value)
    /// The value of `view.<field>`, or a one-line error naming the fields there are.
    func setting(_ field: String) throws -> Value
    /// Starts the changes one assignment makes to `view`'s fields.
    func settingsChange() -> SettingsChange
    /// Notes a builtin call that succeeded, with its bound arguments.
    func didCall(_ builtin: Builtin, with arguments: Arguments)
}

/// The changes one assignment makes to the settings object: ``set`` checks each
/// `view.<field> = value` on top of the ones before it, ``commit`` stores them
/// together (given the fields assigned), so a refused target changes nothing.
package struct SettingsChange {
    /// Checks and applies `view.<field> = value` to the pending settings.
    package var set: (_ field: String, _ value: Value) throws -> Void
    /// Stores the pending settings once they pass the checks of all fields together.
    package var commit: (_ fields: [String]) throws -> Void

    package init(set: @escaping (String, Value) throws -> Void, commit: @escaping ([String]) throws -> Void) {
        self.set = set
        self.commit = commit
    }
}
