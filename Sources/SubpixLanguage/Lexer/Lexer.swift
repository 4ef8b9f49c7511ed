/// Splits script source into tokens.
///
/// - A line break ends a statement, except inside brackets, so a call may span
///   lines; `;` also ends a statement. Any line-break convention (`\n`, `\r\n`,
///   `\r`) works.
/// - `#` starts a comment that runs to the end of the line.
/// - Numbers: `3`, `2.5`, `.5`, `1e-8`, `1_000`. Strings: `"..."` or `'...'` on
///   one line, with the escapes `\n \t \\ \" \'` (any other backslash stays as
///   typed, so Windows paths read as written).
/// - Symbols: the ``Symbol`` cases (`**`, `//` and `...` read as one); anything else is
///   refused with its position.
package struct Lexer {
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    /// Open brackets not yet closed.
    private var depth = 0
    /// Just past the last token read: where "end of input" is reported inside brackets.
    private var endOfContent = SourcePosition(line: 1, column: 1)

    init(_ source: String) { characters = Array(source) }

    /// All tokens of `source`, ending with `.end`.
    static func tokenize(_ source: String) throws -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// True when `source` ends inside an open bracket: the REPL then reads another line.
    /// Source with a lexical error is complete (so that the error is reported).
    package static func isIncomplete(_ source: String) -> Bool {
        var lexer = Lexer(source)
        do {
            while try lexer.next().kind != .end {}
        } catch {
            return false
        }
        return lexer.depth > 0
    }

    private var current: Character? { index < characters.count ? characters[index] : nil }
    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private mutating func advance() {
        if characters[index].isNewline {
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

    private func token(_ kind: Token.Kind, from start: SourcePosition, _ offset: Int) -> Token {
        Token(kind: kind, position: start, range: offset..<index)
    }

    private mutating func scan() throws -> Token {
        while let character = current {
            if character == "#" {
                while let c = current, !c.isNewline { advance() }
            } else if character.isNewline || (character == ";" && depth == 0) {
                let (start, offset) = (position, index)
                advance()
                if depth == 0 { return token(.newline, from: start, offset) }
            } else if character.isWhitespace {
                advance()
            } else {
                break
            }
        }
        let (start, offset) = (position, index)
        guard let character = current else {
            return Token(kind: .end, position: depth > 0 ? endOfContent : start, range: offset..<offset)
        }
        if Self.isDigit(character) || (character == "." && peekIsDigit()) { return try number(start, offset) }
        if character.isLetter || character == "_" { return identifier(start, offset) }
        if character == "\"" || character == "'" { return try string(start, offset, quote: character) }
        guard let symbol = symbol() else { throw ScriptError("unexpected character '\(character)'", at: start) }
        switch symbol {
        case .leftParenthesis, .leftBracket: depth += 1
        case .rightParenthesis, .rightBracket: depth = max(0, depth - 1)
        default: break
        }
        return token(.symbol(symbol), from: start, offset)
    }

    /// Reads the longest symbol at the cursor (`**` before `*`, `...` before `.`).
    private mutating func symbol() -> Symbol? {
        for length in [3, 2, 1] where index + length <= characters.count {
            if let symbol = Symbol(rawValue: String(characters[index..<(index + length)])) {
                for _ in 0..<length { advance() }
                return symbol
            }
        }
        return nil
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    private func peekIsDigit() -> Bool {
        index + 1 < characters.count && Self.isDigit(characters[index + 1])
    }

    private mutating func number(_ start: SourcePosition, _ offset: Int) throws -> Token {
        var text = ""
        var isInteger = true
        while let c = current, Self.isDigit(c) || c == "." || c == "_" {
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
            while let c = current, Self.isDigit(c) {
                text.append(c)
                advance()
            }
        }
        guard let value = Double(text), value.isFinite else {
            throw ScriptError("malformed number '\(text)'", at: start)
        }
        return token(.number(value, isInteger: isInteger), from: start, offset)
    }

    private mutating func identifier(_ start: SourcePosition, _ offset: Int) -> Token {
        var text = ""
        while let c = current, c.isLetter || Self.isDigit(c) || c == "_" {
            text.append(c)
            advance()
        }
        return token(.identifier(text), from: start, offset)
    }

    private mutating func string(_ start: SourcePosition, _ offset: Int, quote: Character) throws -> Token {
        advance()
        var text = ""
        while let c = current, c != quote, !c.isNewline {
            advance()
            guard c == "\\", let escaped = current, !escaped.isNewline else {
                text.append(c)
                continue
            }
            advance()
            switch escaped {
            case "n": text.append("\n")
            case "t": text.append("\t")
            case "\\", "\"", "'": text.append(escaped)
            default: text += "\\\(escaped)"
            }
        }
        guard current == quote else { throw ScriptError("unterminated string", at: start) }
        advance()
        return token(.string(text), from: start, offset)
    }
}
