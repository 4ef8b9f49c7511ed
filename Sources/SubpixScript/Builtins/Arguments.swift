import Subpix

/// The arguments of one call, bound to a builtin's parameters by position and
/// keyword, with typed accessors that throw one-line errors naming the
/// builtin, the parameter, what was expected and what was given.
public struct Arguments {
    public let function: String
    private var values: [String: Value]
    /// Every positional argument of a variadic builtin (`print`).
    public let rest: [Value]

    init(binding positional: [Value], _ keywords: [(String, Value)], to builtin: Builtin) throws {
        function = builtin.name
        var bound: [String: Value] = [:]
        let names = builtin.parameters.map(\.name)
        // A variadic builtin (print) takes every positional argument as data; its parameters are keyword-only.
        let fixed = builtin.variadic ? [] : positional
        guard positional.count <= names.count || builtin.variadic else {
            throw ScriptError("\(builtin.name)() takes at most \(names.count) positional arguments, got \(positional.count)")
        }
        for (name, value) in zip(names, fixed) { bound[name] = value }
        for (name, value) in keywords {
            guard names.contains(name) else {
                let valid = names.isEmpty ? "it takes no keyword arguments" : "valid keywords: \(names.joined(separator: ", "))"
                throw ScriptError("\(builtin.name)() got an unexpected keyword '\(name)'; \(valid)")
            }
            guard bound[name] == nil else {
                throw ScriptError("\(builtin.name)() got multiple values for '\(name)'")
            }
            bound[name] = value
        }
        for parameter in builtin.parameters where bound[parameter.name] == nil {
            guard let fallback = parameter.defaultValue else {
                throw ScriptError("\(builtin.name)() missing required argument '\(parameter.name)'")
            }
            bound[parameter.name] = fallback
        }
        values = bound
        rest = builtin.variadic ? positional : []
    }

    public subscript(name: String) -> Value { values[name] ?? .none }

    private func error(_ name: String, _ expectation: String) -> ScriptError {
        ScriptError("\(function)(): expected \(name) to be \(expectation), got \(describe(self[name]))")
    }

    private func describe(_ value: Value) -> String {
        switch value {
        case .tensor(let t): "a tensor of shape \(formatShape(t.shape))"
        case .int, .float, .bool: "\(value.typeName) \(value.repr)"
        case .string(let s): "str '\(s)'"
        default: "a \(value.typeName)"
        }
    }

    public func tensor(_ name: String) throws -> AnyTensor {
        guard case .tensor(let t) = self[name] else { throw error(name, "a tensor") }
        return t
    }

    public func optionalTensor(_ name: String) throws -> AnyTensor? {
        if case .none = self[name] { return nil }
        return try tensor(name)
    }

    public func double(_ name: String) throws -> Double {
        guard let number = self[name].number, !isBool(name) else { throw error(name, "a number") }
        return number
    }

    public func optionalDouble(_ name: String) throws -> Double? {
        if case .none = self[name] { return nil }
        return try double(name)
    }

    public func int(_ name: String) throws -> Int {
        guard case .int(let value) = self[name] else { throw error(name, "an integer") }
        return value
    }

    public func optionalInt(_ name: String) throws -> Int? {
        if case .none = self[name] { return nil }
        return try int(name)
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

    /// A tuple or list of `count` integers (an integer alone stands for all `count`).
    public func ints(_ name: String, count: Int) throws -> [Int] {
        if case .int(let single) = self[name] { return Array(repeating: single, count: count) }
        guard let items = self[name].items, items.count == count else {
            throw error(name, "a tuple of \(count) integers")
        }
        return try items.map { item in
            guard case .int(let value) = item else { throw error(name, "a tuple of \(count) integers") }
            return value
        }
    }

    /// A tuple or list of integers of any length.
    public func intList(_ name: String) throws -> [Int] {
        if case .int(let single) = self[name] { return [single] }
        guard let items = self[name].items else { throw error(name, "a tuple of integers") }
        return try items.map { item in
            guard case .int(let value) = item else { throw error(name, "a tuple of integers") }
            return value
        }
    }

    private func isBool(_ name: String) -> Bool {
        if case .bool = self[name] { return true }
        return false
    }
}
