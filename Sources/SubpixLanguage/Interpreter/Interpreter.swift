import Subpix

/// Evaluates statements against a ``ScriptContext`` (a session).
///
/// Module-level names live in the context; a function written with `def` runs
/// with its own ``Frame`` of local names and reads module names (and builtins)
/// that it does not assign. Calls nest at most ``maximumCallDepth`` deep.
package struct Interpreter {
    let context: any ScriptContext
    /// The local names of the function running; nil at the module level.
    let frame: Frame?
    /// How many functions written with `def` are running.
    let callDepth: Int

    /// Calls of script functions nest at most this deep ("maximum recursion depth").
    package static let maximumCallDepth = 100

    package init(context: any ScriptContext) {
        self.init(context: context, frame: nil, callDepth: 0)
    }

    init(context: any ScriptContext, frame: Frame?, callDepth: Int) {
        self.context = context
        self.frame = frame
        self.callDepth = callDepth
    }

    /// The local variables of one call of a script function.
    final class Frame {
        var locals: [String: Value] = [:]
    }

    /// What a statement asks of the block around it.
    enum Flow: Equatable {
        case next
        case breakLoop
        case continueLoop
        case returned(Value)
    }

    /// Names the language provides besides variables and builtins.
    static let constants: [String: Value] = [
        "True": .bool(true), "False": .bool(false), "true": .bool(true), "false": .bool(false),
        "None": .none, "none": .none, "stdout": .string("stdout"), "stderr": .string("stderr"),
        "inf": .float(.infinity), "nan": .float(.nan), "pi": .float(.pi),
    ]

    /// Names that cannot be assigned: the constants, `view` and `args`.
    static func isReserved(_ name: String) -> Bool {
        constants[name] != nil || name == "view" || name == "args"
    }

    /// Runs one top-level statement; returns the value of an expression statement.
    ///
    /// An assignment evaluates its value, checks every target (view settings
    /// together, so `view.kernel_size, view.padding = (1, 1), (0, 0)` is one
    /// valid change), and only then stores: a refused target changes nothing.
    package func run(_ parsed: ParsedStatement) throws -> Value? {
        try checkpoint(at: parsed.position)
        if case .expression(let expression) = parsed.statement { return try evaluate(expression) }
        switch try execute(parsed) {
        case .next: return nil
        case .breakLoop: throw ScriptError("'break' outside a loop", at: parsed.position)
        case .continueLoop: throw ScriptError("'continue' outside a loop", at: parsed.position)
        case .returned: throw ScriptError("'return' outside a function", at: parsed.position)
        }
    }

    /// Asks the context whether to go on (Ctrl-C, time limit), naming the statement's line when not.
    private func checkpoint(at position: SourcePosition) throws {
        do {
            try context.checkpoint()
        } catch let error as ScriptError {
            throw ScriptError(error.message, at: error.position ?? position)
        }
    }

    /// Runs a block's statements in order, until one breaks, continues or returns.
    func execute(_ block: [ParsedStatement]) throws -> Flow {
        for parsed in block {
            try checkpoint(at: parsed.position)
            let flow = try execute(parsed)
            if flow != .next { return flow }
        }
        return .next
    }

    private func execute(_ parsed: ParsedStatement) throws -> Flow {
        switch parsed.statement {
        case .expression(let expression):
            _ = try evaluate(expression)
        case .assignment(let targets, let expression):
            try assign(try evaluate(expression), to: targets, from: expression)
        case .augmentedAssignment(let target, let op, let expression):
            let current = try evaluate(Self.expression(of: target))
            let value = try Arithmetic.apply(op, current, try evaluate(expression), at: target.position)
            try assign(value, to: [target], from: expression)
        case .conditional(let branches, let otherwise):
            for branch in branches where try truth(of: branch.condition) { return try execute(branch.body) }
            return try execute(otherwise)
        case .forLoop(let target, let iterable, let body):
            let values = try evaluate(iterable)
            // Each turn checks the limits before its body's statements (``execute(_:)-swift.method``), so the error names the one that was next.
            for item in try Iteration.elements(of: values, at: iterable.start) {
                try store(item, in: target)
                switch try execute(body) {
                case .breakLoop: return .next
                case .returned(let value): return .returned(value)
                case .next, .continueLoop: continue
                }
            }
        case .whileLoop(let condition, let body):
            while try truth(of: condition) {
                switch try execute(body) {
                case .breakLoop: return .next
                case .returned(let value): return .returned(value)
                case .next, .continueLoop: continue
                }
            }
        case .function(let definition):
            let function = try ScriptFunction(definition, in: frame, evaluate: evaluate)
            try store(.userFunction(function), in: .name(definition.name, parsed.position))
        case .returnValue(let expression):
            guard frame != nil else { throw ScriptError("'return' outside a function", at: parsed.position) }
            return .returned(try expression.map(evaluate) ?? .none)
        case .breakLoop: return .breakLoop
        case .continueLoop: return .continueLoop
        case .pass: break
        }
        return .next
    }

    /// Python's truth of a condition's value.
    func truth(of expression: Expression) throws -> Bool {
        try Truth.of(evaluate(expression), at: expression.start)
    }

    /// `targets = value`: one target takes the value, several unpack it. View settings are
    /// checked together and committed at once; a refused target changes nothing.
    private func assign(_ value: Value, to targets: [AssignmentTarget], from expression: Expression) throws {
        let values: [Value]
        if targets.count == 1 {
            values = [value]
        } else {
            values = try unpack(value, into: targets.count, at: expression.start)
        }
        let change = context.settingsChange()
        var fields: [String] = []
        for (target, item) in zip(targets, values) {
            switch target {
            case .name(let name, let position):
                if Self.isReserved(name) { throw ScriptError("cannot assign to '\(name)'", at: position) }
            case .attribute(let base, let field, let position):
                try checkView(base, field, at: position)
                do { try change.set(field, item) } catch let error as ScriptError { throw ScriptError(error.message, at: position) }
                fields.append(field)
            case .item, .unpack:
                break
            }
        }
        if !fields.isEmpty {
            do { try change.commit(fields) } catch let error as ScriptError { throw ScriptError(error.message, at: targets.first?.position) }
        }
        for (target, item) in zip(targets, values) {
            if case .attribute = target { continue }
            try store(item, in: target)
        }
    }

    /// The items `value` unpacks into (`a, b = ...`): a tuple's, a list's, an npz archive's arrays in file order.
    private func unpack(_ value: Value, into count: Int, at position: SourcePosition) throws -> [Value] {
        let unpacked = if case .archive(let archive) = value { archive.members.map { Value.tensor($0.tensor) } } else { value.items }
        guard let items = unpacked ?? (try? Iteration.array(of: value, at: position)) else {
            throw ScriptError("cannot unpack \(value.typeWithArticle) into \(count) names", at: position)
        }
        guard items.count == count else {
            throw ScriptError("cannot unpack \(items.count) values into \(count) names", at: position)
        }
        return items
    }

    private func checkView(_ base: Expression, _ field: String, at position: SourcePosition) throws {
        guard case .view = try evaluate(base) else {
            throw ScriptError("only view settings can be assigned as attributes (view.\(field) = ...)", at: position)
        }
    }

    /// Stores `value` in one target: a name (local in a function), a view setting, an item, or a tuple of targets.
    func store(_ value: Value, in target: AssignmentTarget) throws {
        switch target {
        case .name(let name, let position):
            if Self.isReserved(name) { throw ScriptError("cannot assign to '\(name)'", at: position) }
            if let frame { frame.locals[name] = value } else { context.assign(name, value) }
        case .attribute:
            try assign(value, to: [target], from: Self.expression(of: target))
        case .item(let base, let subscripts, let position):
            let container = try evaluate(base)
            let items = try subscripts.map { try item($0, at: position) }
            let updated = try ItemAssignment.set(value, in: container, at: items, position: position)
            try store(updated, in: try Parser.target(base))
        case .unpack(let targets, let position):
            for (target, item) in zip(targets, try unpack(value, into: targets.count, at: position)) { try store(item, in: target) }
        }
    }

    /// The expression that reads what `target` stores to (`x[0] += 1` reads `x[0]`).
    static func expression(of target: AssignmentTarget) -> Expression {
        switch target {
        case .name(let name, let p): .name(name, p)
        case .attribute(let base, let name, let p): .attribute(base, name, p)
        case .item(let base, let subscripts, let p): .index(base, subscripts, p)
        case .unpack(let targets, let p): .tuple(targets.map(expression), p)
        }
    }
}
