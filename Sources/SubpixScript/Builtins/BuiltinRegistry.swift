import Subpix

/// The builtins a session can call, by name.
///
/// ```swift
/// var registry = BuiltinRegistry.standard
/// registry.add(Builtin("view", [.init("x")], summary: "open the viewer") { ... })
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

    /// The kornia ops, generators, file and session builtins.
    public static let standard = BuiltinRegistry(
        OpBuiltins.all + GeneratorBuiltins.all + FileBuiltins.all + SessionBuiltins.all + [DiagnoseBuiltin.builtin, CompareBuiltin.builtin])
}

extension AnyTensor {
    /// Runs the matching body for the tensor's dtype (pass one generic function twice).
    func visit<R>(_ float32: (Tensor<Float>) throws -> R, _ float64: (Tensor<Double>) throws -> R) rethrows -> R {
        switch self {
        case .float32(let t): try float32(t)
        case .float64(let t): try float64(t)
        }
    }
}
