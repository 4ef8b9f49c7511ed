import Subpix
import SubpixLanguage

/// The cotangents given to `vjp`: a tensor for an op with one output, a tuple
/// (or list) with one entry per output otherwise, `None` for a zero one.
struct Cotangents {
    private let items: [AnyTensor?]
    private let op: String

    init(_ value: Value, outputs: Int, op: String) throws {
        self.op = op
        let expected = outputs == 1 ? "a tensor" : "a tuple of \(outputs) tensors (None for a zero one)"
        let items: [Value]
        switch value {
        case .tensor where outputs == 1: items = [value]
        case .tuple(let list) where list.count == outputs, .list(let list) where list.count == outputs: items = list
        default:
            throw ScriptError("vjp(): expected cotangents to be \(expected) for \(op)'s \(outputs == 1 ? "output" : "\(outputs) outputs"), got \(Arguments.describe(value))")
        }
        self.items = try items.map { item in
            switch item {
            case .tensor(let tensor): return tensor
            case .none: return nil
            default: throw ScriptError("vjp(): expected cotangents to be \(expected) for \(op), got \(Arguments.describe(item)) in it")
            }
        }
    }

    /// One per output, nil for a zero one; the first (the coordinates) must be given.
    func tensors() throws -> [AnyTensor?] {
        guard items.first != nil else {
            throw ScriptError("vjp(): expected a tensor as cotangent 0 of \(op) (the coordinates), got None")
        }
        return items
    }
}
