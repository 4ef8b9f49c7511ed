import Foundation
import Subpix
import SubpixLanguage

/// Python's conversions and number builtins, so that `temperature = float(args[1])`
/// and `H_out = (H + 2 * pad - k) // stride + 1` read as in Python.
enum ConversionBuiltins {
    static let all: [Builtin] = [float, int, str, bool, len, abs, round]

    static let float = Builtin(
        "float", [.init("x")], category: .conversion,
        summary: "x as a float: a number, a one-element tensor, or a string such as \"0.5\", \"1e-3\", \"inf\"",
        details: "Surrounding spaces are ignored, as in Python. float(args[1]) turns a command-line argument into a number."
    ) { a, _ in
        switch a["x"] {
        case .string(let text):
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), !text.contains("0x") else {
                throw a.error("x", "a number or a string holding one")
            }
            return .float(value)
        case let value:
            guard let number = value.number else { throw a.error("x", "a number or a string holding one") }
            return .float(number)
        }
    }

    static let int = Builtin(
        "int", [.init("x")], category: .conversion,
        summary: "x as an int: a float truncated toward zero, a one-element tensor, or a string such as \"7\"",
        details: "A string must hold an integer (int(\"2.5\") is an error, as in Python; write int(float(s))). NaN and infinities have no integer."
    ) { a, _ in
        switch a["x"] {
        case .int(let value): return .int(value)
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let value = Swift.Int(trimmed) else {
                let hint = Double(trimmed) != nil ? "; for a decimal string write int(float(x))" : ""
                throw a.error("x", "a number or a string holding an integer", got: "str '\(text)'\(hint)")
            }
            return .int(value)
        case let value:
            guard let number = value.number else { throw a.error("x", "a number or a string holding an integer") }
            return .int(try integer(number.rounded(.towardZero), a))
        }
    }

    static let str = Builtin(
        "str", [.init("x")], category: .conversion,
        summary: "x as text, as print shows it: str(3) + \".csv\" is \"3.csv\""
    ) { a, _ in
        .string(a["x"].description)
    }

    static let bool = Builtin(
        "bool", [.init("x")], category: .conversion,
        summary: "the truth of x, as Python has it: 0, 0.0, \"\", None and empty lists are False",
        details: "A one-element tensor is true when its value is not 0; a larger tensor has no single truth value (use min(x) or max(x))."
    ) { a, _ in
        do {
            return .bool(try Truth.of(a["x"], at: nil))
        } catch {
            throw a.error("x", "a one-element tensor (a larger one has no single truth value; use any(x) or all(x))")
        }
    }

    static let len = Builtin(
        "len", [.init("x")], category: .conversion,
        summary: "the length of a string, tuple, list, dict, range, keypoint list, table or archive (.npz, .pt), or the first axis of a tensor or mask"
    ) { a, _ in
        switch a["x"] {
        case .string(let text): return .int(text.count)
        case .tuple(let items), .list(let items): return .int(items.count)
        case .keypoints(let points): return .int(points.count)
        case .archive(let archive): return .int(archive.members.count)
        case .dictionary(let dictionary): return .int(dictionary.count)
        case .range(let range): return .int(range.count)
        case .table(let table): return .int(table.rows.count)
        case .keypoint(let point): return .int(point.depth == nil ? 5 : 6)
        case .tensor(let t) where !t.shape.isEmpty: return .int(t.shape[0])
        case .mask(let m) where !m.shape.isEmpty: return .int(m.shape[0])
        case .tensor, .mask: throw a.error("x", "a tensor with at least one axis", got: "a 0-d tensor")
        default: throw a.error("x", "a str, tuple, list, dict, range, tensor, mask, keypoints, table or archive (.npz, .pt)")
        }
    }

    static let abs = Builtin(
        "abs", [.init("x")], category: .conversion, summary: "the absolute value of a number, or of each element of a tensor"
    ) { a, _ in
        switch a["x"] {
        case .int(let value) where value != Swift.Int.min: return .int(Swift.abs(value))
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .tensor(let t): return .tensor(t.mapElements { Swift.abs($0) })
        case let value:
            guard let number = value.number else { throw a.error("x", "a number or a tensor") }
            return .float(Swift.abs(number))
        }
    }

    static let round = Builtin(
        "round", [.init("number"), .init("ndigits", Value.none)], category: .conversion,
        summary: "number rounded to ndigits decimals, halves to even as in Python: round(2.5) is 2, round(0.125, 2) is 0.12",
        details: "Without ndigits a float gives an int; with it the type stays. A tensor is rounded element by element (torch.round)."
    ) { a, _ in
        let digits = try a.optionalInt("ndigits")
        switch a["number"] {
        case .int(let value): return digits.map { roundInteger(value, digits: $0) } ?? .int(value)
        case .tensor(let t):
            let scale = Foundation.pow(10, Double(digits ?? 0))
            return .tensor(t.mapElements { ($0 * scale).rounded(.toNearestOrEven) / scale })
        case let value:
            guard case .float(let number) = value else { throw a.error("number", "a number or a tensor") }
            guard let digits else { return .int(try integer(number.rounded(.toNearestOrEven), a)) }
            return .float(roundFloat(number, digits: digits))
        }
    }

    /// `value` (already integral) as an Int, or an error for NaN, infinities and values beyond Int.
    private static func integer(_ value: Double, _ a: Arguments) throws -> Swift.Int {
        guard let result = Swift.Int(exactly: value) else {
            throw ScriptError("\(a.function)(): cannot convert \(Value.format(value)) to an integer")
        }
        return result
    }

    /// Correctly rounded, as Python's `round(x, n)`: printf rounds the binary value exactly (ties to even).
    private static func roundFloat(_ value: Double, digits: Swift.Int) -> Double {
        guard value.isFinite else { return value }
        if digits > 323 { return value }
        if digits >= 0 { return Double(String(format: "%.\(digits)f", value)) ?? value }
        guard digits > -309 else { return Double(signOf: value, magnitudeOf: 0) }
        let scale = Foundation.pow(10, Double(-digits))
        return (value / scale).rounded(.toNearestOrEven) * scale
    }

    /// `round(1250, -2)` is 1200 and `round(1350, -2)` 1400: halves go to the even multiple.
    private static func roundInteger(_ value: Swift.Int, digits: Swift.Int) -> Value {
        guard digits < 0 else { return .int(value) }
        guard -digits <= 18 else { return .int(0) }   // beyond every Int's magnitude
        let scale = (0..<(-digits)).reduce(1) { product, _ in product * 10 }
        var quotient = value / scale
        var remainder = value - quotient * scale
        if remainder < 0 {
            quotient -= 1
            remainder += scale
        }
        if remainder * 2 > scale || (remainder * 2 == scale && quotient % 2 != 0) { quotient += 1 }
        let (result, overflow) = quotient.multipliedReportingOverflow(by: scale)
        return overflow ? .float(Double(quotient) * Double(scale)) : .int(result)
    }
}
