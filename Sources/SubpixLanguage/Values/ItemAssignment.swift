import Subpix

/// `a[i] = v`, `a[1:3] = [..]`, `d[key] = v`, `x[0, 1] = 5`, `x[x > 0.5] = 0`:
/// the container with the item replaced (values are values; the caller stores it back).
enum ItemAssignment {
    static func set(_ value: Value, in container: Value, at items: [IndexItem], position: SourcePosition) throws -> Value {
        switch container {
        case .list(var elements):
            guard items.count == 1 else { throw ScriptError("expected one index or slice to assign into a list, got \(items.count)", at: position) }
            switch items[0] {
            case .position(let index):
                guard (-elements.count..<elements.count).contains(index) else {
                    throw ScriptError("index \(index) is out of range for a list of length \(elements.count)", at: position)
                }
                elements[index < 0 ? index + elements.count : index] = value
            case .slice(let start, let stop, let step):
                let kept = try BasicIndex.slice(start: start, stop: stop, step: step, size: elements.count, axis: "a list", at: position)
                let replacement = try Iteration.array(of: value, at: position)
                if (step ?? 1) == 1 {
                    let lower = kept.first ?? Swift.min(Swift.max(start.map { $0 < 0 ? $0 + elements.count : $0 } ?? 0, 0), elements.count)
                    elements.replaceSubrange(lower..<(lower + kept.count), with: replacement)
                } else {
                    guard replacement.count == kept.count else {
                        throw ScriptError("cannot assign \(replacement.count) values to an extended slice of \(kept.count) items", at: position)
                    }
                    for (index, item) in zip(kept, replacement) { elements[index] = item }
                }
            case let other:
                throw ScriptError("expected an integer or a slice to assign into a list, got \(other.spelling)", at: position)
            }
            return .list(elements)
        case .dictionary(var dictionary):
            guard items.count == 1, case .key(let key) = items[0] else {
                if items.count == 1, case .position(let number) = items[0] {
                    try dictionary.set(.int(number), value, at: position)
                    return .dictionary(dictionary)
                }
                throw ScriptError("expected one key to assign into a dict", at: position)
            }
            try dictionary.set(key, value, at: position)
            return .dictionary(dictionary)
        case .tensor(let tensor):
            let (offsets, shape) = try selection(items, of: container, shape: tensor.shape, at: position)
            let source = try elements(of: value, broadcastTo: shape, at: position)
            switch tensor {
            case .float32(var t):
                t.withUnsafeMutableBufferPointer { buffer in for (offset, x) in zip(offsets, source) { buffer[offset] = Float(x) } }
                return .tensor(.float32(t))
            case .float64(var t):
                t.withUnsafeMutableBufferPointer { buffer in for (offset, x) in zip(offsets, source) { buffer[offset] = x } }
                return .tensor(.float64(t))
            }
        case .mask(var mask):
            let (offsets, shape) = try selection(items, of: container, shape: mask.shape, at: position)
            let source = try elements(of: value, broadcastTo: shape, at: position)
            mask.withUnsafeMutableBufferPointer { buffer in for (offset, x) in zip(offsets, source) { buffer[offset] = x != 0 } }
            return .mask(mask)
        default:
            throw ScriptError("\(container.typeWithArticle) does not support item assignment", at: position)
        }
    }

    /// The positions an index selects in a tensor of `shape`, and the selection's shape.
    private static func selection(_ items: [IndexItem], of container: Value, shape: [Int], at position: SourcePosition) throws -> (offsets: [Int], shape: [Int]) {
        if items.count == 1, case .mask(let mask) = items[0] {
            let index = try MaskIndex(mask, of: container, at: position)
            return (index.offsets, index.shape)
        }
        let index = try BasicIndex(items, shape: shape, at: position)
        return (index.offsets(in: shape), index.shape)
    }

    /// The elements of `value` (a number, a tensor, a mask or a list of numbers) broadcast to `shape`.
    private static func elements(of value: Value, broadcastTo shape: [Int], at position: SourcePosition) throws -> [Double] {
        let (values, source): ([Double], [Int])
        switch value {
        case .tensor(let t): (values, source) = (t.doubles, t.shape)
        case .mask(let m): (values, source) = (m.elements.map { $0 ? 1 : 0 }, m.shape)
        case .list(let items), .tuple(let items):
            let numbers = items.compactMap(\.number)
            guard numbers.count == items.count else { throw ScriptError("expected a number, a tensor or a list of numbers to assign, got \(value.typeWithArticle)", at: position) }
            (values, source) = (numbers, [numbers.count])
        default:
            guard let number = value.number else { throw ScriptError("expected a number or a tensor to assign into a tensor, got \(value.typeWithArticle)", at: position) }
            (values, source) = ([number], [])
        }
        guard let common = Broadcasting.shape(source, shape), common == shape else {
            throw ScriptError("cannot assign a value of shape \(formatShape(source)) to a selection of shape \(formatShape(shape))", at: position)
        }
        return Broadcasting.positions(of: source, in: shape).map { values[$0] }
    }
}
