/// One parsed statement with the source it came from.
package struct ParsedStatement: Sendable, Equatable {
    package var statement: Statement
    /// Where the statement starts.
    package var position: SourcePosition
    /// Its characters, as offsets into `Array(source)` (first token to last token).
    package var range: Range<Int>
}

/// Parses tokens into statements (recursive descent).
///
///     statement  := targets '=' exprs | exprs
///     targets    := target (',' target)*        target := NAME | postfix '.' NAME
///     exprs      := expr (',' expr)* [',']      (two or more make a tuple)
///     expr       := term (('+' | '-') term)*
///     term       := unary (('*' | '/' | '//' | '%') unary)*
///     unary      := ('-' | '+') unary | power
///     power      := postfix ['**' unary]          (right-associative; -2**2 is -4)
///     postfix    := atom ( '(' args ')' | '[' subscripts ']' | '.' NAME )*
///     subscripts := subscript (',' subscript)* [',']
///     subscript  := '...' | expr | [expr] ':' [expr] [':' [expr]]
///     args       := [arg (',' arg)* [',']]      arg := [NAME '='] expr (keywords last)
///     atom       := NUMBER | STRING | NAME | '(' ')' | '(' expr ')' | '(' expr ',' ... ')' | '[' ... ']'
///
/// Expressions nest at most ``maximumDepth`` levels (brackets, operands of a
/// chain such as `1 + 1 + ...`, unary signs), so hostile input cannot exhaust
/// the stack of the parser or of the interpreter that walks the tree.
package struct Parser {
    static let maximumDepth = 200

    private var tokens: [Token]
    private var index = 0
    private var depth = 0

    init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole source text into statements.
    package static func parse(_ source: String) throws -> [ParsedStatement] {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        return try parser.statements()
    }

    private var current: Token { tokens[index] }
    private var next: Token { tokens[min(index + 1, tokens.count - 1)] }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private func isSymbol(_ symbol: Symbol) -> Bool { current.kind == .symbol(symbol) }

    /// The current token's symbol when it is one of `symbols`.
    private func symbol(among symbols: Set<Symbol>) -> Symbol? {
        if case .symbol(let symbol) = current.kind, symbols.contains(symbol) { return symbol }
        return nil
    }

    private var atEndOfStatement: Bool { current.kind == .newline || current.kind == .end }

    private mutating func expect(_ symbol: Symbol, _ context: String) throws {
        guard isSymbol(symbol) else { throw unexpected("expected '\(symbol.rawValue)' \(context)") }
        advance()
    }

    private func unexpected(_ expectation: String) -> ScriptError {
        ScriptError("\(expectation), got \(current.quoted)", at: current.position)
    }

    /// Enters one level of nesting; throws past ``maximumDepth``.
    private mutating func descend(at position: SourcePosition) throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw ScriptError("expression nested deeper than \(Self.maximumDepth) levels", at: position)
        }
    }

    mutating func statements() throws -> [ParsedStatement] {
        var result: [ParsedStatement] = []
        while current.kind != .end {
            if current.kind == .newline {
                advance()
                continue
            }
            let first = current
            let parsed = try statement()
            guard current.kind == .newline || current.kind == .end else {
                throw unexpected("expected end of statement")
            }
            let last = tokens[index - 1]
            result.append(ParsedStatement(statement: parsed, position: first.position, range: first.range.lowerBound..<last.range.upperBound))
        }
        return result
    }

    private mutating func statement() throws -> Statement {
        let left = try expressions()
        guard isSymbol(.equals) else { return .expression(left.single) }
        advance()
        let targets = try left.items.map(Self.target)
        return .assignment(targets, try expressions().single)
    }

    /// `expr (',' expr)* [',']`: one expression, or a tuple when there are commas.
    private mutating func expressions() throws -> (items: [Expression], single: Expression) {
        let first = try expression()
        var items = [first]
        var trailingComma = false
        while isSymbol(.comma) {
            advance()
            trailingComma = true
            if atEndOfStatement || isSymbol(.equals) { break }
            items.append(try expression())
            trailingComma = false
        }
        return (items, items.count == 1 && !trailingComma ? first : .tuple(items, first.start))
    }

    private static func target(_ expression: Expression) throws -> AssignmentTarget {
        switch expression {
        case .name(let name, let p): return .name(name, p)
        case .attribute(let base, let name, let p): return .attribute(base, name, p)
        default:
            throw ScriptError("cannot assign to this expression; expected a name or name.attribute", at: expression.start)
        }
    }

    private mutating func expression() throws -> Expression {
        let saved = depth
        defer { depth = saved }
        try descend(at: current.position)
        var left = try term()
        while let symbol = symbol(among: [.plus, .minus]) {
            let position = current.position
            try descend(at: position)
            advance()
            left = .binary(symbol == .plus ? .add : .subtract, left, try term(), position)
        }
        return left
    }

    private mutating func term() throws -> Expression {
        let saved = depth
        defer { depth = saved }
        var left = try unary()
        while let symbol = symbol(among: [.star, .slash, .doubleSlash, .percent]) {
            let position = current.position
            try descend(at: position)
            advance()
            let op: BinaryOperator = switch symbol {
            case .star: .multiply
            case .slash: .divide
            case .doubleSlash: .floorDivide
            default: .remainder
            }
            left = .binary(op, left, try unary(), position)
        }
        return left
    }

    private mutating func unary() throws -> Expression {
        guard isSymbol(.minus) || isSymbol(.plus) else { return try power() }
        let (position, negate) = (current.position, isSymbol(.minus))
        let saved = depth
        defer { depth = saved }
        try descend(at: position)
        advance()
        let operand = try unary()
        return negate ? .unaryMinus(operand, position) : operand
    }

    /// `base ** exponent`; the exponent may carry a sign (`2 ** -1`) and is itself a power.
    private mutating func power() throws -> Expression {
        let base = try postfix()
        guard isSymbol(.doubleStar) else { return base }
        let position = current.position
        let saved = depth
        defer { depth = saved }
        try descend(at: position)
        advance()
        return .binary(.power, base, try unary(), position)
    }

    private mutating func postfix() throws -> Expression {
        let saved = depth
        defer { depth = saved }
        var base = try atom()
        while isSymbol(.leftParenthesis) || isSymbol(.leftBracket) || isSymbol(.dot) {
            let position = current.position
            try descend(at: position)
            if isSymbol(.leftParenthesis) {
                advance()
                base = .call(base, try arguments(), position)
            } else if isSymbol(.leftBracket) {
                advance()
                base = .index(base, try subscripts(), position)
            } else {
                advance()
                guard case .identifier(let name) = current.kind else { throw unexpected("expected an attribute name after '.'") }
                advance()
                base = .attribute(base, name, position)
            }
        }
        return base
    }

    private mutating func subscripts() throws -> [Subscript] {
        var result: [Subscript] = []
        repeat {
            if isSymbol(.comma) { advance() }
            if isSymbol(.rightBracket) && !result.isEmpty { break }
            result.append(try subscriptItem())
        } while isSymbol(.comma)
        try expect(.rightBracket, "to close the index")
        return result
    }

    /// `...`, an index expression, or a slice `[start]:[stop][:[step]]`.
    private mutating func subscriptItem() throws -> Subscript {
        if isSymbol(.ellipsis) {
            advance()
            return .ellipsis
        }
        let start = isSymbol(.colon) ? nil : try expression()
        guard isSymbol(.colon) else {
            guard let start else { throw unexpected("expected an index") }
            return .index(start)
        }
        advance()
        let stop = try optionalSlicePart()
        var step: Expression?
        if isSymbol(.colon) {
            advance()
            step = try optionalSlicePart()
        }
        return .slice(start: start, stop: stop, step: step)
    }

    /// A slice bound, absent when the slice part is empty (`x[:3]`, `x[1:]`, `x[::2]`).
    private mutating func optionalSlicePart() throws -> Expression? {
        isSymbol(.colon) || isSymbol(.comma) || isSymbol(.rightBracket) || atEndOfStatement ? nil : try expression()
    }

    private mutating func arguments() throws -> [Argument] {
        var result: [Argument] = []
        while !isSymbol(.rightParenthesis) && !atEndOfStatement {
            var label: String?
            let position = current.position
            if case .identifier(let name) = current.kind, next.kind == .symbol(.equals) {
                label = name
                advance()
                advance()
            } else if result.last?.label != nil {
                throw ScriptError("positional argument after keyword arguments", at: current.position)
            }
            result.append(Argument(label: label, value: try expression(), position: position))
            guard isSymbol(.comma) else { break }
            advance()
        }
        try expect(.rightParenthesis, "to close the call")
        return result
    }

    private mutating func atom() throws -> Expression {
        let token = current
        switch token.kind {
        case .number(let value, let isInteger):
            advance()
            return .number(value, isInteger: isInteger, token.position)
        case .string(let text):
            advance()
            return .string(text, token.position)
        case .identifier(let name):
            advance()
            return .name(name, token.position)
        case .symbol(.leftParenthesis):
            advance()
            let items = try sequence(closing: .rightParenthesis)
            if items.elements.count == 1 && !items.trailingComma { return items.elements[0] }
            return .tuple(items.elements, token.position)
        case .symbol(.leftBracket):
            advance()
            return .list(try sequence(closing: .rightBracket).elements, token.position)
        default:
            throw unexpected("expected an expression")
        }
    }

    private mutating func sequence(closing: Symbol) throws -> (elements: [Expression], trailingComma: Bool) {
        var elements: [Expression] = []
        var trailingComma = false
        while !isSymbol(closing) && !atEndOfStatement {
            elements.append(try expression())
            trailingComma = false
            guard isSymbol(.comma) else { break }
            advance()
            trailingComma = true
        }
        try expect(closing, closing == .rightParenthesis ? "to close the parenthesis" : "to close the list")
        return (elements, trailingComma)
    }
}
