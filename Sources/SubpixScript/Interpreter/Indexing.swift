import Subpix

/// `x[i]`, `x[i, j]`, `x.shape` and the other attributes.
enum Indexing {
    /// Picks along the leading axes of a tensor or mask, dropping them as NumPy
    /// does (`heat[0, 1]` of a `(B, C, H, W)` map is the `(H, W)` map of batch 0,
    /// channel 1), or one item of a tuple, list or keypoint list. Negative
    /// indices count from the end.
    static func index(_ base: Value, _ indices: [Value], at position: SourcePosition) throws -> Value {
        let picks = try indices.map { value -> Int in
            guard case .int(let index) = value else {
                throw ScriptError("expected integer indices, got \(value.typeWithArticle)", at: position)
            }
            return index
        }
        switch base {
        case .tensor(.float32(let t)): return .tensor(.float32(try pick(t, picks, at: position)))
        case .tensor(.float64(let t)): return .tensor(.float64(try pick(t, picks, at: position)))
        case .mask(let m): return .mask(try pick(m, picks, at: position))
        case .keypoints(let points):
            return try index(.list(points.map(Self.row)), indices, at: position)
        case .tuple(let items), .list(let items):
            guard picks.count == 1 else {
                throw ScriptError("expected one index for \(base.typeWithArticle), got \(picks.count)", at: position)
            }
            return items[try resolve(picks[0], size: items.count, what: "\(base.typeWithArticle) of length \(items.count)", at: position)]
        default:
            throw ScriptError("\(base.typeWithArticle) cannot be indexed", at: position)
        }
    }

    /// The sub-tensor at `picks` along the leading axes.
    private static func pick<E>(_ tensor: Tensor<E>, _ picks: [Int], at position: SourcePosition) throws -> Tensor<E> {
        guard picks.count <= tensor.rank else {
            throw ScriptError("too many indices (\(picks.count)) for a tensor of shape \(formatShape(tensor.shape))", at: position)
        }
        var offset = 0
        for (axis, pick) in picks.enumerated() {
            let size = tensor.shape[axis]
            offset = offset * size + (try resolve(pick, size: size, what: "axis \(axis) of size \(size)", at: position))
        }
        let rest = Array(tensor.shape[picks.count...])
        let span = rest.reduce(1, *)
        do {
            return try Tensor(shape: rest, elements: Array(tensor.elements[(offset * span)..<((offset + 1) * span)]))
        } catch {
            throw ScriptError("\(error)", at: position)
        }
    }

    private static func resolve(_ index: Int, size: Int, what: String, at position: SourcePosition) throws -> Int {
        let resolved = index < 0 ? index + size : index
        guard resolved >= 0, resolved < size else {
            throw ScriptError("index \(index) is out of range for \(what)", at: position)
        }
        return resolved
    }

    /// The attributes each type has, as `help` and error messages list them.
    static func attributes(of value: Value) -> [String] {
        switch value {
        case .tensor, .mask: ["shape", "dtype", "ndim", "size"]
        case .keypoints: ["count", "dropped"]
        default: []
        }
    }

    /// `x.shape`, `x.dtype`, `x.ndim`, `x.size`, `kp.count`.
    static func attribute(_ base: Value, _ name: String, at position: SourcePosition) throws -> Value {
        switch (base, name) {
        case (.tensor(let t), "shape"): return .tuple(t.shape.map { .int($0) })
        case (.tensor(let t), "dtype"): return .string(t.dtype.rawValue)
        case (.tensor(let t), "ndim"): return .int(t.shape.count)
        case (.tensor(let t), "size"): return .int(t.count)
        case (.mask(let m), "shape"): return .tuple(m.shape.map { .int($0) })
        case (.mask, "dtype"): return .string("bool")
        case (.mask(let m), "ndim"): return .int(m.rank)
        case (.mask(let m), "size"): return .int(m.count)
        case (.keypoints(let k), "count"): return .int(k.count)
        case (.keypoints(let k), "dropped"): return .int(k.droppedNonFinite)
        default:
            let known = attributes(of: base)
            let hint = known.isEmpty ? "" : "; expected one of \(known.joined(separator: ", "))"
            throw ScriptError("\(base.typeWithArticle) has no attribute '\(name)'\(hint)", at: position)
        }
    }

    /// A keypoint as the tuple `(batch, channel, x, y, [depth,] value)`.
    static func row(_ point: Keypoint) -> Value {
        let depth: [Value] = point.depth.map { [.float($0)] } ?? []
        return .tuple([.int(point.batch), .int(point.channel), .float(point.x), .float(point.y)] + depth + [.float(point.value)])
    }
}
