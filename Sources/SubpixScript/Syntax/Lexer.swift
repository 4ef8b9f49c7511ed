/// Splits script source into tokens.
///
/// Newlines end statements except inside brackets, so a call may span lines;
/// `#` starts a comment to the end of the line; `;` separates statements on one line.
struct Lexer {
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    /// Just past the last token read: where "end of input" is reported.
    private var endOfContent = SourcePosition(line: 1, column: 1)

    init(_ source: String) { characters = Array(source) }

    /// All tokens, ending with `.end`.
    static func tokenize(_ source: String) throws -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// True when the source ends inside an open bracket (the REPL then reads another line).
    static func isIncomplete(_ source: String) -> Bool {
        do {
            var lexer = Lexer(source)
            while try lexer.next().kind != .end {}
            return lexer.depth > 0
        } catch {
            return false
        }
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }
    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private mutating func advance() {
        if characters[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func next() throws -> Token {
        let token = try scan()
        if token.kind != .end && token.kind != .newline { endOfContent = position }
        return token
    }

    private mutating func scan() throws -> Token {
        while let character = current {
            if character == "#" {
                while let c = current, c != "\n" { advance() }
            } else if character == "\n" || character == ";" {
                let start = position
                advance()
                if depth == 0 { return Token(kind: .newline, position: start) }
            } else if character.isWhitespace {
                advance()
            } else {
                break
            }
        }
        let start = position
        guard let character = current else { return Token(kind: .end, position: depth > 0 ? endOfContent : start) }
        if character.isNumber || (character == "." && peekIsDigit()) { return try number(start) }
        if character.isLetter || character == "_" { return identifier(start) }
        if character == "\"" || character == "'" { return try string(start, quote: character) }
        advance()
        switch character {
        case "(", "[": depth += 1
        case ")", "]": depth = max(0, depth - 1)
        case "+", "-", "*", "/", "=", ",", ".", ":": break
        default:
            throw ScriptError("unexpected character '\(character)'", at: start)
        }
        return Token(kind: .symbol(String(character)), position: start)
    }

    private func peekIsDigit() -> Bool {
        index + 1 < characters.count && characters[index + 1].isNumber
    }

    private mutating func number(_ start: SourcePosition) throws -> Token {
        var text = ""
        var isInteger = true
        while let c = current, c.isNumber || c == "." || c == "_" {
            if c == "." { isInteger = false }
            if c != "_" { text.append(c) }
            advance()
        }
        if let c = current, c == "e" || c == "E" {
            isInteger = false
            text.append("e")
            advance()
            if let sign = current, sign == "+" || sign == "-" {
                text.append(sign)
                advance()
            }
            while let c = current, c.isNumber {
                text.append(c)
                advance()
            }
        }
        guard let value = Double(text), value.isFinite else {
            throw ScriptError("malformed number '\(text)'", at: start)
        }
        return Token(kind: .number(value, isInteger: isInteger), position: start)
    }

    private mutating func identifier(_ start: SourcePosition) -> Token {
        var text = ""
        while let c = current, c.isLetter || c.isNumber || c == "_" {
            text.append(c)
            advance()
        }
        return Token(kind: .identifier(text), position: start)
    }

    private mutating func string(_ start: SourcePosition, quote: Character) throws -> Token {
        advance()
        var text = ""
        while let c = current, c != quote {
            if c == "\n" { break }
            if c == "\\" {
                advance()
                guard let escaped = current else { break }
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                default: text.append(escaped)
                }
            } else {
                text.append(c)
            }
            advance()
        }
        guard current == quote else { throw ScriptError("unterminated string", at: start) }
        advance()
        return Token(kind: .string(text), position: start)
    }
}
