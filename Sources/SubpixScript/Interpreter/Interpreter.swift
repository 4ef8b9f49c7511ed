import Dispatch
import Foundation
import Subpix

/// Evaluates statements against a ``Session``.
struct Interpreter {
    let session: Session

    /// Names the language provides besides variables and builtins.
    static let constants: [String: Value] = [
        "True": .bool(true), "False": .bool(false), "true": .bool(true), "false": .bool(false),
        "None": .none, "none": .none,
    ]

    func run(_ statement: Statement) throws -> Value? {
        switch statement {
        case .expression(let expression):
            return try evaluate(expression)
        case .assignment(let targets, let expression):
            let value = try evaluate(expression)
            if targets.count == 1 {
                try assign(value, to: targets[0])
            } else {
                guard let items = value.items else {
                    throw ScriptError("cannot unpack a \(value.typeName) into \(targets.count) names", at: expression.position)
                }
                guard items.count == targets.count else {
                    throw ScriptError("cannot unpack \(items.count) values into \(targets.count) names", at: expression.position)
                }
                for (target, item) in zip(targets, items) { try assign(item, to: target) }
            }
            return nil
        }
    }

    private func assign(_ value: Value, to target: AssignmentTarget) throws {
        switch target {
        case .name(let name, let position):
            guard Self.constants[name] == nil, name != "view", name != "args" else {
                throw ScriptError("cannot assign to '\(name)'", at: position)
            }
            session.assign(name, value)
        case .attribute(let base, let field, let position):
            guard case .view = try evaluate(base) else {
                throw ScriptError("only view settings can be assigned as attributes (view.\(field) = ...)", at: position)
            }
            do {
                session.view = try ViewSettingsFields.setting(field, to: value, in: session.view)
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
        case .index(let base, let indices, let position):
            return try Indexing.index(evaluate(base), indices.map(evaluate), at: position)
        case .attribute(let base, let name, let position):
            let value = try evaluate(base)
            if case .view = value {
                do { return try ViewSettingsFields.value(of: name, in: session.view) } catch let error as ScriptError {
                    throw ScriptError(error.message, at: position)
                }
            }
            return try Indexing.attribute(value, name, at: position)
        case .call(let callee, let arguments, let position):
            return try call(callee, arguments, at: position)
        }
    }

    private func lookup(_ name: String, at position: SourcePosition) throws -> Value {
        if let value = session.variables[name] { return value }
        if let constant = Self.constants[name] { return constant }
        if name == "view" { return .view }
        if name == "args" { return .list(session.arguments.map { .string($0) }) }
        if session.registry[name] != nil { return .function(name) }
        let candidates = Array(session.variables.keys) + session.registry.names + ["view", "args"]
        let hint = Suggestion.closest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
        throw ScriptError("name '\(name)' is not defined\(hint)", at: position)
    }

    private func call(_ callee: Expression, _ arguments: [Argument], at position: SourcePosition) throws -> Value {
        let target = try evaluate(callee)
        guard case .function(let name) = target, let builtin = session.registry[name] else {
            throw ScriptError("a \(target.typeName) is not callable", at: position)
        }
        if name == "time" { return try time(arguments, at: position) }
        var positional: [Value] = []
        var keywords: [(String, Value)] = []
        for argument in arguments {
            let value = try evaluate(argument.value)
            if let label = argument.label { keywords.append((label, value)) } else { positional.append(value) }
        }
        do {
            let bound = try Arguments(binding: positional, keywords, to: builtin)
            return try builtin.body(bound, session)
        } catch let error as ScriptError {
            throw error.position == nil ? ScriptError(error.message, at: position) : error
        } catch {
            throw ScriptError("\(error)", at: position)
        }
    }
}

extension Interpreter {
    /// `time(expr, repeat=5)`: evaluates `expr` (unevaluated by the call) `repeat`
    /// times, prints the median and minimum in milliseconds, returns its value.
    private func time(_ arguments: [Argument], at position: SourcePosition) throws -> Value {
        guard let expression = arguments.first(where: { $0.label == nil || $0.label == "expr" })?.value else {
            throw ScriptError("time() missing required argument 'expr'", at: position)
        }
        var repeats = 5
        if let argument = arguments.first(where: { $0.label == "repeat" }) ?? arguments.dropFirst().first(where: { $0.label == nil }) {
            guard case .int(let count) = try evaluate(argument.value), count >= 1, count <= 1_000_000 else {
                throw ScriptError("time(): expected repeat to be an integer in 1...1000000", at: position)
            }
            repeats = count
        }
        if let unknown = arguments.first(where: { $0.label != nil && $0.label != "expr" && $0.label != "repeat" }) {
            throw ScriptError("time() got an unexpected keyword '\(unknown.label ?? "")'; valid keywords: expr, repeat", at: position)
        }
        var samples: [Double] = []
        var result = Value.none
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            result = try evaluate(expression)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        session.output(String(format: "time: median %.3f ms, min %.3f ms over %d runs", samples[samples.count / 2], samples[0], repeats))
        return result
    }
}

/// "Did you mean" suggestions by edit distance.
enum Suggestion {
    /// The closest candidate within an edit distance of a third of the name's length
    /// (at least 1), and fewer edits than the name has letters.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = min(max(1, name.count / 3), name.count - 1)
        let scored = candidates.map { ($0, distance(name, $0)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
