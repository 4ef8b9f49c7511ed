/// A dict of the script language: keys in insertion order, as Python keeps them.
///
/// Keys are numbers, strings, `None`, bools and tuples of them; `1`, `1.0` and
/// `True` are the same key, as in Python.
public struct ScriptDictionary: Sendable, Equatable {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var positions: [Key: Int] = [:]

    public init() {}

    /// A dict of `pairs`; a later pair with an equal key replaces the value of an earlier one.
    package init(_ pairs: [(Value, Value)], at position: SourcePosition?) throws {
        for (key, value) in pairs { try set(key, value, at: position) }
    }

    public var count: Int { keys.count }

    /// The value stored under `key`, or nil.
    package func value(for key: Value, at position: SourcePosition?) throws -> Value? {
        try positions[Key(key, at: position)].map { values[$0] }
    }

    /// Stores `value` under `key` (keeping its place when the key is already there).
    package mutating func set(_ key: Value, _ value: Value, at position: SourcePosition?) throws {
        let hashed = try Key(key, at: position)
        if let index = positions[hashed] {
            values[index] = value
        } else {
            positions[hashed] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    /// Removes `key` and returns its value, or nil when it is absent.
    package mutating func remove(_ key: Value, at position: SourcePosition?) throws -> Value? {
        guard let index = try positions[Key(key, at: position)] else { return nil }
        let value = values[index]
        keys.remove(at: index)
        values.remove(at: index)
        positions = Dictionary(uniqueKeysWithValues: try keys.enumerated().map { (try Key($1, at: position), $0) })
        return value
    }

    /// `{'a': 1, 'b': [2]}`.
    var repr: String {
        "{" + zip(keys, values).map { "\($0.repr): \($1.repr)" }.joined(separator: ", ") + "}"
    }

    /// A value as a dict key: what Python's `hash` and `==` make equal, equal.
    private enum Key: Hashable {
        case none
        case integer(Int)
        case real(Double)
        case text(String)
        case tuple([Key])

        init(_ value: Value, at position: SourcePosition?) throws {
            switch value {
            case .none: self = .none
            case .bool(let flag): self = .integer(flag ? 1 : 0)
            case .int(let number): self = .integer(number)
            case .float(let number): self = Int(exactly: number).map(Key.integer) ?? .real(number)
            case .string(let text): self = .text(text)
            case .tuple(let items): self = .tuple(try items.map { try Key($0, at: position) })
            default: throw ScriptError("\(value.typeWithArticle) cannot be a dict key (unhashable); use a str, number or tuple", at: position)
            }
        }
    }
}

/// `range(start, stop, step)`: the integers from `start` toward `stop` by `step`, not stored.
public struct ScriptRange: Sendable, Equatable {
    public var start: Int
    public var stop: Int
    public var step: Int

    public init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// How many integers the range holds (`Int.max` when that many do not fit in an Int).
    public var count: Int {
        let (span, overflow) = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        guard !overflow else { return Int.max }
        let size = step.magnitude
        return span <= 0 ? 0 : Int(clamping: (UInt(span) + size - 1) / size)
    }

    /// The integers, lazily (never past `stop`, even next to `Int.max`).
    public var elements: UnfoldSequence<Int, Int> {
        let (stop, step) = (self.stop, self.step)
        return sequence(state: start) { current in
            guard step > 0 ? current < stop : current > stop else { return nil }
            let value = current
            let (next, overflow) = current.addingReportingOverflow(step)
            current = overflow ? stop : next
            return value
        }
    }

    /// The `index`-th integer (negative counts from the end), or nil out of range.
    func element(_ index: Int) -> Int? {
        let count = self.count
        guard (-count..<count).contains(index) else { return nil }
        return start + (index < 0 ? index + count : index) * step
    }

    /// `range(0, 10)`, `range(0, 10, 2)`, as Python prints it.
    var repr: String { step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))" }
}
