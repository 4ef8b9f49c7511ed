/// Formats errors the way compilers do: `FILE:LINE:COL: error: message`, then
/// the source line and a caret under the column.
///
///     demo.subpix:3:12: error: name 'heatt' is not defined; did you mean 'heat'?
///         y = conv(heatt)
///                  ^
///
/// Errors without a position (an unreadable file) are one line: `FILE: error: message`.
public enum Diagnostic {
    /// Lines longer than this are cut around the caret.
    static let maximumShown = 200

    public static func format(_ error: Error, file: String, source: String) -> String {
        guard let scriptError = error as? ScriptError else { return "\(file): error: \(error)" }
        guard let position = scriptError.position else { return "\(file): error: \(scriptError.message)" }
        var text = "\(file):\(position.line):\(position.column): error: \(scriptError.message)"
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard position.line >= 1, position.line <= lines.count else { return text }
        // Tabs become spaces so that the caret, one column per character, lines up.
        var shown = Array(lines[position.line - 1].map { $0 == "\t" ? " " : $0 })
        var column = max(1, min(position.column, shown.count + 1))
        let total = shown.count
        if total > maximumShown {
            // Show a window of the line around the caret, with "..." where it is cut.
            let start = max(0, min(column - 1 - maximumShown / 2, total - maximumShown))
            let end = start + maximumShown
            shown = (start > 0 ? Array("...") : []) + shown[start..<end] + (end < total ? Array("...") : [])
            column += (start > 0 ? 3 : 0) - start
        }
        text += "\n    \(String(shown))\n    " + String(repeating: " ", count: column - 1) + "^"
        return text
    }
}
