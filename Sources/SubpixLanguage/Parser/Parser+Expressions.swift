/// Expressions, from the loosest binding to the tightest:
///
///     expr       := or ['if' or 'else' expr] | 'lambda' [param (',' param)*] ':' expr
///     or         := and ('or' and)*                      and := not ('and' not)*
///     not        := 'not' not | comparison
///     comparison := bitor (('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in' | 'is' ['not']) bitor)*
///     bitor      := bitand ('|' bitand)*                 bitand := arith ('&' arith)*
///     arith      := term (('+' | '-') term)*
///     term       := unary (('*' | '/' | '//' | '%') unary)*
///     unary      := ('-' | '+' | '~') unary | power
///     power      := postfix ['**' unary]                 (right-associative; -2**2 is -4)
///     postfix    := atom ( '(' args ')' | '[' subscripts ']' | '.' NAME )*
///     subscript  := '...' | expr | [expr] ':' [expr] [':' [expr]]
///     args       := [arg (',' arg)* [',']]               arg := [NAME '='] expr | '*' expr (keywords last)
///     atom       := NUMBER | STRING+ | FSTRING | NAME | '(' ... ')' | '[' ... ']' | '{' ... '}'
///
/// A list, dict or parenthesised expression, or the only argument of a call, may be
/// a comprehension: `[x * 2 for x in a if x > 0]`, `{k: v for k, v in d.items()}`, `sum(x for x in a)`.
extension Parser {
    mutating func expression() throws -> Expression {
        let saved = depth
        defer { depth = saved }
        try descend(at: current.position)
        if isWord("lambda") { return try lambda() }
        let value = try orTest()
        guard isWord("if") else { return value }
        let position = current.position
        advance()
        let condition = try orTest()
        try expectWord("else", "in a conditional expression 'a if condition else b'")
        return .conditional(condition: condition, value: value, alternative: try expression(), position)
    }

    /// `lambda params: expr`, a function of one expression (its body returns it).
    private mutating func lambda() throws -> Expression {
        let position = current.position
        advance()
        let parameters = try parameterList(of: "lambda", until: .colon)
        try expect(.colon, "after the lambda's parameters")
        let body = try expression()
        let returned = ParsedStatement(statement: .returnValue(body), position: body.start, range: 0..<0)
        return .lambda(FunctionDefinition(name: "<lambda>", parameters: parameters, body: [returned]), position)
    }

    private mutating func orTest() throws -> Expression {
        try logicalChain(word: "or", isAnd: false) { try $0.andTest() }
    }

    private mutating func andTest() throws -> Expression {
        try logicalChain(word: "and", isAnd: true) { try $0.notTest() }
    }

    private mutating func logicalChain(word: String, isAnd: Bool, operand: (inout Parser) throws -> Expression) throws -> Expression {
        let saved = depth
        defer { depth = saved }
        var left = try operand(&self)
        while isWord(word) {
            let position = current.position
            try descend(at: position)
            advance()
            left = .logical(isAnd: isAnd, left, try operand(&self), position)
        }
        return left
    }

    private mutating func notTest() throws -> Expression {
        guard isWord("not") else { return try comparison() }
        let position = current.position
        let saved = depth
        defer { depth = saved }
        try descend(at: position)
        advance()
        return .not(try notTest(), position)
    }

    private mutating func comparison() throws -> Expression {
        let first = try bitwiseOr()
        var links: [ComparisonLink] = []
        while let op = comparisonOperator() {
            let position = current.position
            try descend(at: position)
            advance()
            if op == .notContains || op == .isNotSame { advance() }
            links.append(ComparisonLink(op: op, operand: try bitwiseOr(), position: position))
        }
        return links.isEmpty ? first : .comparison(first, links, links[0].position)
    }

    private func comparisonOperator() -> ComparisonOperator? {
        switch current.kind {
        case .symbol(let symbol): return ComparisonOperator(rawValue: symbol.rawValue)
        case .identifier("in"): return .contains
        case .identifier("is"): return next.kind == .identifier("not") ? .isNotSame : .isSame
        case .identifier("not") where next.kind == .identifier("in"): return .notContains
        default: return nil
        }
    }

    mutating func bitwiseOr() throws -> Expression {
        try binaryChain([.bar: .or]) { try $0.bitwiseAnd() }
    }

    private mutating func bitwiseAnd() throws -> Expression {
        try binaryChain([.ampersand: .and]) { try $0.arithmetic() }
    }

    private mutating func arithmetic() throws -> Expression {
        try binaryChain([.plus: .add, .minus: .subtract]) { try $0.term() }
    }

    private mutating func term() throws -> Expression {
        try binaryChain([.star: .multiply, .slash: .divide, .doubleSlash: .floorDivide, .percent: .remainder]) { try $0.unary() }
    }

    /// `operand (op operand)*`, left-associative, for the operators in `operators`.
    private mutating func binaryChain(_ operators: [Symbol: BinaryOperator], operand: (inout Parser) throws -> Expression) throws -> Expression {
        let saved = depth
        defer { depth = saved }
        var left = try operand(&self)
        while let symbol = symbol(among: Set(operators.keys)) {
            let position = current.position
            try descend(at: position)
            advance()
            left = .binary(operators[symbol]!, left, try operand(&self), position)
        }
        return left
    }

