/// Splits the body of an f-string into text and fields, as Python does:
/// `{{` and `}}` are braces, `{expression}` a field, `{expression!r}` its repr,
/// `{expression:spec}` formatted by `spec` (which may hold fields itself: `{x:.{n}f}`).
enum FormatStringParser {
    /// The parts of `body`; `position` is where the f-string token starts (for errors).
    static func parts(_ body: String, at position: SourcePosition) throws -> [FormatPart] {
        let characters = Array(body)
        var index = 0
        return try parts(characters, &index, at: position, closing: nil)
    }

    private static func parts(_ characters: [Character], _ index: inout Int, at position: SourcePosition, closing: Character?) throws -> [FormatPart] {
        var parts: [FormatPart] = []
        var text = ""
        while index < characters.count {
            let c = characters[index]
            if c == closing { break }
            let doubled = index + 1 < characters.count && characters[index + 1] == c
            if (c == "{" || c == "}") && doubled {
                text.append(c)
                index += 2
                continue
            }
            guard c == "{" else {
                if c == "}" { throw ScriptError("single '}' in an f-string; write '}}' for a brace", at: position) }
                text.append(c)
                index += 1
                continue
            }
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
            index += 1
            parts.append(try field(characters, &index, at: position))
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }

    /// One `{...}` field, from just after its `{` through its `}`.
    private static func field(_ characters: [Character], _ index: inout Int, at position: SourcePosition) throws -> FormatPart {
        let start = index
        var depth = 0
        var quote: Character?
        while index < characters.count {
            let c = characters[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if "([{".contains(c) {
                depth += 1
            } else if ")]".contains(c) || (c == "}" && depth > 0) {
                depth -= 1
            } else if depth == 0 && (c == "}" || c == ":" || (c == "!" && index + 1 < characters.count && characters[index + 1] != "=")) {
                break
            }
            index += 1
        }
        let source = String(characters[start..<index])
        guard !source.allSatisfy(\.isWhitespace) else { throw ScriptError("empty expression in an f-string field '{}'", at: position) }
        let expression = try parseExpression(source, at: SourcePosition(line: position.line, column: position.column + 2 + start))
        var repr = false
        if index < characters.count && characters[index] == "!" {
            guard index + 1 < characters.count, "rs".contains(characters[index + 1]) else {
                throw ScriptError("expected !r or !s after an f-string field's expression", at: position)
            }
            repr = characters[index + 1] == "r"
            index += 2
        }
        var spec: [FormatPart] = []
        if index < characters.count && characters[index] == ":" {
            index += 1
            spec = try parts(characters, &index, at: position, closing: "}")
        }
        guard index < characters.count, characters[index] == "}" else {
            throw ScriptError("expected '}' to close an f-string field", at: position)
        }
        index += 1
        return .field(expression, repr: repr, spec: spec)
    }

    private static func parseExpression(_ source: String, at position: SourcePosition) throws -> Expression {
        var parser = Parser(tokens: try Lexer.tokenize(source, from: position))
        let expression = try parser.expressions().single
        guard parser.atEndOfStatement else { throw parser.unexpected("expected '}' after an f-string field's expression") }
        return expression
    }
}
