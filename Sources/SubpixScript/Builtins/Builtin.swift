/// A function of the script language: its name, parameters with defaults
/// (kornia's names and defaults for the ops), a one-line doc, and its body.
public struct Builtin: Sendable {
    /// One parameter; `defaultValue == nil` means required.
    public struct Parameter: Sendable {
        public var name: String
        public var defaultValue: Value?

        public init(_ name: String, _ defaultValue: Value? = nil) {
            self.name = name
            self.defaultValue = defaultValue
        }
    }

    public var name: String
    public var parameters: [Parameter]
    /// One line: what the builtin does.
    public var summary: String
    /// More detail for `help(name)`: formulas, conventions, rules.
    public var details: String
    /// Whether a statement calling it belongs in the session journal (false
    /// for output-only builtins like `print`, and for `save`, which must not
    /// overwrite on replay).
    public var journaled: Bool
    /// Extra positional arguments beyond `parameters` are collected (for `print`).
    public var variadic: Bool
    let body: @Sendable (Arguments, Session) throws -> Value

    public init(
        _ name: String, _ parameters: [Parameter], summary: String, details: String = "",
        journaled: Bool = true, variadic: Bool = false,
        body: @escaping @Sendable (Arguments, Session) throws -> Value
    ) {
        self.name = name
        self.parameters = parameters
        self.summary = summary
        self.details = details
        self.journaled = journaled
        self.variadic = variadic
        self.body = body
    }

    /// `name(a, b=1, c=True)`, as `help` shows it.
    public var signature: String {
        let list = parameters.map { parameter in
            parameter.defaultValue.map { "\(parameter.name)=\($0.repr)" } ?? parameter.name
        } + (variadic ? ["..."] : [])
        return "\(name)(\(list.joined(separator: ", ")))"
    }
}
