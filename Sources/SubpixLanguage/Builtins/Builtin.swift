import Subpix

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
        case gradient = "gradients"
        case keypoints = "keypoints"
        case diagnosis = "diagnosis"
        case generator = "generators"
        case shape = "shapes"
        case conversion = "numbers and conversions"
        case python = "Python builtins"
        case reduction = "reductions and tensor maths"
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
    /// For a variadic builtin, what its positional data are called in the signature (`*values`).
    public var variadicName: String
    /// Keywords the builtin does not name are collected (``Arguments/keywords``)
    /// for the builtin it calls, shown as `**name` in the signature (`vjp(..., **op_kwargs)`);
    /// nil: an unknown keyword is an error.
    public var forwardedKeywords: String?
    /// Keywords a call may not give, each with the message that says why: the
    /// arguments only another kornia release has (`eps` of `conv_quad_interp3d` in 0.9).
    public var refusedKeywords: [String: String] = [:]
    /// The same builtin as kornia `version` declares it (its signature, defaults and
    /// semantics); nil for a builtin that is the same in every release.
    public var release: (@Sendable (KorniaVersion) -> Builtin)?
    let body: @Sendable (Arguments, any ScriptContext) throws -> Value

    /// A builtin whose body runs against any ``ScriptContext``; the session's
    /// builtins are made with its `init(..., body:)` that hands the body the session.
    package init(
        _ name: String, _ parameters: [Parameter], category: Category, summary: String, details: String = "",
        journaled: Bool = false, variadic: Bool = false, variadicName: String = "values", forwardedKeywords: String? = nil,
        contextBody body: @escaping @Sendable (Arguments, any ScriptContext) throws -> Value
    ) {
        self.name = name
        self.parameters = parameters
        self.category = category
        self.summary = summary
        self.details = details
        self.journaled = journaled
        self.variadic = variadic
        self.variadicName = variadicName
        self.forwardedKeywords = forwardedKeywords
        self.body = body
    }

    /// `name(a, b=1, c=True)`, as `help` shows it: a variadic builtin's required
    /// parameters, then `*values`, then the others (`print(*values, format=None)`,
    /// `vjp(op, *inputs, cotangents=None, **op_kwargs)`).
    public var signature: String {
        let format = { (parameter: Parameter) in parameter.defaultValue.map { "\(parameter.name)=\($0.repr)" } ?? parameter.name }
        let required = variadic ? parameters.filter { $0.defaultValue == nil } : []
        let list = required.map(format) + (variadic ? ["*" + variadicName] : [])
            + parameters.filter { !variadic || $0.defaultValue != nil }.map(format)
            + (forwardedKeywords.map { ["**" + $0] } ?? [])
        return "\(name)(\(list.joined(separator: ", ")))"
    }
}
