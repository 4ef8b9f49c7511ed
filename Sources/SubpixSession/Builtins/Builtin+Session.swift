import SubpixLanguage

extension Builtin {
    /// A builtin of the session (see the example on ``Builtin``): its body is handed
    /// the ``Session`` it runs in.
    public init(
        _ name: String, _ parameters: [Parameter], category: Category, summary: String, details: String = "",
        journaled: Bool = false, variadic: Bool = false, variadicName: String = "values", forwardedKeywords: String? = nil,
        body: @escaping @Sendable (Arguments, Session) throws -> Value
    ) {
        self.init(
            name, parameters, category: category, summary: summary, details: details, journaled: journaled,
            variadic: variadic, variadicName: variadicName, forwardedKeywords: forwardedKeywords
        ) { arguments, context in
            // Sessions are the only contexts; another would be a programming error, reported, not a crash.
            guard let session = context as? Session else { throw ScriptError("\(name)() runs only in a subpix session") }
            return try body(arguments, session)
        }
    }
}
