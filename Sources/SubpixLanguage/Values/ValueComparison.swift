import Subpix

/// `== != < <= > >=`, `is`, `in`, with Python's meanings, and NumPy's for tensors:
/// comparing a tensor (with a number or another tensor, broadcast) gives a mask.
package enum ValueComparison {
    static func apply(_ op: ComparisonOperator, _ left: Value, _ right: Value, at position: SourcePosition) throws -> Value {
        switch op {
        case .isSame, .isNotSame:
            return .bool(identical(left, right) == (op == .isSame))
        case .contains, .notContains:
            return .bool(try contains(right, left, at: position) == (op == .contains))
        default:
            if elements(left) != nil || elements(right) != nil, let a = elements(left) ?? number(left), let b = elements(right) ?? number(right) {
                return .mask(try Broadcasting.mask(a.values, a.shape, b.values, b.shape, verb: "compare", at: position) { order(op, $0, $1) })
            }
            if op == .equal || op == .notEqual { return .bool(equal(left, right) == (op == .equal)) }
            guard let sign = try ordering(left, right) else {
                throw ScriptError("'\(op.rawValue)' is not supported between \(left.typeWithArticle) and \(right.typeWithArticle)", at: position)
            }
            return .bool(order(op, Double(sign), 0))
        }
    }

    /// The elements and shape of a tensor or mask, or of a number when the other side is one (nil otherwise).
    private static func elements(_ value: Value) -> (values: [Double], shape: [Int])? {
        switch value {
        case .tensor(let t): (t.doubles, t.shape)
        case .mask(let m): (m.elements.map { $0 ? 1 : 0 }, m.shape)
        default: nil
        }
    }

    /// A number as a 0-d operand of a tensor comparison.
    private static func number(_ value: Value) -> (values: [Double], shape: [Int])? {
        isNumber(value) ? value.number.map { ([$0], []) } : nil
    }

    private static func order(_ op: ComparisonOperator, _ a: Double, _ b: Double) -> Bool {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        default: a >= b
        }
    }

    /// `is`: `None`, `True` and `False` are themselves; other values are the same when equal and of one type.
    private static func identical(_ a: Value, _ b: Value) -> Bool {
        a.typeName == b.typeName && a == b
    }

    /// Python's `==` (numbers by value across int, float and bool; sequences item by item).
    package static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.int, _), (.float, _), (.bool, _):
            guard let x = a.number, let y = b.number, isNumber(b) else { return false }
            return x == y
        case (.tuple(let x), .tuple(let y)), (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.dictionary(let x), .dictionary(let y)):
            return x.count == y.count && zip(x.keys, x.values).allSatisfy { key, value in
                (try? y.value(for: key, at: nil)).flatMap { $0 }.map { equal($0, value) } ?? false
            }
        case (.keypoint(let p), .tuple), (.tuple, .keypoint(let p)):
            return equal(.tuple(Value.row(p)), a.isKeypoint ? b : a)
        default:
            return a == b
        }
    }

    private static func isNumber(_ value: Value) -> Bool {
        switch value {
        case .int, .float, .bool: true
        default: false
        }
    }

    /// `values` ordered by `keys` (one per value; the values themselves when nil), as Python's
    /// `sorted(values, key=..., reverse=descending)`: stable either way, so equal keys keep
    /// their order also when descending. An error for keys without an order.
    package static func sorted(_ values: [Value], by keys: [Value]? = nil, descending: Bool = false, at position: SourcePosition?) throws -> [Value] {
        let keys = keys ?? values
        var failure: ScriptError?
        let order = keys.indices.sorted { a, b in
            guard failure == nil else { return false }
            guard let sign = (try? ordering(keys[a], keys[b])) ?? nil else {
                failure = ScriptError("cannot order \(keys[a].typeWithArticle) and \(keys[b].typeWithArticle)", at: position)
                return false
            }
            return sign == 0 || sign == 2 ? a < b : (sign < 0) != descending
        }
        if let failure { throw failure }
        return order.map { values[$0] }
    }

    /// Whether `a < b` (for `min` and `max`); an error for values without an order.
    package static func less(_ a: Value, _ b: Value, at position: SourcePosition?) throws -> Bool {
        guard let sign = try ordering(a, b) else { throw ScriptError("cannot order \(a.typeWithArticle) and \(b.typeWithArticle)", at: position) }
        return sign == -1
    }

    /// -1, 0 or 1 for numbers, strings, and tuples or lists of them (lexicographic); nil when unordered.
    private static func ordering(_ a: Value, _ b: Value) throws -> Int? {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y ? 0 : (x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1)
        case (.tuple(let x), .tuple(let y)), (.list(let x), .list(let y)):
            for (p, q) in zip(x, y) where !equal(p, q) { return try ordering(p, q) }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        default:
            guard isNumber(a), isNumber(b), let x = a.number, let y = b.number else { return nil }
            if case .int(let p) = a, case .int(let q) = b { return p == q ? 0 : (p < q ? -1 : 1) }
            // NaN is neither below nor above anything: every ordering test is false.
            return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2
        }
    }

    /// `item in container`.
    private static func contains(_ container: Value, _ item: Value, at position: SourcePosition) throws -> Bool {
        switch container {
        case .string(let text):
            guard case .string(let part) = item else {
                throw ScriptError("'in <str>' needs a str on the left, got \(item.typeWithArticle)", at: position)
            }
            return part.isEmpty || text.contains(part)
        case .tuple(let items), .list(let items):
            return items.contains { equal($0, item) }
        case .dictionary(let dictionary):
            return try dictionary.value(for: item, at: position) != nil
        case .range(let range):
            guard case .int(let n) = item else { return false }
            return range.step > 0 ? (n >= range.start && n < range.stop && (n - range.start) % range.step == 0)
                : (n <= range.start && n > range.stop && (range.start - n) % -range.step == 0)
        case .archive(let archive):
            guard case .string(let name) = item else { return false }
            return archive.names.contains(name)
        case .tensor(let t):
            guard let number = item.number else { return false }
            return t.doubles.contains(number)
        default:
            throw ScriptError("'in' needs a str, tuple, list, dict, range or tensor on the right, got \(container.typeWithArticle)", at: position)
        }
    }
}

extension Value {
    var isKeypoint: Bool {
        if case .keypoint = self { return true }
        return false
    }
}
