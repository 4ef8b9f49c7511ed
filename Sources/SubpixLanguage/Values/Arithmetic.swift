import Foundation
import Subpix

/// `+ - * / // % **` and unary `-` on numbers, tensors and masks.
///
/// - Two numbers give an int when both are ints and the result fits (`/` always
///   gives a float, as in Python 3, and so does `**` with a negative exponent),
///   else a float. Division by zero gives `inf`/`nan`, as NumPy does, rather than
///   an error — except `//` and `%` of two ints, which have no integer answer.
/// - `//` floors and `%` takes the sign of the divisor, as in Python and NumPy
///   (`-7 // 2 == -4`, `-7 % 2 == 1`, `7 % -2 == -1`).
/// - Tensors combine elementwise with NumPy's broadcasting (``Broadcasting``): a
///   number over a tensor (`heat * 2`), `x - x.mean(axis=-1, keepdims=True)`; the
///   result is float64 when either side is, float32 otherwise.
/// - A mask counts as a float32 tensor of 0 and 1 (`values * mask`), a bool as
///   the int 0 or 1; `&` and `|` of masks (or bools) give a mask (or bool), of ints their bits.
/// - `+` joins two strings, tuples or lists; `*` by an int repeats one; `%` formats a string.
package enum Arithmetic {
    package static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value, at position: SourcePosition) throws -> Value {
        if let joined = try sequence(op, left, right, at: position) { return joined }
        if op == .and || op == .or, let logical = try logical(op, left, right, at: position) { return logical }
        switch (promoted(left), promoted(right)) {
        case (.int(let a), .int(let b)) where op != .divide && !(op == .power && b < 0):
            if b == 0 && (op == .floorDivide || op == .remainder) {
                throw ScriptError("integer \(op == .floorDivide ? "division" : "modulo") by zero: \(a) \(op.rawValue) 0", at: position)
            }
            return integer(op, a, b).map(Value.int) ?? .float(combine(op, Double(a), Double(b)))
        case (.tensor(let a), .tensor(let b)) where a.shape == b.shape:
            return .tensor(elementwise(a, b) { combine(op, $0, $1) })
        case (.tensor(let a), .tensor(let b)):
            return .tensor(try Broadcasting.combine(a, b, verb: verb(op), at: position) { combine(op, $0, $1) })
        case (.tensor(let a), let other) where isScalar(other):
            let b = other.number ?? .nan
            return .tensor(a.mapElements { combine(op, $0, b) })
        case (let other, .tensor(let b)) where isScalar(other):
            let a = other.number ?? .nan
            return .tensor(b.mapElements { combine(op, a, $0) })
        case (let a, let b) where isScalar(a) && isScalar(b):
            return .float(combine(op, a.number ?? .nan, b.number ?? .nan))
        default:
            throw ScriptError("unsupported operand types for \(op.rawValue): \(left.typeName) and \(right.typeName)", at: position)
        }
    }

    /// `a + b`, `a * n`, `s % values` on strings, tuples and lists; nil for other operands.
    private static func sequence(_ op: BinaryOperator, _ left: Value, _ right: Value, at position: SourcePosition) throws -> Value? {
        switch (op, left, right) {
        case (.add, .string(let a), .string(let b)): return .string(a + b)
        case (.add, .list(let a), .list(let b)): return .list(a + b)
        case (.add, .tuple(let a), .tuple(let b)): return .tuple(a + b)
        case (.multiply, .string, .int), (.multiply, .list, .int), (.multiply, .tuple, .int): return try repeated(left, right, at: position)
        case (.multiply, .int, .string), (.multiply, .int, .list), (.multiply, .int, .tuple): return try repeated(right, left, at: position)
        case (.remainder, .string(let text), _): return .string(try Formatting.percent(text, right, at: position))
        default: return nil
        }
    }

    /// `sequence * count` (an empty one when `count <= 0`), within the memory the language allows.
    private static func repeated(_ sequence: Value, _ count: Value, at position: SourcePosition) throws -> Value {
        guard case .int(let n) = count else { return sequence }
        let times = max(0, n)
        var length = sequence.items?.count ?? 0
        if case .string(let text) = sequence { length = text.count }
        guard length == 0 || times <= Iteration.maximumCount / length else {
            throw ScriptError("repeating \(sequence.typeWithArticle) of length \(length) \(n) times is too long (over \(Iteration.maximumCount) items)", at: position)
        }
        switch sequence {
        case .string(let text): return .string(String(repeating: text, count: times))
        case .list(let items): return .list(Array([[Value]](repeating: items, count: times).joined()))
        case .tuple(let items): return .tuple(Array([[Value]](repeating: items, count: times).joined()))
        default: return sequence
        }
    }

    /// `&` and `|`: of masks (broadcast) a mask, of bools a bool, of ints their bits; nil for other operands.
    private static func logical(_ op: BinaryOperator, _ left: Value, _ right: Value, at position: SourcePosition) throws -> Value? {
        let combine: (Bool, Bool) -> Bool = op == .and ? { $0 && $1 } : { $0 || $1 }
        switch (left, right) {
        case (.bool(let a), .bool(let b)): return .bool(combine(a, b))
        case (.int(let a), .int(let b)): return .int(op == .and ? a & b : a | b)
        case (.mask, _), (_, .mask):
            func flags(_ value: Value) -> (values: [Double], shape: [Int])? {
                switch value {
                case .mask(let m): (m.elements.map { $0 ? 1 : 0 }, m.shape)
                case .bool(let flag): ([flag ? 1 : 0], [])
                default: nil
                }
            }
            guard let a = flags(left), let b = flags(right) else {
                throw ScriptError("'\(op.rawValue)' of a mask needs another mask or a bool, got \(left.typeName) and \(right.typeName)", at: position)
            }
            return .mask(try Broadcasting.mask(a.values, a.shape, b.values, b.shape, verb: "combine", at: position) { combine($0 != 0, $1 != 0) })
        default: return nil
        }
    }

    /// `~x`: a mask inverted, an int's bits (`~True` is -2, as in Python).
    static func invert(_ value: Value, at position: SourcePosition) throws -> Value {
        switch value {
        case .mask(let m): return .mask(m.map { !$0 })
        case .int(let n): return .int(~n)
        case .bool(let flag): return .int(~(flag ? 1 : 0))
        default: throw ScriptError("'~' needs a mask or an int, got \(value.typeWithArticle)", at: position)
        }
    }

    static func negate(_ value: Value, at position: SourcePosition) throws -> Value {
        switch promoted(value) {
        case .int(let a) where a != Int.min: return .int(-a)
        case .tensor(let t): return .tensor(t.mapElements { -$0 })
        case let other where isScalar(other): return .float(-(other.number ?? .nan))
        default: throw ScriptError("cannot negate \(value.typeWithArticle)", at: position)
        }
    }

    /// Masks become 0/1 float32 tensors and bools the ints 0 and 1 (`True + 1 == 2`,
    /// as in Python); everything else is unchanged.
    private static func promoted(_ value: Value) -> Value {
        switch value {
        case .mask(let mask): .tensor(.float32(mask.map { $0 ? 1 : 0 }))
        case .bool(let flag): .int(flag ? 1 : 0)
        default: value
        }
    }

    private static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .int, .float, .bool: true
        default: false
        }
    }

    /// `a op b` on ints, or `nil` when the result overflows (`b != 0` for `//` and `%`, `b >= 0` for `**`).
    private static func integer(_ op: BinaryOperator, _ a: Int, _ b: Int) -> Int? {
        let (result, overflow): (Int, Bool)
        switch op {
        case .add: (result, overflow) = a.addingReportingOverflow(b)
        case .subtract: (result, overflow) = a.subtractingReportingOverflow(b)
        case .multiply: (result, overflow) = a.multipliedReportingOverflow(by: b)
        case .floorDivide:
            (result, overflow) = a.dividedReportingOverflow(by: b)
            let inexact = !overflow && result * b != a
            return overflow ? nil : result - (inexact && (a < 0) != (b < 0) ? 1 : 0)
        case .remainder:
            if b == -1 { return 0 }   // (Int.min % -1 overflows in the quotient)
            let r = a % b
            return r != 0 && (r < 0) != (b < 0) ? r + b : r
        case .power: return power(a, b)
        case .and: return a & b
        case .or: return a | b
        case .divide: return nil
        }
        return overflow ? nil : result
    }

    /// `base ** exponent` by repeated squaring, `nil` on overflow (`exponent >= 0`).
    private static func power(_ base: Int, _ exponent: Int) -> Int? {
        var (result, square, rest) = (1, base, exponent)
        while rest > 0 {
            if rest & 1 == 1 {
                let (product, overflow) = result.multipliedReportingOverflow(by: square)
                if overflow { return nil }
                result = product
            }
            rest >>= 1
            if rest > 0 {
                let (next, overflow) = square.multipliedReportingOverflow(by: square)
                if overflow { return nil }
                square = next
            }
        }
        return result
    }

    static func combine(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        case .floorDivide: floorDivision(a, b).quotient
        case .remainder: floorDivision(a, b).remainder
        case .power: Foundation.pow(a, b)
        case .and: a != 0 && b != 0 ? 1 : 0
        case .or: a != 0 || b != 0 ? 1 : 0
        }
    }

    /// Python's (and NumPy's) float `divmod`: the quotient floored, the remainder
    /// with the divisor's sign, `a == quotient * b + remainder`; by zero, NumPy's `inf`/`nan`.
    static func floorDivision(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
        guard b != 0 else { return (a / b, .nan) }
        var remainder = a.truncatingRemainder(dividingBy: b)
        var division = (a - remainder) / b
        if remainder != 0 {
            if (b < 0) != (remainder < 0) {
                remainder += b
                division -= 1
            }
        } else {
            remainder = Double(signOf: b, magnitudeOf: 0)
        }
        guard division != 0 else { return (Double(signOf: a / b, magnitudeOf: 0), remainder) }
        var quotient = division.rounded(.down)
        if division - quotient > 0.5 { quotient += 1 }
        return (quotient, remainder)
    }

    private static func elementwise(_ a: AnyTensor, _ b: AnyTensor, _ f: (Double, Double) -> Double) -> AnyTensor {
        if case .float32(let x) = a, case .float32(let y) = b {
            return .float32(x.zipElements(y) { Float(f(Double($0), Double($1))) })
        }
        let x: Tensor<Double> = a.tensor(), y: Tensor<Double> = b.tensor()
        return .float64(x.zipElements(y, f))
    }

    private static func verb(_ op: BinaryOperator) -> String {
        switch op {
        case .add: "add"
        case .subtract: "subtract"
        case .multiply: "multiply"
        case .divide: "divide"
        case .floorDivide: "floor-divide"
        case .remainder: "take the remainder of"
        case .power: "raise"
        case .and, .or: "combine"
        }
    }
}

extension AnyTensor {
    /// The tensor with `f` applied to each element, keeping the dtype.
    package func mapElements(_ f: (Double) -> Double) -> AnyTensor {
        switch self {
        case .float32(let t): .float32(t.map { Float(f(Double($0))) })
        case .float64(let t): .float64(t.map(f))
        }
    }
}

extension Tensor {
    /// Pairs the elements of two tensors of the same shape.
    func zipElements<T: Sendable>(_ other: Tensor, _ f: (Element, Element) -> T) -> Tensor<T> {
        Tensor<T>(validShape: shape) { out in
            for index in out.indices { out[index] = f(elements[index], other.elements[index]) }
        }
    }
}
