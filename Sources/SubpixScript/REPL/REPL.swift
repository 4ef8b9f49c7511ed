import Foundation
import Subpix

/// The read–eval–print loop of `subpix repl`: prompts and readline on a
/// terminal; plain line reading, no prompt and no escape codes on a pipe.
public struct REPL {
    public let session: Session

    public init(session: Session) { self.session = session }

    /// Runs until end of input. Errors are printed and never end the session.
    public func run() {
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        session.colorOutput = interactive && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        let editor = interactive ? LineEditor(completions: completionWords) : nil
        if interactive { print("subpix \(SubpixVersion.string) — kornia.geometry.subpix in the terminal. help() lists builtins; Ctrl-D exits.") }
        var buffer = ""
        var firstLine = 1
        var lineNumber = 0
        while true {
            let prompt = buffer.isEmpty ? ">>> " : "... "
            guard let line = editor.map({ $0.readLine(prompt: prompt) }) ?? Swift.readLine(strippingNewline: true) else { break }
            lineNumber += 1
            if LineEditor.interrupted != 0 {
                LineEditor.interrupted = 0
                buffer = ""
            }
            if buffer.isEmpty { firstLine = lineNumber }
            buffer += buffer.isEmpty ? line : "\n" + line
            if Lexer.isIncomplete(buffer) { continue }
            editor?.remember(buffer)
            evaluate(buffer, name: interactive ? "<repl>" : "<stdin>", firstLine: interactive ? 1 : firstLine)
            buffer = ""
        }
        if !buffer.isEmpty { evaluate(buffer, name: "<stdin>", firstLine: firstLine) }
        if interactive { print("") }
    }

    private func evaluate(_ source: String, name: String, firstLine: Int) {
        do {
            if let value = try session.execute(source), !isNone(value) { session.output(value.repr) }
        } catch {
            let shifted = (error as? ScriptError).map { error -> Error in
                guard let p = error.position else { return error }
                return ScriptError(error.message, at: SourcePosition(line: p.line + firstLine - 1, column: p.column))
            } ?? error
            let padded = String(repeating: "\n", count: max(0, firstLine - 1)) + source
            FileHandle.standardError.write(Data((Diagnostic.format(shifted, file: name, source: padded) + "\n").utf8))
        }
    }

    private func isNone(_ value: Value) -> Bool {
        if case .none = value { return true }
        return false
    }

    /// Builtins, variables, keyword names and view settings.
    private var completionWords: @Sendable () -> [String] {
        let registry = session.registry
        let variables = UncheckedBox(session)
        return {
            let keywords = registry.all.flatMap { $0.parameters.map { $0.name + "=" } }
            return registry.names + Array(variables.value.variables.keys) + Set(keywords).sorted()
                + ViewSettingsFields.names.map { "view." + $0 } + ["view", "args", "True", "False", "None"]
        }
    }
}

/// The REPL reads its own session from readline's completion callback on the same thread.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The product version shown by the REPL banner.
public enum SubpixVersion {
    public static let string = "0.1.0"
}
