/// Checks script source without running it.
public enum ScriptSyntax {
    /// The number of statements in `source`.
    ///
    /// - Throws: ``ScriptError`` at the first lexical or syntax error.
    @discardableResult
    public static func validate(_ source: String) throws -> Int {
        try Parser.parse(source).count
    }
}
