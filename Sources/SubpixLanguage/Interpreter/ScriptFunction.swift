/// A function written in a script with `def`: its parameters, their defaults
/// (evaluated once, when `def` runs, as in Python) and its body.
public struct ScriptFunction: Sendable, Equatable {
    public let name: String
    let parameters: [ParameterDefinition]
    /// The default of each parameter, nil where it has none.
    let defaults: [Value?]
    let body: [ParsedStatement]

    /// `name(a, b=2)`.
    var signature: String {
        name + "(" + zip(parameters, defaults).map { parameter, value in
            value.map { "\(parameter.name)=\($0.repr)" } ?? parameter.name
        }.joined(separator: ", ") + ")"
    }
}
