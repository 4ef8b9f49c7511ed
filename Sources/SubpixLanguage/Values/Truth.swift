/// Python's truth of a value, for `if`, `while`, `and`, `or`, `not` and `bool(x)`.
package enum Truth {
    /// False for `None`, `False`, zero, empty strings and collections; a one-element
    /// tensor or mask is its element; a larger one has no single truth value.
    package static func of(_ value: Value, at position: SourcePosition?) throws -> Bool {
        switch value {
        case .none: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .float(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .tuple(let items), .list(let items): return !items.isEmpty
        case .dictionary(let dictionary): return dictionary.count > 0
        case .range(let range): return range.count > 0
        case .keypoints(let points): return !points.isEmpty
        case .tensor(let t) where t.count == 1: return t.doubles[0] != 0
        case .mask(let m) where m.count == 1: return m.elements[0]
        case .tensor(let t):
            throw ScriptError("the truth of a tensor of \(t.count) elements is ambiguous; use any(x) or all(x)", at: position)
        case .mask(let m):
            throw ScriptError("the truth of a mask of \(m.count) elements is ambiguous; use any(m) or all(m)", at: position)
        case .keypoint, .archive, .table, .function, .userFunction, .view: return true
        }
    }
}
