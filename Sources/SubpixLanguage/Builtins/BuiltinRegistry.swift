import Subpix

/// The builtins a session can call, by name.
///
/// Another layer can add its own (the viewer's `view(x)` hook works this way
/// too) before creating the session:
///
/// ```swift
/// var registry = BuiltinRegistry.standard
/// registry.add(Builtin("hello", [], category: .session, summary: "say hello") { _, session in
///     session.output("hello")
///     return .none
/// })
/// let session = Session(registry: registry)
/// ```
public struct BuiltinRegistry: Sendable {
    private var byName: [String: Builtin] = [:]

    public init(_ builtins: [Builtin] = []) {
        for builtin in builtins { add(builtin) }
    }

    /// Adds a builtin, replacing one of the same name.
    public mutating func add(_ builtin: Builtin) { byName[builtin.name] = builtin }

    public subscript(name: String) -> Builtin? { byName[name] }

    /// Every builtin name, sorted.
    public var names: [String] { byName.keys.sorted() }

    /// Every builtin, sorted by name.
    public var all: [Builtin] { names.compactMap { byName[$0] } }

    /// The builtins of one category, sorted by name.
    public func builtins(in category: Builtin.Category) -> [Builtin] { all.filter { $0.category == category } }

    /// These builtins as kornia `version` declares them (``Builtin/release``).
    public func following(_ version: KorniaVersion) -> BuiltinRegistry {
        BuiltinRegistry(all.map { $0.release?(version) ?? $0 })
    }
}
