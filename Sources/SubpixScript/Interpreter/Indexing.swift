import Subpix

/// `x[i]`, `x[i, j]`, `x.shape` and friends.
enum Indexing {
    /// Picks along the leading axes of a tensor (dropping them, as NumPy does),
    /// or an item of a tuple or list. Negative indices count from the end.
    static func index(_ base: Value, _ indices: [Value], at position: SourcePosition) throws -> Value {
        let picks = try indices.map { value -> Int in
            guard case .int(let index) = value else {
                throw ScriptError("expected integer indices, got \(value.typeName)", at: position)
            }
            return index
        }
        switch base {
        case .tensor(let tensor):
            guard picks.count <= tensor.shape.count else {
                throw ScriptError("too many indices (\(picks.count)) for a tensor of shape \(formatShape(tensor.shape))", at: position)
            }
            var offset = 0
            for (axis, pick) in picks.enumerated() {
                let size = tensor.shape[axis]
                let resolved = pick < 0 ? pick + size : pick
                guard resolved >= 0, resolved < size else {
                    throw ScriptError("index \(pick) is out of range for axis \(axis) of size \(size)", at: position)
                }
                offset = offset * size + resolved
            }
            let rest = Array(tensor.shape[picks.count...])
            let span = rest.reduce(1, *)
            return .tensor(tensor.slice(offset * span ..< (offset + 1) * span, shape: rest))
        case .keypoints(let points):
            return try index(.list(points.map(Self.row)), indices, at: position)
        case .tuple(let items), .list(let items):
            guard picks.count == 1 else { throw ScriptError("expected one index for a \(base.typeName)", at: position) }
            let resolved = picks[0] < 0 ? picks[0] + items.count : picks[0]
            guard resolved >= 0, resolved < items.count else {
                throw ScriptError("index \(picks[0]) is out of range for a \(base.typeName) of length \(items.count)", at: position)
            }
            return items[resolved]
        default:
            throw ScriptError("a \(base.typeName) cannot be indexed", at: position)
        }
    }

    /// Attributes of tensors and keypoint lists (`shape`, `dtype`, `ndim`, `size`).
    static func attribute(_ base: Value, _ name: String, at position: SourcePosition) throws -> Value {
        switch (base, name) {
        case (.tensor(let t), "shape"): return .tuple(t.shape.map { .int($0) })
        case (.tensor(let t), "dtype"): return .string(t.dtype.rawValue)
        case (.tensor(let t), "ndim"): return .int(t.shape.count)
        case (.tensor(let t), "size"): return .int(t.count)
        case (.mask(let m), "shape"): return .tuple(m.shape.map { .int($0) })
        case (.keypoints(let k), "count"): return .int(k.count)
        default:
            let known: [String]
            switch base {
            case .tensor: known = ["shape", "dtype", "ndim", "size"]
            case .mask: known = ["shape"]
            case .keypoints: known = ["count"]
            default: known = []
            }
            let hint = known.isEmpty ? "" : "; expected one of \(known.joined(separator: ", "))"
            throw ScriptError("a \(base.typeName) has no attribute '\(name)'\(hint)", at: position)
        }
    }
}

extension Indexing {
    /// A keypoint as the tuple `(batch, channel, x, y, [depth,] value)`.
    static func row(_ point: Keypoint) -> Value {
        let depth: [Value] = point.depth.map { [.float($0)] } ?? []
        return .tuple([.int(point.batch), .int(point.channel), .float(point.x), .float(point.y)] + depth + [.float(point.value)])
    }
}

extension AnyTensor {
    /// The contiguous elements `range` as a tensor of `shape`.
    func slice(_ range: Range<Int>, shape: [Int]) -> AnyTensor {
        switch self {
        case .float32(let t): .float32(Tensor(validShape: shape) { out in
            for (i, j) in range.enumerated() { out[i] = t.elements[j] }
        })
        case .float64(let t): .float64(Tensor(validShape: shape) { out in
            for (i, j) in range.enumerated() { out[i] = t.elements[j] }
        })
        }
    }
}
