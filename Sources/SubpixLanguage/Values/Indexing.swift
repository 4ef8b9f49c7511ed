import Subpix

/// `x[i]`, `x[a:b, None, ...]`, `f["name"]`, `x.shape` and the other attributes.
package enum Indexing {
    /// Indexes a tensor or mask with NumPy's basic indexing (``BasicIndex``:
    /// `heat[0, 1]` of a `(B, C, H, W)` map is the `(H, W)` map of batch 0,
    /// channel 1; `heat[0:1, 1:2]` keeps `(1, 1, H, W)`); a tuple, list, string or
    /// keypoint list with one integer or slice; an npz archive by member name.
    static func index(_ base: Value, _ items: [IndexItem], at position: SourcePosition) throws -> Value {
        switch base {
        case .tensor(.float32(let t)): return .tensor(.float32(try BasicIndex(items, shape: t.shape, at: position).apply(t, at: position)))
        case .tensor(.float64(let t)): return .tensor(.float64(try BasicIndex(items, shape: t.shape, at: position).apply(t, at: position)))
        case .mask(let m): return .mask(try BasicIndex(items, shape: m.shape, at: position).apply(m, at: position))
        case .archive(let archive):
            guard items.count == 1, case .key(let name) = items[0] else {
                throw ScriptError("expected a member name to index an npz archive (f[\"\(archive.names.first ?? "name")\"]), got [\(spelling(items))]", at: position)
            }
            do { return .tensor(try archive.tensor(named: name)) } catch let error as ScriptError { throw ScriptError(error.message, at: position) }
        case .keypoints(let points):
            return try sequence(points.points, of: base, items, at: position, item: Self.row, slice: { .keypoints(KeypointList($0)) })
        case .tuple(let values):
            return try sequence(values, of: base, items, at: position, item: { $0 }, slice: Value.tuple)
        case .list(let values):
            return try sequence(values, of: base, items, at: position, item: { $0 }, slice: Value.list)
        case .string(let text):
            return try sequence(Array(text), of: base, items, at: position, item: { .string(String($0)) }, slice: { .string(String($0)) })
        default:
            throw ScriptError("\(base.typeWithArticle) cannot be indexed", at: position)
        }
    }

    /// One item (an integer) or a sub-sequence (a slice) of a one-dimensional sequence.
    private static func sequence<T>(
        _ elements: [T], of base: Value, _ items: [IndexItem], at position: SourcePosition,
        item: (T) -> Value, slice: ([T]) -> Value
    ) throws -> Value {
        let what = "\(base.typeWithArticle) of length \(elements.count)"
        guard items.count == 1 else {
            throw ScriptError("expected one index or slice for \(what), got \(items.count)", at: position)
        }
        switch items[0] {
        case .position(let index):
            guard (-elements.count..<elements.count).contains(index) else {
                throw ScriptError("index \(index) is out of range for \(what)", at: position)
            }
            return item(elements[index < 0 ? index + elements.count : index])
        case .slice(let start, let stop, let step):
            let kept = try BasicIndex.slice(start: start, stop: stop, step: step, size: elements.count, axis: what, at: position)
            return slice(kept.map { elements[$0] })
        case let other:
            throw ScriptError("expected an integer or a slice to index \(what), got \(other.spelling)", at: position)
        }
    }

    private static func spelling(_ items: [IndexItem]) -> String { items.map(\.spelling).joined(separator: ", ") }

    /// The attributes each type has, as `help` and error messages list them.
    package static func attributes(of value: Value) -> [String] {
        switch value {
        case .tensor, .mask: ["shape", "dtype", "ndim", "size"]
        case .keypoints: ["count", "dropped"]
        default: []
        }
    }

    /// The methods each type has: `x.reshape(...)` calls the builtin `reshape(x, ...)`;
    /// an npz archive's `f.keys()` lists its member names.
    static func methods(of value: Value) -> [String] {
        switch value {
        case .tensor, .mask: ["reshape", "squeeze", "unsqueeze"]
        case .archive: ["keys"]
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
        case (_, _) where methods(of: base).contains(name):
            throw ScriptError("'\(name)' is a method of \(base.typeWithArticle); call it: .\(name)(...)", at: position)
        default:
            let known = attributes(of: base) + methods(of: base).map { $0 + "()" }
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
