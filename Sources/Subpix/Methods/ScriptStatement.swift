/// A script statement as a method writes it (`coords, vals = conv_soft_argmax2d(x, ...)`),
/// kept as data so that the script layer prints it in its own syntax.
public struct ScriptStatement: Sendable, Equatable {
    /// The variables assigned, left to right.
    public var targets: [String]
    public var value: ScriptExpression

    public init(_ targets: [String], _ value: ScriptExpression) {
        self.targets = targets
        self.value = value
    }
}

/// An expression of a written script.
public indirect enum ScriptExpression: Sendable, Equatable {
    case name(String)
    case literal(ArgumentValue)
    /// `op(positional..., keyword=value...)`.
    case call(String, [ScriptExpression], keywords: [ScriptKeyword])
}

/// One `keyword=value` of a call.
public struct ScriptKeyword: Sendable, Equatable {
    public var name: String
    public var value: ScriptExpression

    public init(_ name: String, _ value: ScriptExpression) {
        self.name = name
        self.value = value
    }
}

extension ScriptExpression {
    /// `op(arguments..., keywords...)` with literal keyword values.
    public static func call(_ op: String, _ arguments: [ScriptExpression], _ keywords: KeyValuePairs<String, ArgumentValue> = [:]) -> ScriptExpression {
        .call(op, arguments, keywords: keywords.map { ScriptKeyword($0.key, .literal($0.value)) })
    }
}
