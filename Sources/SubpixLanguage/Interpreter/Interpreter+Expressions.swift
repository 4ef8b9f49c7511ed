import Subpix

extension Interpreter {
    func evaluate(_ expression: Expression) throws -> Value {
        switch expression {
        case .integer(let value, _):
            return .int(value)
        case .float(let value, _):
            return .float(value)
        case .string(let text, _):
            return .string(text)
        case .formatString(let parts, _):
            return .string(try format(parts))
        case .name(let name, let position):
            return try lookup(name, at: position)
        case .lambda(let definition, _):
            return .userFunction(try ScriptFunction(definition, in: frame, evaluate: evaluate))
        case .value(let value, _):
            return value
        case .tuple(let items, _):
            return .tuple(try items.map(evaluate))
        case .list(let items, _):
            return .list(try items.map(evaluate))
        case .dictionary(let entries, let position):
            return .dictionary(try ScriptDictionary(entries.map { (try evaluate($0.key), try evaluate($0.value)) }, at: position))
        case .comprehension(let comprehension, let position):
            return try evaluate(comprehension, at: position)
        case .unaryMinus(let operand, let position):
            return try Arithmetic.negate(evaluate(operand), at: position)
        case .invert(let operand, let position):
            return try Arithmetic.invert(evaluate(operand), at: position)
        case .not(let operand, _):
            return .bool(!(try truth(of: operand)))
        case .binary(let op, let left, let right, let position):
            return try Arithmetic.apply(op, evaluate(left), evaluate(right), at: position)
        case .comparison(let first, let links, _):
            var left = try evaluate(first)
            var result = Value.bool(true)
            for link in links {
                let right = try evaluate(link.operand)
                result = try ValueComparison.apply(link.op, left, right, at: link.position)
                // A chain stops at the first false link, as Python's `a < b < c` does; a mask ends it too.
                guard case .bool(true) = result else { return result }
                left = right
            }
            return result
        case .logical(let isAnd, let left, let right, _):
            let value = try evaluate(left)
            return try Truth.of(value, at: left.start) == isAnd ? try evaluate(right) : value
        case .conditional(let condition, let value, let alternative, _):
            return try evaluate(truth(of: condition) ? value : alternative)
        case .index(let base, let subscripts, let position):
            return try Indexing.index(evaluate(base), subscripts.map { try item($0, at: position) }, at: position)
        case .attribute(let base, let name, let position):
            let value = try evaluate(base)
            guard case .view = value else { return try Indexing.attribute(value, name, at: position) }
            do {
                return try context.setting(name)
            } catch let error as ScriptError {
                throw ScriptError(error.message, at: position)
            }
        case .call(let callee, let arguments, _):
            return try call(callee, arguments)
        }
    }

    /// An f-string's text: each field's value formatted by its spec (`f"{x:.3f}"`).
    private func format(_ parts: [FormatPart]) throws -> String {
        try parts.map { part in
            switch part {
            case .text(let text): return text
            case .field(let expression, let repr, let spec):
                let value = try evaluate(expression)
                return try Formatting.format(repr ? .string(value.repr) : value, spec: format(spec), at: expression.start)
            }
        }.joined()
    }

    /// A list or dict comprehension, its loop variables local to it (as in Python 3).
    private func evaluate(_ comprehension: Comprehension, at position: SourcePosition) throws -> Value {
        let inner = Interpreter(context: context, frame: Frame(), callDepth: callDepth)
        inner.frame!.locals = frame?.locals ?? [:]
        var elements: [Value] = []
        var dictionary = ScriptDictionary()
        func loop(_ clauses: ArraySlice<Comprehension.Clause>) throws {
            guard let clause = clauses.first else {
                if let key = comprehension.key {
                    try dictionary.set(try inner.evaluate(key), try inner.evaluate(comprehension.element), at: key.start)
                } else {
                    elements.append(try inner.evaluate(comprehension.element))
                }
                return
            }
            for item in try Iteration.elements(of: inner.evaluate(clause.iterable), at: clause.iterable.start) {
                try context.checkpoint()
                try inner.store(item, in: clause.target)
                if try clause.conditions.allSatisfy({ try inner.truth(of: $0) }) { try loop(clauses.dropFirst()) }
            }
        }
        try loop(comprehension.clauses[...])
        return comprehension.key == nil ? .list(elements) : .dictionary(dictionary)
    }

    /// Evaluates one subscript: an integer, `None`, a member name, a mask, a slice or `...`.
    func item(_ part: Subscript, at position: SourcePosition) throws -> IndexItem {
        switch part {
        case .ellipsis:
            return .ellipsis
        case .index(let expression):
            switch try evaluate(expression) {
            case .int(let index): return .position(index)
            case .bool(let flag): return .position(flag ? 1 : 0)
            case .none: return .newAxis
            case .mask(let mask): return .mask(mask)
            case let key: return .key(key)
            }
        case .slice(let start, let stop, let step):
            func bound(_ expression: Expression?) throws -> Int? {
                guard let expression else { return nil }
                switch try evaluate(expression) {
                case .int(let bound): return bound
                case .none: return nil
                case let other: throw ScriptError("expected integer slice bounds (start:stop:step), got \(other.typeWithArticle)", at: expression.start)
                }
            }
            return .slice(start: try bound(start), stop: try bound(stop), step: try bound(step))
        }
    }

    private func lookup(_ name: String, at position: SourcePosition) throws -> Value {
        if let value = frame?.locals[name] ?? context.variables[name] { return value }
        if let constant = Self.constants[name] { return constant }
        if name == "view" { return .view }
        if name == "args" { return .list(context.arguments.map { .string($0) }) }
        if context.registry[name] != nil { return .function(name) }
        let candidates = Array(frame?.locals.keys ?? [:].keys) + Array(context.variables.keys) + context.registry.names + ["view", "args"]
        let hint = Suggestion.closest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
        throw ScriptError("name '\(name)' is not defined\(hint)", at: position)
    }
}
