import Subpix

/// The arguments of one call, bound to a builtin's parameters by position and
/// keyword, with typed accessors that throw one-line errors naming the
/// builtin, the parameter, what was expected and what was given — positioned
/// at the offending argument:
///
///     spatial_softmax2d(): expected input to be a tensor, got int 3
public struct Arguments {
    /// The builtin's name, for messages.
    public let function: String
    private var values: [String: Value] = [:]
    private var positions: [String: SourcePosition] = [:]
    private var variableNames: [String: String] = [:]
    /// How ``call(_:_:)`` calls a function value: the interpreter running the call.
    private let caller: ((Value, [Value]) throws -> Value)?
    private var deferred: [String: () throws -> Value] = [:]
    /// Every positional argument of a variadic builtin (`print`) after its required parameters.
    public private(set) var rest: [Value] = []
    /// The keywords a builtin with ``Builtin/forwardedKeywords`` does not name, in call order.
    public private(set) var keywords: [(label: String, value: Value)] = []

    /// Binds `arguments` to `builtin`'s parameters, then evaluates them in
    /// source order with `evaluate` (deferred parameters are kept unevaluated).
    /// A method call's `receiver` (`x` of `x.reshape(...)`) is the first parameter
    /// (of a variadic builtin without required parameters, the first of its data: `x.max()`).
    ///
    /// Binding comes first, so a misspelt keyword is reported before any
    /// argument is computed.
    init(binding arguments: [Argument], to builtin: Builtin, at position: SourcePosition, receiver: Value? = nil,
         evaluate: @escaping (Expression) throws -> Value, call: ((Value, [Value]) throws -> Value)? = nil) throws {
        function = builtin.name
        caller = call
        let names = builtin.parameters.map(\.name)
        var target: [Slot] = []
        let leading = builtin.variadic ? builtin.parameters.prefix { $0.defaultValue == nil }.map(\.name) : names
        var seen: Set<String> = []
        var positionalCount = 0
        if let receiver, builtin.variadic, leading.isEmpty {
            rest.append(receiver)
        } else if let receiver, let first = names.first {
            values[first] = receiver
            seen.insert(first)
            positionalCount = 1
        }
        var forwarded: Set<String> = []
        for argument in arguments {
            let name: String?
            if let label = argument.label, !names.contains(label), builtin.forwardedKeywords != nil {
                guard forwarded.insert(label).inserted else {
                    throw ScriptError("\(builtin.name)() got multiple values for '\(label)'", at: argument.position)
                }
                target.append(.keyword(label))
                continue
            } else if let label = argument.label {
                if let refusal = builtin.refusedKeywords[label] { throw ScriptError(refusal, at: argument.position) }
                guard names.contains(label) else {
                    throw ScriptError(Self.unknownKeyword(label, of: builtin), at: argument.position)
                }
                name = label
            } else if builtin.variadic && positionalCount >= leading.count {
                target.append(.rest)
                continue
            } else {
                guard positionalCount < leading.count else {
                    let given = arguments.filter { $0.label == nil }.count
                    let takes = names.isEmpty ? "takes no arguments" : "takes at most \(names.count) positional argument\(names.count == 1 ? "" : "s")"
                    throw ScriptError("\(builtin.name)() \(takes), got \(given)", at: argument.position)
                }
                name = names[positionalCount]
                positionalCount += 1
            }
            if let name {
                guard seen.insert(name).inserted else {
                    throw ScriptError("\(builtin.name)() got multiple values for '\(name)'", at: argument.position)
                }
            }
            target.append(name.map(Slot.parameter) ?? .rest)
        }
        if let missing = builtin.parameters.first(where: { !seen.contains($0.name) && $0.defaultValue == nil }) {
            throw ScriptError("\(builtin.name)() missing required argument '\(missing.name)'", at: position)
        }
        for (argument, slot) in zip(arguments, target) {
            let name: String
            switch slot {
            case .rest: rest.append(try evaluate(argument.value)); continue
            case .keyword(let label): keywords.append((label, try evaluate(argument.value))); continue
            case .parameter(let parameter): name = parameter
            }
            positions[name] = argument.value.start
            if case .name(let variable, _) = argument.value { variableNames[name] = variable }
            if builtin.parameters.first(where: { $0.name == name })?.isDeferred == true {
                let expression = argument.value
                deferred[name] = { try evaluate(expression) }
            } else {
                values[name] = try evaluate(argument.value)
            }
        }
        for parameter in builtin.parameters where values[parameter.name] == nil && deferred[parameter.name] == nil {
            values[parameter.name] = parameter.defaultValue
        }
    }

    /// Binds values already computed — a builtin called by another, as `vjp`
    /// calls its op — with the checks and messages of a call written in a script.
    package init(values: [Value], keywords: [(label: String, value: Value)], to builtin: Builtin, at position: SourcePosition?) throws {
        let place = position ?? SourcePosition(line: 1, column: 1)
        let arguments = values.map { Argument(label: nil, value: .value($0, place), position: place) }
            + keywords.map { Argument(label: $0.label, value: .value($0.value, place), position: place) }
        try self.init(binding: arguments, to: builtin, at: place) { expression in
            guard case .value(let value, _) = expression else { return .none }
            return value
        }
    }

    /// Where a call's argument goes: a parameter, the variadic data, or the forwarded keywords.
    private enum Slot {
        case parameter(String)
        case rest
        case keyword(String)
    }

