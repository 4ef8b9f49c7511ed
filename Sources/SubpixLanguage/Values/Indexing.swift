import Subpix

/// `x[i]`, `x[a:b, None, ...]`, `f["name"]`, `x.shape` and the other attributes.
package enum Indexing {
    /// Indexes a tensor or mask with NumPy's basic indexing (``BasicIndex``:
    /// `heat[0, 1]` of a `(B, C, H, W)` map is the `(H, W)` map of batch 0,
    /// channel 1; `heat[0:1, 1:2]` keeps `(1, 1, H, W)`); a tuple, list, string or
    /// keypoint list with one integer or slice; an npz archive by member name.
    static func index(_ base: Value, _ items: [IndexItem], at position: SourcePosition) throws -> Value {
        if items.count == 1, case .mask(let mask) = items[0] { return try MaskIndex(mask, of: base, at: position).select(from: base) }
        if items.count == 1, case .key(let key) = items[0] { return try Self.value(of: base, key: key, at: position) }
        if case .dictionary = base, items.count == 1 {
            switch items[0] {
            case .position(let number): return try Self.value(of: base, key: .int(number), at: position)
            case .newAxis: return try Self.value(of: base, key: .none, at: position)
            default: break
            }
        }
        switch base {
        case .tensor(.float32(let t)): return .tensor(.float32(try BasicIndex(items, shape: t.shape, at: position).apply(t, at: position)))
        case .tensor(.float64(let t)): return .tensor(.float64(try BasicIndex(items, shape: t.shape, at: position).apply(t, at: position)))
        case .mask(let m): return .mask(try BasicIndex(items, shape: m.shape, at: position).apply(m, at: position))
        case .archive(let archive):
            throw ScriptError("expected a member name to index \(archive.kind.withArticle) (f[\"\(archive.names.first ?? "name")\"]), got [\(spelling(items))]", at: position)
        case .keypoints(let points):
            return try sequence(points.points, of: base, items, at: position, item: Value.keypoint, slice: { .keypoints(KeypointList($0)) })
        case .keypoint(let point):
            return try sequence(Value.row(point), of: base, items, at: position, item: { $0 }, slice: Value.tuple)
        case .range(let range):
            if items.count == 1, case .position(let index) = items[0] {
                guard let element = range.element(index) else { throw ScriptError("index \(index) is out of range for \(range.repr)", at: position) }
                return .int(element)
            }
            guard range.count <= Iteration.maximumCount else { throw ScriptError("\(range.repr) is too long to slice (over \(Iteration.maximumCount) items)", at: position) }
            return try sequence(Array(range.elements), of: base, items, at: position, item: Value.int, slice: { .list($0.map(Value.int)) })
        case .table(let table):
            return try sequence(table.rows.indices.map { table.row($0) }, of: base, items, at: position, item: { $0 }, slice: Value.list)
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

    /// `d[key]`, `f["name"]` of an npz archive, `t["soft-argmax"]` (a row) or `t["rmse_x"]` (a column) of a table.
    private static func value(of base: Value, key: Value, at position: SourcePosition) throws -> Value {
        switch (base, key) {
        case (.dictionary(let dictionary), _):
            guard let value = try dictionary.value(for: key, at: position) else {
                let known = dictionary.keys.prefix(10).map(\.repr).joined(separator: ", ")
                throw ScriptError("key \(key.repr) is not in the dict; its keys: \(known.isEmpty ? "(none)" : known)", at: position)
            }
            return value
        case (.archive(let archive), .string(let name)):
            do { return .tensor(try archive.tensor(named: name)) } catch let error as ScriptError { throw ScriptError(error.message, at: position) }
        case (.table(let table), .string(let name)):
            if let column = table.columns.firstIndex(of: name) { return .list(table.rows.map { Table.value($0[column]) }) }
            if let row = table.rows.firstIndex(where: { $0.first == .text(name) }) { return table.row(row) }
            throw ScriptError("the table has no row or column '\(name)'; columns: \(table.columns.joined(separator: ", ")); rows: \(table.rows.compactMap { if case .text(let t)? = $0.first { t } else { nil } }.joined(separator: ", "))", at: position)
        case (.tensor, .string), (.mask, .string):
            throw ScriptError("expected integers, slices, None or ... as tensor indices, got \(key.repr)", at: position)
        default:
            throw ScriptError("expected integer indices, got \(key.typeWithArticle)", at: position)
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
        case .tensor, .mask: ["shape", "dtype", "ndim", "size", "T"]
        case .keypoints: ["count", "dropped"]
        case .keypoint: ["batch", "channel", "x", "y", "depth", "value"]
        case .table: ["columns"]
        default: []
        }
    }

    /// The methods each type has: `x.reshape(...)` calls the builtin `reshape(x, ...)`;
    /// an npz archive's `f.keys()` lists its member names.
    static func methods(of value: Value) -> [String] {
        switch value {
        case .tensor, .mask: ["reshape", "squeeze", "unsqueeze"] + reductions
        case .archive: ["keys"]
        default: []
        }
    }

    /// The reductions, methods of tensors and masks as NumPy has them (`x.sum(axis=1)`); each is also a builtin.
    package static let reductions = ["sum", "mean", "max", "min", "std", "argmax", "argmin", "any", "all"]

    /// `x.shape`, `x.dtype`, `x.ndim`, `x.size`, `x.T`, `kp.count`, `kp[0].x`.
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
        case (.tensor(let t), "T"): return .tensor(t.transposed())
        case (.mask(let m), "T"): return .mask(m.transposed())
        case (.keypoint(let p), "batch"): return .int(p.batch)
        case (.keypoint(let p), "channel"): return .int(p.channel)
        case (.keypoint(let p), "x"): return .float(p.x)
        case (.keypoint(let p), "y"): return .float(p.y)
        case (.keypoint(let p), "depth"): return p.depth.map(Value.float) ?? .none
        case (.keypoint(let p), "value"): return .float(p.value)
        case (.table(let t), "columns"): return .list(t.columns.map(Value.string))
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
}
