/// Formats script errors the way compilers do:
///
///     demo.subpix:3:12: error: name 'heatt' is not defined; did you mean 'heat'?
///         y = conv(heatt)
///                  ^
public enum Diagnostic {
    public static func format(_ error: Error, file: String, source: String) -> String {
        guard let scriptError = error as? ScriptError else { return "\(file): error: \(error)" }
        guard let position = scriptError.position else { return "\(file): error: \(scriptError.message)" }
        var text = "\(file):\(position.line):\(position.column): error: \(scriptError.message)"
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if position.line >= 1, position.line <= lines.count {
            let line = lines[position.line - 1]
            let shown = line.count > 200 ? String(line.prefix(200)) + "..." : String(line)
            let caret = min(position.column, 201)
            text += "\n    \(shown)\n    " + String(repeating: " ", count: max(0, caret - 1)) + "^"
        }
        return text
    }
}