    private mutating func unary() throws -> Expression {
        guard let sign = symbol(among: [.minus, .plus, .tilde]) else { return try power() }
        let position = current.position
        let saved = depth
        defer { depth = saved }
        try descend(at: position)
        advance()
        let operand = try unary()
        switch sign {
        case .minus: return .unaryMinus(operand, position)
        case .tilde: return .invert(operand, position)
        default: return operand
        }
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
            if isSymbol(.doubleStar) {
                throw ScriptError("unpacking keyword arguments with ** is not supported in subpix scripts", at: position)
            }
            if isSymbol(.star) {
                advance()
                guard result.last?.label == nil else { throw ScriptError("*items after keyword arguments", at: position) }
                result.append(Argument(label: nil, value: try expression(), position: position, isUnpacked: true))
                guard isSymbol(.comma) else { break }
                advance()
                continue
            }
            if case .identifier(let name) = current.kind, next.kind == .symbol(.equals) {
                label = name
                advance()
                advance()
            } else if result.last?.label != nil {
                throw ScriptError("positional argument after keyword arguments", at: current.position)
            }
            var value = try expression()
            if label == nil && result.isEmpty && isWord("for") {
                value = .comprehension(try comprehension(element: value, key: nil), value.start)
            }
            result.append(Argument(label: label, value: value, position: position))
            guard isSymbol(.comma) else { break }
            advance()
        }
        try expect(.rightParenthesis, "to close the call")
        return result
    }

    /// The `for ... in ... [if ...]` clauses after a comprehension's element.
    private mutating func comprehension(element: Expression, key: Expression?) throws -> Comprehension {
        var clauses: [Comprehension.Clause] = []
        while isWord("for") {
            advance()
            let targetStart = current.position
            var targets: [Expression] = []
            repeat {
                if isSymbol(.comma) { advance() }
                targets.append(try bitwiseOr())
            } while isSymbol(.comma)
            try expectWord("in", "after the target in 'for target in values'")
            let target = targets.count == 1 ? try Self.target(targets[0]) : .unpack(try targets.map(Self.target), targetStart)
            let iterable = try orTest()
            var conditions: [Expression] = []
            while isWord("if") {
                advance()
                conditions.append(try orTest())
            }
            clauses.append(Comprehension.Clause(target: target, iterable: iterable, conditions: conditions))
        }
        return Comprehension(key: key, element: element, clauses: clauses)
    }

    private mutating func atom() throws -> Expression {
        let token = current
        switch token.kind {
        case .integer(let value):
            advance()
            return .integer(value, token.position)
        case .float(let value):
            advance()
            return .float(value, token.position)
        case .string, .formatString:
            return try strings()
        case .identifier(let name):
            if Self.keywords.contains(name) { throw unexpected("expected an expression") }
            advance()
            return .name(name, token.position)
        case .symbol(.leftParenthesis):
            advance()
            if !isSymbol(.rightParenthesis) && !atEndOfStatement {
                let first = try expression()
                if isWord("for") {
                    let generator = try comprehension(element: first, key: nil)
                    try expect(.rightParenthesis, "to close the parenthesis")
                    return .comprehension(generator, token.position)
                }
                let items = try sequence(closing: .rightParenthesis, first: first)
                if items.elements.count == 1 && !items.trailingComma { return items.elements[0] }
                return .tuple(items.elements, token.position)
            }
            try expect(.rightParenthesis, "to close the parenthesis")
            return .tuple([], token.position)
        case .symbol(.leftBracket):
            advance()
            guard !isSymbol(.rightBracket) && !atEndOfStatement else {
                try expect(.rightBracket, "to close the list")
                return .list([], token.position)
            }
            let first = try expression()
            if isWord("for") {
                let list = try comprehension(element: first, key: nil)
                try expect(.rightBracket, "to close the list")
                return .comprehension(list, token.position)
            }
            return .list(try sequence(closing: .rightBracket, first: first).elements, token.position)
        case .symbol(.leftBrace):
            return try dictionary()
        default:
            throw unexpected("expected an expression")
        }
    }

    /// Adjacent string literals join, as in Python: `"a" "b"`, `f"{x}" "y"`.
    private mutating func strings() throws -> Expression {
        let start = current.position
        var parts: [FormatPart] = []
        var formatted = false
        while true {
            switch current.kind {
            case .string(let text):
                parts.append(.text(text))
            case .formatString(let body):
                formatted = true
                parts += try FormatStringParser.parts(body, at: current.position)
            default:
                guard formatted else {
                    let text = parts.map { if case .text(let t) = $0 { t } else { "" } }.joined()
                    return .string(text, start)
                }
                return .formatString(parts, start)
            }
            advance()
        }
    }

    private mutating func dictionary() throws -> Expression {
        let position = current.position
        advance()
        var entries: [DictionaryEntry] = []
        while !isSymbol(.rightBrace) && !atEndOfStatement {
            let key = try expression()
            guard isSymbol(.colon) else { throw ScriptError("sets are not supported in subpix scripts; a dict is written {key: value}", at: current.position) }
            advance()
            let value = try expression()
            if entries.isEmpty && isWord("for") {
                let generator = try comprehension(element: value, key: key)
                try expect(.rightBrace, "to close the dict")
                return .comprehension(generator, position)
            }
            entries.append(DictionaryEntry(key: key, value: value))
            guard isSymbol(.comma) else { break }
            advance()
        }
        try expect(.rightBrace, "to close the dict")
        return .dictionary(entries, position)
    }

    private mutating func sequence(closing: Symbol, first: Expression) throws -> (elements: [Expression], trailingComma: Bool) {
        var elements = [first]
        var trailingComma = false
        while isSymbol(.comma) {
            advance()
            trailingComma = true
            if isSymbol(closing) || atEndOfStatement { break }
            elements.append(try expression())
            trailingComma = false
        }
        try expect(closing, closing == .rightParenthesis ? "to close the parenthesis" : "to close the list")
        return (elements, trailingComma)
    }
}
