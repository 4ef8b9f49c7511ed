/// A function written in a script with `def` or `lambda`: its parameters, their defaults
/// (evaluated once, when `def` runs, as in Python) and its body.
public struct ScriptFunction: Sendable, Equatable {
    public let name: String
    let parameters: [ParameterDefinition]
    /// The default of each parameter, nil where it has none.
    let defaults: [Value?]
    let body: [ParsedStatement]
    /// The local names of the function it was made in, as they were then (a `lambda` in a
    /// `def` reads the `def`'s parameters); empty at the module level, whose names it reads live.
    let captured: [String: Value]

    /// The function `definition` makes in `frame` (nil at the module level), its defaults evaluated now.
    init(_ definition: FunctionDefinition, in frame: Interpreter.Frame?, evaluate: (Expression) throws -> Value) throws {
        name = definition.name
        parameters = definition.parameters
        defaults = try definition.parameters.map { try $0.defaultValue.map(evaluate) }
        body = definition.body
        captured = frame?.locals ?? [:]
    }

    /// `name(a, b=2)`.
    var signature: String {
        name + "(" + zip(parameters, defaults).map { parameter, value in
            value.map { "\(parameter.name)=\($0.repr)" } ?? parameter.name
        }.joined(separator: ", ") + ")"
    }
}
