import Foundation

/// Python's string formatting: the format-spec mini-language of f-strings and
/// `format`, `%` formatting, and `str.format`.
///
///     f"{x:.3f}"  f"{n:>5d}"  f"{r:+.2e}"  f"{share:.1%}"  f"{n:,}"  f"{name:<10}"
///     "%d of %s: %.2f" % (3, "a", 0.5)      "{} {:.1f} {name}".format(1, 2.25, name="x")
package enum Formatting {
    /// `value` formatted by `spec`: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
    package static func format(_ value: Value, spec: String, at position: SourcePosition?) throws -> String {
        guard !spec.isEmpty else { return value.description }
        let parsed = try Spec(spec, at: position)
        var value = value
        if case .tensor(let t) = value, t.count == 1 { value = .float(t.doubles[0]) }
        if case .bool(let flag) = value, parsed.type != nil, parsed.type != "s" { value = .int(flag ? 1 : 0) }
        let body: String
        var negative = false
        switch (value, parsed.type) {
        case (.int(let n), nil), (.int(let n), "d"), (.int(let n), "n"):
            negative = n < 0
            body = group(String(n.magnitude), parsed.grouping)
        case (.int(let n), "x"), (.int(let n), "X"), (.int(let n), "o"), (.int(let n), "b"):
            negative = n < 0
            let radix = ["x": 16, "X": 16, "o": 8, "b": 2][parsed.type!]!
            let digits = String(n.magnitude, radix: radix, uppercase: parsed.type == "X")
            body = (parsed.alternate ? "0" + String(parsed.type!) : "") + digits
        case (.int, let type?) where "eEfFgG%".contains(type):
            return try format(.float(value.number ?? 0), spec: spec, at: position)
        case (.float(let x), let type):
            guard type == nil || "eEfFgG%".contains(type!) else {
                throw ScriptError("format code '\(type!)' does not apply to a float; use f, e, g or %", at: position)
            }
            negative = x.sign == .minus && !x.isNaN
            body = number(Swift.abs(x), type: type, precision: parsed.precision, grouping: parsed.grouping)
        case (_, nil), (_, "s"):
            var text = value.description
            if let precision = parsed.precision { text = String(text.prefix(precision)) }
            return parsed.pad(text, numeric: false)
        default:
            throw ScriptError("format code '\(parsed.type!)' does not apply to \(value.typeWithArticle)", at: position)
        }
        let sign = negative ? "-" : parsed.sign == "+" ? "+" : parsed.sign == " " ? " " : ""
        return parsed.pad(body, sign: sign, numeric: true)
    }

    /// A float's digits (without its sign) by a format type, as Python writes them.
    private static func number(_ x: Double, type: Character?, precision: Int?, grouping: Character?) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return "inf" }
        let text: String
        switch type {
        case "f", "F": text = String(format: "%.\(precision ?? 6)f", x)
        case "e", "E": text = String(format: "%.\(precision ?? 6)e", x)
        case "g", "G": text = String(format: "%.\(precision ?? 6)g", x)
        case "%": return String(format: "%.\(precision ?? 6)f", x * 100) + "%"
        default:
            guard let precision else { return Value.format(x) }
            let general = String(format: "%.\(max(precision, 1))g", x)
            text = general.contains(".") || general.contains("e") ? general : general + ".0"
        }
        let cased = type == "E" || type == "G" ? text.uppercased() : text
        guard let grouping else { return cased }
        let integerEnd = cased.firstIndex { !$0.isNumber } ?? cased.endIndex
        return group(String(cased[..<integerEnd]), grouping) + cased[integerEnd...]
    }

    /// `1234567` as `1,234,567` (or with `_`).
    private static func group(_ digits: String, _ separator: Character?) -> String {
        guard let separator, digits.count > 3 else { return digits }
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(separator) }
            result.append(digit)
        }
        return result
    }

    /// A parsed format spec.
    private struct Spec {
        var fill: Character = " "
        var align: Character?
        var sign: Character = "-"
        var alternate = false
        var width = 0
        var grouping: Character?
        var precision: Int?
        var type: Character?

        init(_ text: String, at position: SourcePosition?) throws {
            var characters = Array(text)[...]
            if characters.count >= 2, "<>^=".contains(characters[characters.startIndex + 1]) {
                fill = characters.removeFirst()
                align = characters.removeFirst()
            } else if let first = characters.first, "<>^=".contains(first) {
                align = characters.removeFirst()
            }
            if let first = characters.first, "+- ".contains(first) { sign = characters.removeFirst() }
            if characters.first == "#" {
                alternate = true
                characters.removeFirst()
            }
            if characters.first == "0" {
                if align == nil { (fill, align) = ("0", "=") }
                characters.removeFirst()
            }
            while let digit = characters.first?.wholeNumberValue, characters.first!.isASCII {
                width = width * 10 + digit
                characters.removeFirst()
                guard width < 10_000 else { throw ScriptError("format width too large in '\(text)'", at: position) }
            }
            if let first = characters.first, first == "," || first == "_" { grouping = characters.removeFirst() }
            if characters.first == "." {
                characters.removeFirst()
                var digits = 0
                var seen = false
                while let digit = characters.first?.wholeNumberValue, characters.first!.isASCII {
                    digits = digits * 10 + digit
                    seen = true
                    characters.removeFirst()
                    guard digits < 1000 else { throw ScriptError("format precision too large in '\(text)'", at: position) }
                }
                guard seen else { throw ScriptError("expected digits after '.' in the format spec '\(text)'", at: position) }
                precision = digits
            }
            if let first = characters.first, "bdeEfFgGnosxX%".contains(first) { type = characters.removeFirst() }
            guard characters.isEmpty else { throw ScriptError("invalid format spec '\(text)'", at: position) }
        }

        /// `body` with its sign, padded to the width by the alignment.
        func pad(_ body: String, sign: String = "", numeric: Bool) -> String {
            let missing = width - body.count - sign.count
            guard missing > 0 else { return sign + body }
            let padding = { (count: Int) in String(repeating: fill, count: count) }
            switch align ?? (numeric ? ">" : "<") {
            case "<": return sign + body + padding(missing)
            case "^": return padding(missing / 2) + sign + body + padding(missing - missing / 2)
            case "=": return sign + padding(missing) + body
            default: return padding(missing) + sign + body
            }
        }
    }

    /// `text % values`: `%s %r %d %i %f %e %g %x %%`, with flags, width and precision, and `%(name)s` from a dict.
    package static func percent(_ text: String, _ values: Value, at position: SourcePosition?) throws -> String {
        let arguments: [Value] = if case .tuple(let items) = values { items } else { [values] }
        var next = 0
        var result = ""
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            guard c == "%" else {
                result.append(c)
                continue
            }
            var argument: Value?
            if characters.first == "(" {
                guard let close = characters.firstIndex(of: ")"), case .dictionary(let dictionary) = values else {
                    throw ScriptError("'%(name)s' formatting needs a dict on the right of %", at: position)
                }
                let name = String(characters[characters.index(after: characters.startIndex)..<close])
                guard let found = try dictionary.value(for: .string(name), at: position) else {
                    throw ScriptError("key '\(name)' is not in the dict given to %", at: position)
                }
                argument = found
                characters = characters[characters.index(after: close)...]
            }
            var flags = ""
            while let f = characters.first, "-+ 0#".contains(f) { flags.append(characters.removeFirst()) }
            var width = ""
            while let d = characters.first, d.isASCII, d.isNumber { width.append(characters.removeFirst()) }
            var precision = ""
            if characters.first == "." {
                precision.append(characters.removeFirst())
                while let d = characters.first, d.isASCII, d.isNumber { precision.append(characters.removeFirst()) }
                if precision == "." { precision = ".0" }
            }
            guard let type = characters.popFirst() else { throw ScriptError("incomplete format: '%' at the end of the string", at: position) }
            if type == "%" {
                result.append("%")
                continue
            }
            if argument == nil {
                guard next < arguments.count else { throw ScriptError("not enough values for the % format string (\(arguments.count) given)", at: position) }
                argument = arguments[next]
                next += 1
            }
            let align = flags.contains("-") ? "<" : flags.contains("0") ? "0" : ""
            let sign = flags.contains("+") ? "+" : flags.contains(" ") ? " " : ""
            switch type {
            case "s", "r":
                let shown = type == "r" ? argument!.repr : argument!.description
                result += try format(.string(shown), spec: (flags.contains("-") ? "<" : ">") + width + precision, at: position)
            case "d", "i", "u":
                guard let number = argument!.number else { throw ScriptError("%\(type) needs a number, got \(argument!.typeWithArticle)", at: position) }
                result += try format(.int(Int(number.rounded(.towardZero))), spec: sign + align + width + "d", at: position)
            case "f", "F", "e", "E", "g", "G", "x", "X", "o":
                guard argument!.number != nil else { throw ScriptError("%\(type) needs a number, got \(argument!.typeWithArticle)", at: position) }
                result += try format(argument!, spec: sign + (align == "0" ? "0" : align) + width + precision + String(type), at: position)
            default:
                throw ScriptError("unsupported format character '\(type)' in a % format string", at: position)
            }
        }
        if next < arguments.count, !(arguments.count == 1 && { if case .dictionary = values { true } else { false } }()) {
            throw ScriptError("not all values were used by the % format string (\(arguments.count) given, \(next) used)", at: position)
        }
        return result
    }

    /// `template.format(*positional, **keywords)`: `{}`, `{0}`, `{name}`, each with `!r` and `:spec`.
    package static func format(template: String, _ positional: [Value], _ keywords: [(String, Value)], at position: SourcePosition?) throws -> String {
        var result = ""
        var automatic = 0
        var characters = Array(template)[...]
        while let c = characters.popFirst() {
            if (c == "{" || c == "}") && characters.first == c {
                result.append(characters.removeFirst())
                continue
            }
            guard c == "{" else {
                if c == "}" { throw ScriptError("single '}' in a format string; write '}}' for a brace", at: position) }
                result.append(c)
                continue
            }
            guard let close = characters.firstIndex(of: "}") else { throw ScriptError("expected '}' to close a format field", at: position) }
            let field = String(characters[..<close])
            characters = characters[characters.index(after: close)...]
            let (head, spec) = field.firstIndex(of: ":").map { (String(field[..<$0]), String(field[field.index(after: $0)...])) } ?? (field, "")
            let repr = head.hasSuffix("!r")
            let name = repr || head.hasSuffix("!s") ? String(head.dropLast(2)) : head
            let value: Value
            if name.isEmpty || Int(name) != nil {
                let index = Int(name) ?? automatic
                automatic += 1
                guard positional.indices.contains(index) else {
                    throw ScriptError("format field {\(name)} has no value: \(positional.count) positional given", at: position)
                }
                value = positional[index]
            } else {
                guard let found = keywords.first(where: { $0.0 == name }) else {
                    throw ScriptError("format field {\(name)} has no value: no keyword '\(name)' given", at: position)
                }
                value = found.1
            }
            result += try format(repr ? .string(value.repr) : value, spec: spec, at: position)
        }
        return result
    }
}
