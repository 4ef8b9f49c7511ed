/// Splits script source into tokens.
///
/// - A line break ends a statement, except inside brackets or after a `\`
///   (line continuation), so a call may span lines. `;` is a symbol: the parser
///   reads it between the simple statements of one line.
///   Any line-break convention (`\n`, `\r\n`, `\r`) works.
/// - Indentation is Python's: a line indented deeper than the one before opens a
///   block (`.indent`), a line indented back closes blocks (`.dedent` each);
///   blank and comment-only lines do not count. A tab advances to the next multiple of 8.
/// - `#` starts a comment that runs to the end of the line.
/// - Numbers as Python reads them: `3`, `2.5`, `.5`, `1e-8`, `1_000`, `0x10`,
///   `0o17`, `0b101`; `1e400` is `inf`; an integer beyond 64 bits is an error.
/// - Strings: `"..."` or `'...'` on one line, `"""..."""` over lines, with the
///   escapes `\n \t \\ \" \'` (any other backslash stays as typed, so
///   Windows paths read as written); `r"..."` keeps every backslash; `f"..."` is
///   an f-string whose `{...}` fields the parser reads.
/// - Symbols: the ``Symbol`` cases (the longest first: `**`, `//`, `==`, `...`);
///   anything else is refused with its position.
package struct Lexer {
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    /// Open brackets not yet closed.
    private var depth = 0
    /// Just past the last token read: where "end of input" is reported inside brackets.
    private var endOfContent = SourcePosition(line: 1, column: 1)
    /// The indentation of each open block, outermost (0) first.
    private var indents = [0]
    /// Whether the next token starts a line (its indentation is measured first).
    private var atLineStart = true
    /// Tokens already decided and not yet returned (dedents, the end's newline).
    private var queued: [Token] = []
    /// The kind of the last token returned.
    private var last: Token.Kind = .newline

    init(_ source: String) { characters = Array(source) }

    /// All tokens of `source`, ending with `.end`; `start` is where it begins in a larger
    /// text (an f-string's field), which then has no indentation of its own.
    static func tokenize(_ source: String, from start: SourcePosition? = nil) throws -> [Token] {
        var lexer = Lexer(source)
        if let start {
            (lexer.line, lexer.column, lexer.atLineStart) = (start.line, start.column, false)
        }
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// What the REPL needs before it can run `source`.
    package enum Continuation: Equatable {
        /// The entry is complete (or has a lexical error, which running reports).
        case complete
        /// A bracket is open or the last line ends in `\`: read another line.
        case openBracket
        /// The entry starts a block (`for ...:`): read lines until a blank one or one back at the margin.
        case openBlock
    }

    /// Whether `source` is a whole REPL entry (see ``Continuation``).
    package static func continuation(of source: String) -> Continuation {
        if source.last == "\\" { return .openBracket }
        var lexer = Lexer(source)
        var first: Token.Kind?
        do {
            while true {
                let kind = try lexer.next().kind
                if first == nil, kind != .newline, kind != .indent { first = kind }
                if kind == .end { break }
            }
        } catch {
            return .complete
        }
        if lexer.depth > 0 { return .openBracket }
        guard case .identifier(let word)? = first, ["if", "for", "while", "def"].contains(word) else { return .complete }
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return lines.count > 1 && lines.last!.allSatisfy(\.isWhitespace) ? .complete : .openBlock
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
        let token = queued.isEmpty ? try scan() : queued.removeFirst()
        if token.kind != .end && token.kind != .newline && token.kind != .dedent { endOfContent = position }
        last = token.kind
        return token
    }

    private func token(_ kind: Token.Kind, from start: SourcePosition, _ offset: Int) -> Token {
        Token(kind: kind, position: start, range: offset..<index)
    }

    private mutating func scan() throws -> Token {
        if atLineStart && depth == 0, let indentation = try indentation() { return indentation }
        while let character = current {
            if character == "#" {
                while let c = current, !c.isNewline { advance() }
            } else if character == "\\", index + 1 < characters.count, characters[index + 1].isNewline {
                advance()
                advance()
            } else if character.isNewline {
                let (start, offset) = (position, index)
                advance()
                if depth == 0 {
                    atLineStart = true
                    return token(.newline, from: start, offset)
                }
            } else if character.isWhitespace {
                advance()
            } else {
                break
            }
        }
        let (start, offset) = (position, index)
        guard let character = current else { return finish(at: start, offset) }
        if Self.isDigit(character) || (character == "." && peekIsDigit()) { return try number(start, offset) }
        if character.isLetter || character == "_" { return try identifier(start, offset) }
        if character == "\"" || character == "'" { return try string(start, offset, quote: character, raw: false) }
        guard let symbol = symbol() else {
            if character == "\\" { throw ScriptError("expected a line break after '\\' (line continuation)", at: start) }
            throw ScriptError("unexpected character '\(character)'", at: start)
        }
        switch symbol {
        case .leftParenthesis, .leftBracket, .leftBrace: depth += 1
        case .rightParenthesis, .rightBracket, .rightBrace: depth = max(0, depth - 1)
        default: break
        }
        return token(.symbol(symbol), from: start, offset)
    }

    /// The end of input: a last newline, the dedents of the blocks still open, then `.end`.
    private mutating func finish(at start: SourcePosition, _ offset: Int) -> Token {
        let end = Token(kind: .end, position: depth > 0 ? endOfContent : start, range: offset..<offset)
        guard depth == 0 else { return end }
        queued = Array(repeating: Token(kind: .dedent, position: start, range: offset..<offset), count: indents.count - 1) + [end]
        indents = [0]
        if last != .newline && last != .dedent { return Token(kind: .newline, position: start, range: offset..<offset) }
        return queued.removeFirst()
    }

    /// Measures the indentation of the line starting here (skipping blank and comment lines):
    /// an `.indent`, the first of its `.dedent`s, or nil when the block stays the same.
    private mutating func indentation() throws -> Token? {
        while true {
            var width = 0
            while let c = current, c == " " || c == "\t" || c == "\u{0C}" {
                width = c == "\t" ? (width / 8 + 1) * 8 : width + 1
                advance()
            }
            guard let c = current else { return nil }
            if c == "#" { while let c = current, !c.isNewline { advance() } }
            if let c = current, c.isNewline {
                advance()
                continue
            }
            guard current != nil else { return nil }
            atLineStart = false
            let (start, offset) = (position, index)
            if width > indents.last! {
                indents.append(width)
                return token(.indent, from: start, offset)
            }
            var dedents: [Token] = []
            while width < indents.last! {
                indents.removeLast()
                dedents.append(Token(kind: .dedent, position: start, range: offset..<offset))
            }
            guard width == indents.last! else {
                throw ScriptError("this line's indentation matches no enclosing block", at: start)
            }
            guard !dedents.isEmpty else { return nil }
            queued += dedents.dropFirst()
            return dedents[0]
        }
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
        if current == "0", index + 1 < characters.count, let radix = ["x": 16, "o": 8, "b": 2][characters[index + 1].lowercased()] {
            advance()
            advance()
            var digits = ""
            while let c = current, c.isHexDigit || c == "_" {
                if c != "_" { digits.append(c) }
                advance()
            }
            guard !digits.isEmpty, let value = UInt64(digits, radix: radix) else {
                if !digits.isEmpty, digits.allSatisfy({ $0.hexDigitValue.map { $0 < radix } ?? false }) { throw Self.tooLarge(start) }
                throw ScriptError("malformed number '\(String(characters[offset..<index]))'", at: start)
            }
            guard let integer = Int(exactly: value) else { throw Self.tooLarge(start) }
            return token(.integer(integer), from: start, offset)
        }
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
            while let c = current, Self.isDigit(c) || c == "_" {
                if c != "_" { text.append(c) }
                advance()
            }
        }
        if isInteger {
            guard let value = Int(text) else { throw Self.tooLarge(start) }
            return token(.integer(value), from: start, offset)
        }
        guard let value = Double(text) else { throw ScriptError("malformed number '\(text)'", at: start) }
        return token(.float(value), from: start, offset)
    }

    private static func tooLarge(_ start: SourcePosition) -> ScriptError {
        ScriptError("integer literal too large: subpix integers are 64-bit (at most \(Int.max)); write a float such as 1e20", at: start)
    }

    private mutating func identifier(_ start: SourcePosition, _ offset: Int) throws -> Token {
        var text = ""
        while let c = current, c.isLetter || Self.isDigit(c) || c == "_" {
            text.append(c)
            advance()
        }
        let prefix = text.lowercased()
        if let quote = current, quote == "\"" || quote == "'", ["f", "r", "rf", "fr"].contains(prefix) {
            let string = try self.string(start, offset, quote: quote, raw: prefix.contains("r"))
            guard prefix.contains("f"), case .string(let body) = string.kind else { return string }
            return token(.formatString(body), from: start, offset)
        }
        return token(.identifier(text), from: start, offset)
    }

    private mutating func string(_ start: SourcePosition, _ offset: Int, quote: Character, raw: Bool) throws -> Token {
        let triple = index + 2 < characters.count && characters[index + 1] == quote && characters[index + 2] == quote
        for _ in 0..<(triple ? 3 : 1) { advance() }
        var text = ""
        func closes() -> Bool {
            guard current == quote else { return false }
            return !triple || (index + 2 < characters.count && characters[index + 1] == quote && characters[index + 2] == quote)
        }
        while let c = current, !closes(), triple || !c.isNewline {
            advance()
            guard c == "\\", !raw, let escaped = current, !escaped.isNewline else {
                text.append(c)
                if c == "\\", raw, let escaped = current, escaped == quote || escaped == "\\" {
                    text.append(escaped)
                    advance()
                }
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
        guard closes() else { throw ScriptError("unterminated string", at: start) }
        for _ in 0..<(triple ? 3 : 1) { advance() }
        return token(.string(text), from: start, offset)
    }
}
