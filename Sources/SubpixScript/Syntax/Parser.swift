/// Parses tokens into statements (recursive descent).
///
///     statement  := targets '=' expr | expr
///     targets    := target (',' target)*        target := NAME | postfix '.' NAME
///     expr       := term (('+' | '-') term)*
///     term       := unary (('*' | '/') unary)*
///     unary      := '-' unary | postfix
///     postfix    := atom ( '(' args ')' | '[' expr (',' expr)* ']' | '.' NAME )*
///     atom       := NUMBER | STRING | NAME | '(' ')' | '(' expr ')' | '(' expr ',' ... ')' | '[' ... ']'
struct Parser {
    /// Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
    static let maximumDepth = 200

    private var tokens: [Token]
    private var index = 0
    private var depth = 0

    init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole source text into statements with the lines each spans.
    static func parse(_ source: String) throws -> [(statement: Statement, lines: ClosedRange<Int>)] {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        return try parser.statements()
    }

    private var current: Token { tokens[index] }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private mutating func expect(_ symbol: String, _ context: String) throws {
        guard isSymbol(symbol) else { throw unexpected("expected '\(symbol)' \(context)") }
        advance()
    }

    private func unexpected(_ expectation: String) -> ScriptError {
        let found: String
        switch current.kind {
        case .number(let value, let isInteger): found = isInteger ? String(Int(value)) : String(value)
        case .string(let text): found = "\"\(text)\""
        case .identifier(let name): found = "'\(name)'"
        case .symbol(let symbol): found = "'\(symbol)'"
        case .newline: found = "end of line"
        case .end: found = "end of input"
        }
        return ScriptError("\(expectation), got \(found)", at: current.position)
    }

    mutating func statements() throws -> [(statement: Statement, lines: ClosedRange<Int>)] {
        var result: [(statement: Statement, lines: ClosedRange<Int>)] = []
        while current.kind != .end {
            if current.kind == .newline {
                advance()
                continue
            }
            let firstLine = current.position.line
            let parsed = try statement()
            guard current.kind == .newline || current.kind == .end else {
                throw unexpected("expected end of statement")
            }
            result.append((parsed, firstLine...max(firstLine, current.position.line)))
        }
        return result
    }

    private mutating func statement() throws -> Statement {
        let first = try expression()
        var targets = [first]
        while isSymbol(",") {
            advance()
            targets.append(try expression())
        }
        if isSymbol("=") {
            let position = current.position
            advance()
            let value = try expression()
            return .assignment(try targets.map { try Self.target($0, at: position) }, value)
        }
        return .expression(targets.count == 1 ? first : .tuple(targets, first.position))
    }

    private static func target(_ expression: Expression, at position: SourcePosition) throws -> AssignmentTarget {
        switch expression {
        case .name(let name, let p): return .name(name, p)
        case .attribute(let base, let name, let p): return .attribute(base, name, p)
        default: throw ScriptError("cannot assign to this expression; expected a name or name.attribute", at: expression.position)
        }
    }

    private mutating func expression() throws -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw ScriptError("expression nested deeper than \(Self.maximumDepth) levels", at: current.position)
        }
        var left = try term()
        while case .symbol(let symbol) = current.kind, symbol == "+" || symbol == "-" {
            let position = current.position
            advance()
            left = .binary(symbol == "+" ? .add : .subtract, left, try term(), position)
        }
        return left
    }

    private mutating func term() throws -> Expression {
        var left = try unary()
        while case .symbol(let symbol) = current.kind, symbol == "*" || symbol == "/" {
            let position = current.position
            advance()
            left = .binary(symbol == "*" ? .multiply : .divide, left, try unary(), position)
        }
        return left
    }

    private mutating func unary() throws -> Expression {
        if isSymbol("-") {
            let position = current.position
            advance()
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else {
                throw ScriptError("expression nested deeper than \(Self.maximumDepth) levels", at: position)
            }
            return .unaryMinus(try unary(), position)
        }
        if isSymbol("+") { advance() }
        return try postfix()
    }

    private mutating func postfix() throws -> Expression {
        var base = try atom()
        while true {
            let position = current.position
            if isSymbol("(") {
                advance()
                base = .call(base, try arguments(), position)
            } else if isSymbol("[") {
                advance()
                var indices = [try expression()]
                while isSymbol(",") {
                    advance()
                    indices.append(try expression())
                }
                try expect("]", "to close the index")
                base = .index(base, indices, position)
            } else if isSymbol(".") {
                advance()
                guard case .identifier(let name) = current.kind else { throw unexpected("expected an attribute name after '.'") }
                advance()
                base = .attribute(base, name, position)
            } else {
                return base
            }
        }
    }

    private mutating func arguments() throws -> [Argument] {
        var result: [Argument] = []
        var sawKeyword = false
        while !isSymbol(")") {
            var label: String?
            if case .identifier(let name) = current.kind, tokens[index + 1].kind == .symbol("=") {
                label = name
                advance()
                advance()
                sawKeyword = true
            } else if sawKeyword {
                throw ScriptError("positional argument after keyword arguments", at: current.position)
            }
            result.append(Argument(label: label, value: try expression()))
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
        while !isSymbol(closing) {
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
