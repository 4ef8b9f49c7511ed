/// One parsed statement with the source it came from.
package struct ParsedStatement: Sendable, Equatable {
    package var statement: Statement
    /// Where the statement starts.
    package var position: SourcePosition
    /// Its characters, as offsets into `Array(source)` (first token to last token; a block's whole text).
    package var range: Range<Int>
}

/// Parses tokens into statements (recursive descent), Python's grammar for the subset scripts use.
///
///     block      := simples | NEWLINE INDENT statement+ DEDENT
///     statement  := 'if' expr ':' block ('elif' expr ':' block)* ['else' ':' block]
///                 | 'for' targets 'in' exprs ':' block | 'while' expr ':' block
///                 | 'def' NAME '(' [param (',' param)*] ')' ':' block      param := NAME ['=' expr]
///                 | simples
///     simples    := simple (';' simple)* [';'] NEWLINE
///     simple     := 'pass' | 'break' | 'continue' | 'return' [exprs]
///                 | targets '=' exprs | target ('+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=') expr | exprs
///     target     := NAME | postfix '.' NAME | postfix '[' subscripts ']' | '(' targets ')'
///
/// Expressions are in `Parser+Expressions.swift`. Words of Python this subset leaves
/// out (`class`, `import`, `try`, `with`, ...) are refused by name.
///
/// Expressions nest at most ``maximumDepth`` levels (brackets, operands of a
/// chain such as `1 + 1 + ...`, unary signs) and blocks at most ``maximumDepth``
/// levels, so hostile input cannot exhaust the stack of the parser or of the
/// interpreter that walks the tree.
package struct Parser {
    static let maximumDepth = 200

    /// Python words this language does not have; each is refused as "X is not supported in subpix scripts".
    static let unsupportedWords: Set<String> = [
        "class", "import", "from", "try", "except", "finally", "with", "raise", "yield",
        "global", "nonlocal", "del", "assert", "async", "await",
    ]

    /// Words that cannot name a variable.
    static let keywords: Set<String> = unsupportedWords.union([
        "if", "elif", "else", "for", "in", "while", "def", "return", "break", "continue", "pass",
        "and", "or", "not", "is", "lambda",
    ])

    /// The augmented assignments and the operator each applies (`x += 1` is `x = x + 1`).
    static let augmented: [Symbol: BinaryOperator] = [
        .plusEquals: .add, .minusEquals: .subtract, .starEquals: .multiply, .slashEquals: .divide,
        .doubleSlashEquals: .floorDivide, .percentEquals: .remainder, .doubleStarEquals: .power,
    ]

    var tokens: [Token]
    var index = 0
    var depth = 0

    init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole source text into statements.
    package static func parse(_ source: String) throws -> [ParsedStatement] {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        return try parser.statements()
    }

    var current: Token { tokens[index] }
    var next: Token { tokens[min(index + 1, tokens.count - 1)] }

    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    func isSymbol(_ symbol: Symbol) -> Bool { current.kind == .symbol(symbol) }

    func isWord(_ word: String) -> Bool { current.kind == .identifier(word) }

    /// The current token's symbol when it is one of `symbols`.
    func symbol(among symbols: Set<Symbol>) -> Symbol? {
        if case .symbol(let symbol) = current.kind, symbols.contains(symbol) { return symbol }
        return nil
    }

    var atEndOfStatement: Bool { current.kind == .newline || current.kind == .end || current.kind == .dedent || isSymbol(.semicolon) }

    mutating func expect(_ symbol: Symbol, _ context: String) throws {
        guard isSymbol(symbol) else { throw unexpected("expected '\(symbol.rawValue)' \(context)") }
        advance()
    }

    mutating func expectWord(_ word: String, _ context: String) throws {
        guard isWord(word) else { throw unexpected("expected '\(word)' \(context)") }
        advance()
    }

    func unexpected(_ expectation: String) -> ScriptError {
        if case .identifier(let word) = current.kind, Self.unsupportedWords.contains(word) { return Self.unsupported(word, at: current.position) }
        // The newline the lexer adds at the end of input has no text: there, the input ended.
        let atEnd = current.range.isEmpty && tokens[index...].allSatisfy { [.newline, .dedent, .end].contains($0.kind) }
        return ScriptError("\(expectation), got \(atEnd ? "end of input" : current.quoted)", at: current.position)
    }

    static func unsupported(_ word: String, at position: SourcePosition) -> ScriptError {
        ScriptError("'\(word)' is not supported in subpix scripts (docs/repl.md, \"For Python users\", lists what is)", at: position)
    }

    /// Enters one level of nesting; throws past ``maximumDepth``.
    mutating func descend(at position: SourcePosition) throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw ScriptError("expression nested deeper than \(Self.maximumDepth) levels", at: position)
        }
    }

    /// The statements up to the end of input (at the top level) or of the block.
    mutating func statements(inBlock: Bool = false) throws -> [ParsedStatement] {
        var result: [ParsedStatement] = []
        while current.kind != .end && !(inBlock && current.kind == .dedent) {
            switch current.kind {
            case .newline: advance()
            case .indent: throw ScriptError("unexpected indent: only the lines of a block (after a line ending in ':') are indented", at: current.position)
            case .dedent: advance()
            default: result.append(try statement())
            }
        }
        return result
    }

    /// One statement, simple or compound, through its end of line (or block).
    private mutating func statement() throws -> ParsedStatement {
        let first = current
        let parsed: Statement
        switch first.kind {
        case .identifier("if"): parsed = try conditional()
        case .identifier("for"): parsed = try forLoop()
        case .identifier("while"):
            advance()
            let condition = try expression()
            parsed = .whileLoop(condition, try block("while"))
        case .identifier("def"): parsed = try function()
        case .identifier("elif"), .identifier("else"):
            throw ScriptError("'\(first.quoted.dropFirst().dropLast())' without an 'if' before it", at: first.position)
        default:
            let simple = try simpleStatementThroughSemicolon()
            if current.kind == .newline { advance() }
            return simple
        }
        let last = tokens[..<index].last { ![.newline, .indent, .dedent, .end, .symbol(.semicolon)].contains($0.kind) } ?? first
        return ParsedStatement(statement: parsed, position: first.position, range: first.range.lowerBound..<max(first.range.upperBound, last.range.upperBound))
    }

    /// One simple statement and the `;` after it, if any, with its source range. At the top
    /// level each of `a; b` is a statement of its own; after `if x:` they are the block.
    private mutating func simpleStatementThroughSemicolon() throws -> ParsedStatement {
        let first = current
        let simple = try simpleStatement()
        guard atEndOfStatement else { throw unexpected("expected end of statement") }
        let last = tokens[index - 1]
        if isSymbol(.semicolon) { advance() }
        return ParsedStatement(statement: simple, position: first.position, range: first.range.lowerBound..<last.range.upperBound)
    }

    /// `':' block`: simple statements on the same line (`;` between them), or an indented block on the lines after.
    private mutating func block(_ owner: String) throws -> [ParsedStatement] {
        try expect(.colon, "to end the '\(owner)' line")
        guard current.kind == .newline else {
            var body: [ParsedStatement] = []
            repeat {
                body.append(try simpleStatementThroughSemicolon())
            } while tokens[index - 1].kind == .symbol(.semicolon) && ![.newline, .end, .dedent].contains(current.kind)
            if current.kind == .newline { advance() }
            return body
        }
        advance()
        guard current.kind == .indent else { throw unexpected("expected an indented block after the '\(owner)' line") }
        let saved = depth
        defer { depth = saved }
        try descend(at: current.position)
        advance()
        let body = try statements(inBlock: true)
        if current.kind == .dedent { advance() }
        return body
    }

    private mutating func conditional() throws -> Statement {
        var branches: [ConditionalBranch] = []
        repeat {
            advance()
            let condition = try expression()
            branches.append(ConditionalBranch(condition: condition, body: try block(branches.isEmpty ? "if" : "elif")))
        } while isWord("elif")
        guard isWord("else") else { return .conditional(branches, otherwise: []) }
        advance()
        return .conditional(branches, otherwise: try block("else"))
    }

    private mutating func forLoop() throws -> Statement {
        advance()
        let targetStart = current.position
        var targets: [Expression] = []
        repeat {
            if isSymbol(.comma) { advance() }
            if isWord("in") { break }
            targets.append(try bitwiseOr())
        } while isSymbol(.comma)
        try expectWord("in", "after the loop's target in 'for target in values:'")
        let target = targets.count == 1 ? try Self.target(targets[0]) : .unpack(try targets.map(Self.target), targetStart)
        let iterable = try expressions().single
        return .forLoop(target, iterable, try block("for"))
    }

    private mutating func function() throws -> Statement {
        advance()
        guard case .identifier(let name) = current.kind, !Self.keywords.contains(name) else { throw unexpected("expected the function's name after 'def'") }
        advance()
        try expect(.leftParenthesis, "after the function's name")
        let parameters = try parameterList(of: "\(name)()", until: .rightParenthesis)
        try expect(.rightParenthesis, "to close the parameters")
        return .function(FunctionDefinition(name: name, parameters: parameters, body: try block("def")))
    }

    /// `param (',' param)*` up to `end` (`)` of a `def`, `:` of a `lambda`), each `NAME ['=' expr]`.
    mutating func parameterList(of name: String, until end: Symbol) throws -> [ParameterDefinition] {
        var parameters: [ParameterDefinition] = []
        while !isSymbol(end) {
            guard case .identifier(let parameter) = current.kind, !Self.keywords.contains(parameter) else {
                if isSymbol(.star) || isSymbol(.doubleStar) { throw ScriptError("*args and **kwargs parameters are not supported in subpix scripts", at: current.position) }
                throw unexpected("expected a parameter name")
            }
            guard !parameters.contains(where: { $0.name == parameter }) else {
                throw ScriptError("duplicate parameter '\(parameter)' in the definition of \(name)", at: current.position)
            }
            let position = current.position
            advance()
            var defaultValue: Expression?
            if isSymbol(.equals) {
                advance()
                defaultValue = try expression()
            } else if parameters.last?.defaultValue != nil {
                throw ScriptError("parameter '\(parameter)' without a default follows one with a default", at: position)
            }
            parameters.append(ParameterDefinition(name: parameter, defaultValue: defaultValue))
            guard isSymbol(.comma) else { break }
            advance()
        }
        return parameters
    }

    private mutating func simpleStatement() throws -> Statement {
        if case .identifier(let word) = current.kind {
            switch word {
            case "pass", "break", "continue":
                advance()
                return word == "pass" ? .pass : word == "break" ? .breakLoop : .continueLoop
            case "return":
                advance()
                return .returnValue(atEndOfStatement ? nil : try expressions().single)
            case _ where Self.unsupportedWords.contains(word):
                throw Self.unsupported(word, at: current.position)
            default: break
            }
        }
        let left = try expressions()
        if let symbol = symbol(among: Set(Self.augmented.keys)) {
            guard left.items.count == 1 else { throw unexpected("expected one target before '\(symbol.rawValue)'") }
            let target = try Self.target(left.single)
            if case .unpack = target { throw ScriptError("cannot use '\(symbol.rawValue)' on a tuple of targets", at: target.position) }
            advance()
            return .augmentedAssignment(target, Self.augmented[symbol]!, try expressions().single)
        }
        guard isSymbol(.equals) else { return .expression(left.single) }
        advance()
        let targets = try left.items.map(Self.target)
        return .assignment(targets, try expressions().single)
    }

    /// `expr (',' expr)* [',']`: one expression, or a tuple when there are commas.
    mutating func expressions() throws -> (items: [Expression], single: Expression) {
        let first = try expression()
        var items = [first]
        var trailingComma = false
        while isSymbol(.comma) {
            advance()
            trailingComma = true
            if atEndOfStatement || isSymbol(.equals) || isSymbol(.colon) { break }
            items.append(try expression())
            trailingComma = false
        }
        return (items, items.count == 1 && !trailingComma ? first : .tuple(items, first.start))
    }

    static func target(_ expression: Expression) throws -> AssignmentTarget {
        switch expression {
        case .name(let name, let p):
            if keywords.contains(name) { throw ScriptError("cannot assign to the keyword '\(name)'", at: p) }
            return .name(name, p)
        case .attribute(let base, let name, let p): return .attribute(base, name, p)
        case .index(let base, let subscripts, let p): return .item(base, subscripts, p)
        case .tuple(let items, let p), .list(let items, let p): return .unpack(try items.map(target), p)
        case .comparison(_, let links, _) where links.first?.op == .equal:
            throw ScriptError("cannot assign to a comparison; '==' compares, '=' assigns", at: expression.start)
        default:
            throw ScriptError("cannot assign to this expression; expected a name, name.attribute or name[index]", at: expression.start)
        }
    }
}
