import Subpix

/// Evaluates statements against a ``ScriptContext`` (a session).
package struct Interpreter {
    let context: any ScriptContext

    package init(context: any ScriptContext) {
        self.context = context
    }

    /// Names the language provides besides variables and builtins.
    static let constants: [String: Value] = [
        "True": .bool(true), "False": .bool(false), "true": .bool(true), "false": .bool(false),
        "None": .none, "none": .none,
    ]

    /// Names that cannot be assigned: the constants, `view` and `args`.
    static func isReserved(_ name: String) -> Bool {
        constants[name] != nil || name == "view" || name == "args"
    }

    /// Runs one statement; returns the value of an expression statement.
    ///
    /// An assignment evaluates its value, checks every target (view settings
    /// together, so `view.kernel_size, view.padding = (1, 1), (0, 0)` is one
    /// valid change), and only then stores: a refused target changes nothing.
    package func run(_ statement: Statement) throws -> Value? {
        if context.isInterrupted() { throw ScriptError("interrupted") }
        switch statement {
        case .expression(let expression):
            return try evaluate(expression)
        case .assignment(let targets, let expression):
            let value = try evaluate(expression)
            let values: [Value]
            if targets.count == 1 {
                values = [value]
            } else {
                // An npz archive unpacks into its arrays in file order: `a, b = load("pair.npz")`.
                let unpacked = if case .archive(let archive) = value { archive.members.map { Value.tensor($0.tensor) } } else { value.items }
                guard let items = unpacked else {
                    throw ScriptError("cannot unpack \(value.typeWithArticle) into \(targets.count) names", at: expression.start)
                }
                guard items.count == targets.count else {
                    throw ScriptError("cannot unpack \(items.count) values into \(targets.count) names", at: expression.start)
                }
                values = items
            }
            let change = context.settingsChange()
            for (target, item) in zip(targets, values) { try check(item, for: target, change: change) }
            let fields = targets.compactMap { target -> String? in
                if case .attribute(_, let field, _) = target { return field }
                return nil
            }
            do { try change.commit(fields) } catch let error as ScriptError {
                throw ScriptError(error.message, at: targets.first?.position)
            }
            for (target, item) in zip(targets, values) {
                if case .name(let name, _) = target { context.assign(name, item) }
            }
            return nil
        }
    }

    /// Validates one assignment; view settings are applied to `change`, names are only checked.
    private func check(_ value: Value, for target: AssignmentTarget, change: SettingsChange) throws {
        switch target {
        case .name(let name, let position):
            if Self.isReserved(name) { throw ScriptError("cannot assign to '\(name)'", at: position) }
        case .attribute(let base, let field, let position):
            guard case .view = try evaluate(base) else {
                throw ScriptError("only view settings can be assigned as attributes (view.\(field) = ...)", at: position)
            }
            do {
                try change.set(field, value)
            } catch let error as ScriptError {
                throw ScriptError(error.message, at: position)
            }
        }
    }

    func evaluate(_ expression: Expression) throws -> Value {
        switch expression {
        case .number(let value, let isInteger, _):
            return isInteger && Swift.abs(value) < 9e18 ? .int(Int(value)) : .float(value)
        case .string(let text, _):
            return .string(text)
        case .name(let name, let position):
            return try lookup(name, at: position)
        case .tuple(let items, _):
            return .tuple(try items.map(evaluate))
        case .list(let items, _):
            return .list(try items.map(evaluate))
        case .unaryMinus(let operand, let position):
            return try Arithmetic.negate(evaluate(operand), at: position)
        case .binary(let op, let left, let right, let position):
            return try Arithmetic.apply(op, evaluate(left), evaluate(right), at: position)
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

    /// Evaluates one subscript: an integer, `None`, a member name, a slice or `...`.
    private func item(_ part: Subscript, at position: SourcePosition) throws -> IndexItem {
        switch part {
        case .ellipsis:
            return .ellipsis
        case .index(let expression):
            switch try evaluate(expression) {
            case .int(let index): return .position(index)
            case .none: return .newAxis
            case .string(let key): return .key(key)
            case let other: throw ScriptError("expected integer indices, got \(other.typeWithArticle)", at: position)
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
        if let value = context.variables[name] { return value }
        if let constant = Self.constants[name] { return constant }
        if name == "view" { return .view }
        if name == "args" { return .list(context.arguments.map { .string($0) }) }
        if context.registry[name] != nil { return .function(name) }
        let candidates = Array(context.variables.keys) + context.registry.names + ["view", "args"]
        let hint = Suggestion.closest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
        throw ScriptError("name '\(name)' is not defined\(hint)", at: position)
    }

    /// Calls a builtin. `view(...)` calls the builtin named `view` when the
    /// registry has one (the name is also the settings object).
    private func call(_ callee: Expression, _ arguments: [Argument]) throws -> Value {
        let position = callee.position
        if case .attribute(let base, let method, _) = callee {
            let receiver = try evaluate(base)
            if Indexing.methods(of: receiver).contains(method) {
                return try call(method: method, of: receiver, arguments, at: position)
            }
        }
        let name: String
        switch try evaluate(callee) {
        case .function(let function): name = function
        case .view: name = "view"
        case let other: throw ScriptError("\(other.typeWithArticle) is not callable", at: position)
        }
        guard let builtin = context.registry[name] else {
            throw ScriptError("'\(name)' is not callable here", at: position)
        }
        return try invoke(builtin, try Arguments(binding: arguments, to: builtin, at: position, evaluate: evaluate), at: position)
    }

    /// `f.keys()`, or `x.reshape(...)` as the builtin `reshape(x, ...)`; as in NumPy,
    /// `x.reshape(2, 3)` may spell the shape without its parentheses.
    private func call(method: String, of receiver: Value, _ arguments: [Argument], at position: SourcePosition) throws -> Value {
        if case .archive(let archive) = receiver {
            guard arguments.isEmpty else { throw ScriptError("keys() takes no arguments, got \(arguments.count)", at: position) }
            return .list(archive.names.map(Value.string))
        }
        guard let builtin = context.registry[method] else { throw ScriptError("'\(method)' is not callable here", at: position) }
        var arguments = arguments
        let positional = arguments.filter { $0.label == nil }
        if method == "reshape", positional.count > 1, let first = positional.first {
            arguments = [Argument(label: nil, value: .tuple(positional.map(\.value), first.position), position: first.position)]
                + arguments.filter { $0.label != nil }
        }
        let bound = try Arguments(binding: arguments, to: builtin, at: position, receiver: receiver, evaluate: evaluate)
        return try invoke(builtin, bound, at: position)
    }

    private func invoke(_ builtin: Builtin, _ bound: Arguments, at position: SourcePosition) throws -> Value {
        do {
            let result = try builtin.body(bound, context)
            context.didCall(builtin, with: bound)
            return result
        } catch let error as ScriptError {
            throw error.position == nil ? ScriptError(error.message, at: position) : error
        } catch {
            throw ScriptError("\(error)", at: position)
        }
    }
}
