import Subpix

/// What `for x in value` visits, as Python and NumPy have it.
package enum Iteration {
    /// The items of a list or tuple, the keys of a dict, the characters of a string,
    /// the integers of a range (lazily), the keypoints of a keypoint list, the rows
    /// of a table (as dicts), the member names of an npz archive, and the sub-tensors
    /// along the first axis of a tensor or mask.
    package static func elements(of value: Value, at position: SourcePosition?) throws -> AnySequence<Value> {
        switch value {
        case .tuple(let items), .list(let items): return AnySequence(items)
        case .dictionary(let dictionary): return AnySequence(dictionary.keys)
        case .string(let text): return AnySequence(text.map { .string(String($0)) })
        case .range(let range): return AnySequence(range.elements.lazy.map(Value.int))
        case .keypoints(let points): return AnySequence(points.points.map(Value.keypoint))
        case .keypoint(let point): return AnySequence(Value.row(point))
        case .table(let table): return AnySequence(table.rows.indices.map { table.row($0) })
        case .archive(let archive): return AnySequence(archive.names.map(Value.string))
        case .tensor(let t) where !t.shape.isEmpty:
            return AnySequence(try (0..<t.shape[0]).map { try Indexing.index(value, [.position($0)], at: position ?? SourcePosition(line: 1, column: 1)) })
        case .mask(let m) where !m.shape.isEmpty:
            return AnySequence(try (0..<m.shape[0]).map { try Indexing.index(value, [.position($0)], at: position ?? SourcePosition(line: 1, column: 1)) })
        case .tensor, .mask:
            throw ScriptError("cannot iterate over a 0-d \(value.typeName); it has no first axis", at: position)
        default:
            throw ScriptError("cannot iterate over \(value.typeWithArticle)", at: position)
        }
    }
}
