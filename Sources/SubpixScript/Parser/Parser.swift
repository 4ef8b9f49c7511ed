/// One parsed statement with the source it came from.
struct ParsedStatement: Sendable, Equatable {
    var statement: Statement
    /// Where the statement starts.
    var position: SourcePosition
    /// Its characters, as offsets into `Array(source)` (first token to last token).
    var range: Range<Int>
}

/// Parses tokens into statements (recursive descent).
///
///     statement  := targets '=' exprs | exprs
///     targets    := target (',' target)*        target := NAME | postfix '.' NAME
///     exprs      := expr (',' expr)* [',']      (two or more make a tuple)
///     expr       := term (('+' | '-') term)*
///     term       := unary (('*' | '/') unary)*
///     unary      := ('-' | '+') unary | postfix
///     postfix    := atom ( '(' args ')' | '[' expr (',' expr)* ']' | '.' NAME )*
///     args       := [arg (',' arg)* [',']]      arg := [NAME '='] expr (keywords last)
///     atom       := NUMBER | STRING | NAME | '(' ')' | '(' expr ')' | '(' expr ',' ... ')' | '[' ... ']'
///
/// Expressions nest at most ``maximumDepth`` levels (brackets, operands of a
/// chain such as `1 + 1 + ...`, unary signs), so hostile input cannot exhaust
/// the stack of the parser or of the interpreter that walks the tree.
struct Parser {
    static let maximumDepth = 200

    private var tokens: [Token]
    private var index = 0
    private var depth = 0

    init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole source text into statements.
    static func parse(_ source: String) throws -> [ParsedStatement] {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        return try parser.statements()
    }

    private var current: Token { tokens[index] }
    private var next: Token { tokens[min(index + 1, tokens.count - 1)] }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private var atEndOfStatement: Bool { current.kind == .newline || current.kind == .end }

    private mutating func expect(_ symbol: String, _ context: String) throws {
        guard isSymbol(symbol) else { throw unexpected("expected '\(symbol)' \(context)") }
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
        guard isSymbol("=") else { return .expression(left.single) }
        advance()
        let targets = try left.items.map(Self.target)
        return .assignment(targets, try expressions().single)
    }

    /// `expr (',' expr)* [',']`: one expression, or a tuple when there are commas.
    private mutating func expressions() throws -> (items: [Expression], single: Expression) {
        let first = try expression()
        var items = [first]
        var trailingComma = false
        while isSymbol(",") {
            advance()
            trailingComma = true
            if atEndOfStatement || isSymbol("=") { break }
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
        while case .symbol(let symbol) = current.kind, symbol == "+" || symbol == "-" {
            let position = current.position
            try descend(at: position)
            advance()
            left = .binary(symbol == "+" ? .add : .subtract, left, try term(), position)
        }
        return left
    }

    private mutating func term() throws -> Expression {
        let saved = depth
        defer { depth = saved }
        var left = try unary()
        while case .symbol(let symbol) = current.kind, symbol == "*" || symbol == "/" {
            let position = current.position
            try descend(at: position)
            advance()
            left = .binary(symbol == "*" ? .multiply : .divide, left, try unary(), position)
        }
        return left
    }

    private mutating func unary() throws -> Expression {
        guard isSymbol("-") || isSymbol("+") else { return try postfix() }
        let (position, negate) = (current.position, isSymbol("-"))
        let saved = depth
        defer { depth = saved }
        try descend(at: position)
        advance()
        let operand = try unary()
        return negate ? .unaryMinus(operand, position) : operand
    }

    private mutating func postfix() throws -> Expression {
        let saved = depth
        defer { depth = saved }
        var base = try atom()
        while isSymbol("(") || isSymbol("[") || isSymbol(".") {
            let position = current.position
            try descend(at: position)
            if isSymbol("(") {
                advance()
                base = .call(base, try arguments(), position)
            } else if isSymbol("[") {
                advance()
                base = .index(base, try indices(), position)
            } else {
                advance()
                guard case .identifier(let name) = current.kind else { throw unexpected("expected an attribute name after '.'") }
                advance()
                base = .attribute(base, name, position)
            }
        }
        return base
    }

    private mutating func indices() throws -> [Expression] {
        var result: [Expression] = []
        repeat {
            if isSymbol(",") { advance() }
            if isSymbol(":") {
                throw ScriptError("slices are not supported; index with integers, e.g. x[0, 1]", at: current.position)
            }
            result.append(try expression())
        } while isSymbol(",")
        if isSymbol(":") {
            throw ScriptError("slices are not supported; index with integers, e.g. x[0, 1]", at: current.position)
        }
        try expect("]", "to close the index")
        return result
    }

    private mutating func arguments() throws -> [Argument] {
        var result: [Argument] = []
        while !isSymbol(")") && !atEndOfStatement {
            var label: String?
            let position = current.position
            if case .identifier(let name) = current.kind, next.kind == .symbol("=") {
                label = name
                advance()
                advance()
            } else if result.last?.label != nil {
                throw ScriptError("positional argument after keyword arguments", at: current.position)
            }
            result.append(Argument(label: label, value: try expression(), position: position))
            guard isSymbol(",") else { break }
            advance()
        }
        try expect(")", "to close the call")
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
        case .symbol("("):
            advance()
            let items = try sequence(closing: ")")
            if items.elements.count == 1 && !items.trailingComma { return items.elements[0] }
            return .tuple(items.elements, token.position)
        case .symbol("["):
            advance()
            return .list(try sequence(closing: "]").elements, token.position)
        default:
            throw unexpected("expected an expression")
        }
    }

    private mutating func sequence(closing: String) throws -> (elements: [Expression], trailingComma: Bool) {
        var elements: [Expression] = []
        var trailingComma = false
        while !isSymbol(closing) && !atEndOfStatement {
            elements.append(try expression())
            trailingComma = false
            guard isSymbol(",") else { break }
            advance()
            trailingComma = true
        }
        try expect(closing, closing == ")" ? "to close the parenthesis" : "to close the list")
        return (elements, trailingComma)
    }
}
