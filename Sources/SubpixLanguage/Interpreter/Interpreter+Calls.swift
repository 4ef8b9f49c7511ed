import Subpix

extension Interpreter {
    /// Calls a builtin, a function written with `def`, or a method (`x.sum()`, `s.split()`,
    /// `a.append(4)`). `view(...)` calls the builtin named `view` when the registry has
    /// one (the name is also the settings object).
    func call(_ callee: Expression, _ arguments: [Argument]) throws -> Value {
        let position = callee.position
        let arguments = try unpacked(arguments)
        if case .attribute(let base, let method, _) = callee {
            let receiver = try evaluate(base)
            if let result = try callMethod(method, of: receiver, base: base, arguments, at: position) { return result }
        }
        return try call(try evaluate(callee), arguments, at: position)
    }

    /// Calls the function `function` names: a builtin, or one written with `def` or `lambda`.
    private func call(_ function: Value, _ arguments: [Argument], at position: SourcePosition) throws -> Value {
        let name: String
        switch function {
        case .function(let function): name = function
        case .userFunction(let function): return try call(function, arguments, at: position)
        case .view: name = "view"
        case let other: throw ScriptError("\(other.typeWithArticle) is not callable", at: position)
        }
        guard let builtin = context.registry[name] else {
            throw ScriptError("'\(name)' is not callable here", at: position)
        }
        let bound = try Arguments(binding: arguments, to: builtin, at: position, evaluate: evaluate, call: caller(at: position))
        return try invoke(builtin, bound, at: position)
    }

    /// How a builtin calls a function value it was given (`sorted(xs, key=f)`): as a call at `position`.
    private func caller(at position: SourcePosition) -> (Value, [Value]) throws -> Value {
        { function, values in
            try call(function, values.map { Argument(label: nil, value: .value($0, position), position: position) }, at: position)
        }
    }

    /// The arguments with each `*items` replaced by its items. Once a call has one, every
    /// argument is evaluated here, left to right, as Python does.
    private func unpacked(_ arguments: [Argument]) throws -> [Argument] {
        guard arguments.contains(where: \.isUnpacked) else { return arguments }
        return try arguments.flatMap { argument -> [Argument] in
            let value = try evaluate(argument.value)
            guard argument.isUnpacked else { return [Argument(label: argument.label, value: .value(value, argument.value.start), position: argument.position)] }
            let items: [Value]
            do {
                items = try Iteration.array(of: value, at: argument.position)
            } catch {
                throw ScriptError("*items needs an iterable (a list, tuple, dict, str, range, tensor or keypoints), got \(value.typeWithArticle)", at: argument.position)
            }
            return items.map { Argument(label: nil, value: .value($0, argument.position), position: argument.position) }
        }
    }

    /// A method of `receiver`, or nil when it has none of that name (the call then reports it).
    ///
    /// - The methods of strings, lists, dicts, numbers and tensors (``ValueMethods``); a method
    ///   that changes a list or dict (`a.append(4)`) stores the changed value back where `base` reads.
    /// - `f.keys()` of an npz archive.
    /// - `x.reshape(...)`, `x.sum(axis=1)`: the builtin `reshape(x, ...)`; as in NumPy,
    ///   `x.reshape(2, 3)` may spell the shape without its parentheses.
    private func callMethod(_ method: String, of receiver: Value, base: Expression, _ arguments: [Argument], at position: SourcePosition) throws -> Value? {
        if case .archive(let archive) = receiver, method == "keys" {
            guard arguments.isEmpty else { throw ScriptError("keys() takes no arguments, got \(arguments.count)", at: position) }
            return .list(archive.names.map(Value.string))
        }
        if ValueMethods.has(method, receiver) {
            var positional: [Value] = []
            var keywords: [(String, Value)] = []
            for argument in arguments {
                let value = try evaluate(argument.value)
                if let label = argument.label { keywords.append((label, value)) } else { positional.append(value) }
            }
            let outcome = try ValueMethods.call(method, of: receiver, positional, keywords, at: position)
            if let updated = outcome.updated, let target = try? Parser.target(base) { try store(updated, in: target) }
            return outcome.result
        }
        guard Indexing.methods(of: receiver).contains(method) else { return nil }
        guard let builtin = context.registry[method] else { throw ScriptError("'\(method)' is not callable here", at: position) }
        var arguments = arguments
        let positional = arguments.filter { $0.label == nil }
        if method == "reshape", positional.count > 1, let first = positional.first {
            arguments = [Argument(label: nil, value: .tuple(positional.map(\.value), first.position), position: first.position)]
                + arguments.filter { $0.label != nil }
        }
        let bound = try Arguments(binding: arguments, to: builtin, at: position, receiver: receiver, evaluate: evaluate, call: caller(at: position))
        return try invoke(builtin, bound, at: position)
    }

    /// Runs a function written with `def`: binds the arguments as Python does, then its body in a fresh frame.
    private func call(_ function: ScriptFunction, _ arguments: [Argument], at position: SourcePosition) throws -> Value {
        guard callDepth < Self.maximumCallDepth else {
            throw ScriptError("maximum recursion depth exceeded: \(Self.maximumCallDepth) calls of script functions are running (in \(function.name)())", at: position)
        }
        let frame = Frame()
        let names = function.parameters.map(\.name)
        var positionalCount = 0
        for argument in arguments {
            let value = try evaluate(argument.value)
            let name: String
            if let label = argument.label {
                guard names.contains(label) else {
                    let hint = Suggestion.closest(to: label, among: names).map { "did you mean '\($0)'? " } ?? ""
                    throw ScriptError("\(function.name)() got an unexpected keyword '\(label)'; \(hint)it takes \(function.signature)", at: argument.position)
                }
                name = label
            } else {
                guard positionalCount < names.count else {
                    throw ScriptError("\(function.name)() takes \(names.count) positional argument\(names.count == 1 ? "" : "s"), got \(arguments.filter { $0.label == nil }.count)", at: argument.position)
                }
                name = names[positionalCount]
                positionalCount += 1
            }
            guard frame.locals.updateValue(value, forKey: name) == nil else {
                throw ScriptError("\(function.name)() got multiple values for '\(name)'", at: argument.position)
            }
        }
        for (parameter, defaultValue) in zip(function.parameters, function.defaults) where frame.locals[parameter.name] == nil {
            guard let defaultValue else { throw ScriptError("\(function.name)() missing required argument '\(parameter.name)'", at: position) }
            frame.locals[parameter.name] = defaultValue
        }
        frame.locals.merge(function.captured) { parameter, _ in parameter }
        let body = Interpreter(context: context, frame: frame, callDepth: callDepth + 1)
        switch try body.execute(function.body) {
        case .returned(let value): return value
        case .next: return .none
        case .breakLoop, .continueLoop: throw ScriptError("'break' or 'continue' outside a loop in \(function.name)()", at: position)
        }
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
