import Subpix

/// What `for x in value` visits, as Python and NumPy have it.
package enum Iteration {
    /// The most items a list made of a range (or repeated with `*`) may hold: the language's memory cap for lists.
    package static let maximumCount = 10_000_000

    /// The items of `value` as an array (``elements(of:at:)``), refusing a range too long to hold.
    package static func array(of value: Value, at position: SourcePosition?) throws -> [Value] {
        if case .range(let range) = value, range.count > maximumCount {
            throw ScriptError("\(range.repr) has too many items to hold in a list (over \(maximumCount)); loop over it instead", at: position)
        }
        return Array(try elements(of: value, at: position))
    }

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
            return rows(of: value, count: t.shape[0])
        case .mask(let m) where !m.shape.isEmpty:
            return rows(of: value, count: m.shape[0])
        case .tensor, .mask:
            throw ScriptError("cannot iterate over a 0-d \(value.typeName); it has no first axis", at: position)
        default:
            throw ScriptError("cannot iterate over \(value.typeWithArticle)", at: position)
        }
    }

    /// `x[0]`, `x[1]`, ... of a tensor or mask with `count` rows, each made when the loop reaches it.
    private static func rows(of value: Value, count: Int) -> AnySequence<Value> {
        let place = SourcePosition(line: 1, column: 1)
        // An index within the first axis always succeeds.
        return AnySequence((0..<count).lazy.map { (try? Indexing.index(value, [.position($0)], at: place)) ?? .none })
    }
}
