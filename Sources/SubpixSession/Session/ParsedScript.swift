import SubpixLanguage

/// A script's source parsed once, to run many times (``Session/execute(_:onError:)-(ParsedScript,_)``):
/// `subpix extract --script` runs one script on every map, and parsing it each time was
/// half of that run's time.
public struct ParsedScript: Sendable {
    /// The source's characters, which journaled statements are cut from.
    let characters: [Character]
    let statements: [ParsedStatement]

    /// Parses `source`.
    ///
    /// - Throws: ``ScriptError`` at the first syntax error, before anything runs.
    public init(_ source: String) throws {
        characters = Array(source)
        statements = try Parser.parse(source)
    }
}