    /// `f() got an unexpected keyword 'x'; did you mean 'y'? valid keywords: ...`
    static func unknownKeyword(_ label: String, of builtin: Builtin) -> String {
        let names = builtin.parameters.map(\.name)
        guard !names.isEmpty else { return "\(builtin.name)() got an unexpected keyword '\(label)'; it takes no keyword arguments" }
        let hint = Suggestion.closest(to: label, among: names).map { "did you mean '\($0)'? " } ?? ""
        return "\(builtin.name)() got an unexpected keyword '\(label)'; \(hint)valid keywords: \(names.joined(separator: ", "))"
    }

    /// Calls `function` (a builtin, or a function written with `def` or `lambda`) with
    /// `arguments`, as the script would: how `sorted(xs, key=f)` and `map(f, xs)` call `f`.
    public func call(_ function: Value, _ arguments: [Value]) throws -> Value {
        guard let caller else { throw ScriptError("\(self.function)() cannot call a function here") }
        return try caller(function, arguments)
    }

    /// The bound value of a parameter (`None` when absent).
    public subscript(name: String) -> Value { values[name] ?? .none }

    /// Evaluates a deferred parameter's expression once more (its default value when not given).
    public func evaluate(_ name: String) throws -> Value {
        try deferred[name]?() ?? self[name]
    }

    /// Whether the call wrote an argument for parameter `name` (by position or
    /// keyword) rather than leaving it at its default.
    public func isGiven(_ name: String) -> Bool { positions[name] != nil }

    /// The variable the argument of parameter `name` was, when it was written
    /// as a bare name (`view(heat)` gives `heat`).
    public func variableName(_ name: String) -> String? { variableNames[name] }

    /// An error about parameter `name`, positioned at its argument:
    /// `f(): expected NAME to be EXPECTATION, got GOT` (`got` describes the argument by default).
    public func error(_ name: String, _ expectation: String, got: String? = nil) -> ScriptError {
        ScriptError("\(function)(): expected \(name) to be \(expectation), got \(got ?? Self.describe(self[name]))", at: positions[name])
    }

    /// A value as messages show it: `int 3`, `str 'a'`, `a tensor of shape (1, 4)`, `tuple (2, -1)`.
    package static func describe(_ value: Value) -> String {
        switch value {
        case .tensor(let t): return "a tensor of shape \(formatShape(t.shape))"
        case .int, .float, .bool, .tuple, .list:
            let text = value.repr
            return text.count <= 40 ? "\(value.typeName) \(text)" : value.typeWithArticle
        case .string(let s): return "str '\(s)'"
        default: return value.typeWithArticle
        }
    }

    public func tensor(_ name: String) throws -> AnyTensor {
        switch self[name] {
        case .tensor(let t): return t
        case .archive(let archive):
            throw error(name, "a tensor", got: "\(archive.kind.withArticle); pick one of its arrays: f[\"\(archive.names.first ?? "name")\"]")
        default: throw error(name, "a tensor")
        }
    }

    public func optionalTensor(_ name: String) throws -> AnyTensor? {
        self[name].isNone ? nil : try tensor(name)
    }

    /// A mask from `nms2d`/`nms3d(..., mask_only=True)`, or `None`.
    public func optionalMask(_ name: String) throws -> Mask? {
        switch self[name] {
        case .none: return nil
        case .mask(let mask): return mask
        default: throw error(name, Method.Parameter.Kind.mask.expectation)
        }
    }

    /// A number: an int, a float, or a one-element tensor (not a bool).
    public func double(_ name: String) throws -> Double {
        if case .bool = self[name] { throw error(name, "a number") }
        guard let number = self[name].number else { throw error(name, "a number") }
        return number
    }

    public func optionalDouble(_ name: String) throws -> Double? {
        self[name].isNone ? nil : try double(name)
    }

    public func int(_ name: String) throws -> Int {
        guard case .int(let value) = self[name] else { throw error(name, "an integer") }
        return value
    }

    public func optionalInt(_ name: String) throws -> Int? {
        self[name].isNone ? nil : try int(name)
    }

    /// `True`/`False` (also 1/0).
    /// A function to ``call(_:_:)``: a builtin, or one written with `def` or `lambda`.
    public func function(_ name: String) throws -> Value {
        switch self[name] {
        case .function, .userFunction: return self[name]
        default: throw error(name, "a function (a builtin such as len, one written with def, or a lambda)")
        }
    }

    public func bool(_ name: String) throws -> Bool {
        switch self[name] {
        case .bool(let flag): return flag
        case .int(let value) where value == 0 || value == 1: return value == 1
        default: throw error(name, "True or False")
        }
    }

    public func string(_ name: String) throws -> String {
        guard case .string(let text) = self[name] else { throw error(name, "a string") }
        return text
    }

    public func optionalString(_ name: String) throws -> String? {
        self[name].isNone ? nil : try string(name)
    }

    /// A tuple or list of `count` integers (an integer alone stands for all `count`).
    public func ints(_ name: String, count: Int) throws -> [Int] {
        let list = try intList(name)
        if list.count == 1, case .int = self[name] { return Array(repeating: list[0], count: count) }
        guard list.count == count else { throw error(name, "a tuple of \(count) integers") }
        return list
    }

    /// A tuple or list of integers of any length (an integer alone is a list of one).
    public func intList(_ name: String) throws -> [Int] {
        if case .int(let single) = self[name] { return [single] }
        guard let items = self[name].items else { throw error(name, "a tuple of integers") }
        return try items.map { item in
            guard case .int(let value) = item else { throw error(name, "a tuple of integers") }
            return value
        }
    }
}
