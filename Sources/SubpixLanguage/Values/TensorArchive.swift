import Subpix

/// The arrays of an `.npz` file, or the tensors of a `torch.save` file, by name, in
/// file order: what `load("a.npz")` gives a script (`f["heatmaps"]`, `f.keys()`), as
/// NumPy's `np.load` does.
public struct TensorArchive: Sendable, Equatable {
    /// The kind of file the arrays came from, as `type()`, `str()` and messages name it.
    public enum Kind: String, Sendable {
        /// NumPy's `np.savez`.
        case npz
        /// PyTorch's `torch.save` (`.pt`, `.pth`).
        case pt

        /// The type name with its article, for messages: `an npz archive`.
        public var withArticle: String {
            switch self {
            case .npz: "an npz archive"
            case .pt: "a pt file of tensors"
            }
        }
    }

    /// The file the arrays came from (for messages).
    public var path: String
    public var kind: Kind
    /// The member names (without `.npy`) and their tensors, in file order.
    public var members: [(name: String, tensor: AnyTensor)]

    public init(path: String, kind: Kind, members: [(name: String, tensor: AnyTensor)]) {
        (self.path, self.kind, self.members) = (path, kind, members)
    }

    /// The member names, in file order.
    public var names: [String] { members.map(\.name) }

    /// The tensor named `name`, or a one-line error listing the names the archive has.
    public func tensor(named name: String) throws -> AnyTensor {
        if let member = members.first(where: { $0.name == name }) { return member.tensor }
        let hint = Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'? " } ?? ""
        throw ScriptError("\(path) has no array '\(name)'; \(hint)it has \(names.map { "'\($0)'" }.joined(separator: ", "))")
    }

    public static func == (lhs: TensorArchive, rhs: TensorArchive) -> Bool {
        lhs.path == rhs.path && lhs.kind == rhs.kind && lhs.names == rhs.names && lhs.members.map(\.tensor) == rhs.members.map(\.tensor)
    }
}
