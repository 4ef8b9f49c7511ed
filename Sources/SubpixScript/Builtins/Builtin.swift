/// A function of the script language: its name, parameters with defaults
/// (kornia's names and defaults for the ops), a one-line summary, details for
/// `help(name)`, and its body.
///
/// ```swift
/// Builtin("double", [.init("x"), .init("times", .int(2))], category: .session,
///         summary: "multiply x by times") { args, _ in
///     .float(try args.double("x") * Double(try args.int("times")))
/// }
/// ```
public struct Builtin: Sendable {
    /// One parameter; `defaultValue == nil` means required.
    public struct Parameter: Sendable {
        public var name: String
        public var defaultValue: Value?
        /// The argument is passed unevaluated and evaluated by the body with
        /// ``Arguments/evaluate(_:)`` (as many times as it likes): `time(expr)`.
        public var isDeferred: Bool

        public init(_ name: String, _ defaultValue: Value? = nil, deferred: Bool = false) {
            self.name = name
            self.defaultValue = defaultValue
            self.isDeferred = deferred
        }
    }

    /// The groups `help()` and `docs/repl.md` list builtins in.
    public enum Category: String, Sendable, CaseIterable {
        case op = "kornia ops"
        case field = "field decoders"
        case keypoints = "keypoints"
        case diagnosis = "diagnosis"
        case generator = "generators"
        case shape = "shapes"
        case conversion = "numbers and conversions"
        case file = "files"
        case session = "output and session"
    }

    public var name: String
    public var parameters: [Parameter]
    public var category: Category
    /// One line: what the builtin does.
    public var summary: String
    /// More detail for `help(name)`: formulas, conventions, rules.
    public var details: String
    /// Whether a bare call (`view(x)`, not `y = f(x)`) changes the session and
    /// so belongs in the journal. Assignments are always journaled; bare calls
    /// of pure functions and of output builtins (`print`, `save`) are not.
    public var journaled: Bool
    /// Positional arguments are all collected as data (``Arguments/rest``); the
    /// parameters can then only be given by keyword (`print(a, b, format="csv")`).
    public var variadic: Bool
    let body: @Sendable (Arguments, Session) throws -> Value

    public init(
        _ name: String, _ parameters: [Parameter], category: Category, summary: String, details: String = "",
        journaled: Bool = false, variadic: Bool = false,
        body: @escaping @Sendable (Arguments, Session) throws -> Value
    ) {
        self.name = name
        self.parameters = parameters
        self.category = category
        self.summary = summary
        self.details = details
        self.journaled = journaled
        self.variadic = variadic
        self.body = body
    }

    /// `name(a, b=1, c=True)`, as `help` shows it (`print(*values, format=None)` when variadic).
    public var signature: String {
        let list = (variadic ? ["*values"] : []) + parameters.map { parameter in
            parameter.defaultValue.map { "\(parameter.name)=\($0.repr)" } ?? parameter.name
        }
        return "\(name)(\(list.joined(separator: ", ")))"
    }
}
