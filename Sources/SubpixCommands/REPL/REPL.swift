import Foundation
import Subpix
import SubpixLanguage
import SubpixSession

/// The read–eval–print loop of `subpix repl`.
///
/// On a terminal (stdin and stdout both TTYs): a banner, `>>> ` / `... `
/// prompts, readline editing with persistent history and Tab completion, echo
/// of expression values, coloured `show`. Otherwise (piped): no banner, no
/// prompt, no escape codes, so `subpix repl < cmds.txt > out.txt` gives
/// plain results. Input continues over lines while a bracket is open or after a
/// `\\`; a line that opens a block (`for c in range(3):`) reads the block until an
/// empty line, or (as piped input has) a line back at the margin. Errors
/// go to stderr as `<repl>:LINE:COL: error: ...` with a caret and never end
/// the session or lose variables; piped input that had any error exits 1, as
/// `python < file` does.
public struct REPL {
    public let session: Session
    private let interactive: Bool

    /// - Parameter interactive: whether to prompt and edit (`nil`: when stdin and stdout are terminals).
    public init(session: Session, interactive: Bool? = nil) {
        self.session = session
        self.interactive = interactive ?? (isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1)
    }

    /// Runs until end of input (Ctrl-D on an empty prompt); returns the exit
    /// status: 0, or 1 when a piped (non-interactive) input had an error.
    @discardableResult
    public func run() -> Int32 {
        let editor = interactive ? LineEditor(completions: completions) : nil
        if interactive {
            session.colorOutput = ProcessInfo.processInfo.environment["TERM"].map { $0 != "dumb" } ?? false
            session.isInterrupted = Interrupt.take
            print("subpix \(SubpixVersion.string) — kornia.geometry.subpix in the terminal. help() lists builtins; Ctrl-D exits.")
        }
        var failed = false
        var buffer = ""
        var firstLine = 1
        var lineNumber = 0
        reading: while true {
            let input = editor.map { $0.readLine(prompt: buffer.isEmpty ? ">>> " : "... ") }
                ?? Swift.readLine(strippingNewline: true).map(LineEditor.Input.line) ?? .end
            switch input {
            case .interrupted:
                buffer = ""
            case .end where interactive && !buffer.isEmpty:
                // Ctrl-D on a continuation line ends the entry (and reports what is missing).
                failed = !evaluate(buffer, firstLine: 1) || failed
                buffer = ""
            case .end:
                break reading
            case .line(let line):
                lineNumber += 1
                if !buffer.isEmpty, Lexer.continuation(of: buffer) == .openBlock, Self.startsStatement(line) {
                    // A line back at the margin ends the block before it.
                    editor?.remember(buffer)
                    failed = !evaluate(buffer, firstLine: interactive ? 1 : firstLine) || failed
                    buffer = ""
                }
                if buffer.isEmpty { firstLine = lineNumber }
                buffer += buffer.isEmpty ? line : "\n" + line
                if Lexer.continuation(of: buffer) != .complete { continue }
                editor?.remember(buffer)
                failed = !evaluate(buffer, firstLine: interactive ? 1 : firstLine) || failed
                buffer = ""
            }
        }
        if !buffer.isEmpty { failed = !evaluate(buffer, firstLine: firstLine) || failed }
        if interactive { print("") }
        return failed && !interactive ? 1 : 0
    }

    /// Whether `line` starts a statement of its own at the margin (not `elif`/`else`, which continue an `if`).
    private static func startsStatement(_ line: String) -> Bool {
        guard let first = line.first, !first.isWhitespace, first != "#" else { return false }
        let word = line.prefix { $0.isLetter }
        return word != "elif" && word != "else"
    }

    /// Runs one entry; echoes a value that is not `None`; reports an error. Returns whether it succeeded.
    private func evaluate(_ source: String, firstLine: Int) -> Bool {
        do {
            let value = try Interrupt.evaluating { try session.execute(source) }
            if let value, !value.isNone { session.output(value.repr) }
            return true
        } catch {
            let name = interactive ? "<repl>" : "<stdin>"
            // Pad the source so the error's line numbers count from the start of the input.
            let padded = String(repeating: "\n", count: firstLine - 1) + source
            let shifted = (error as? ScriptError).map { error in
                ScriptError(error.message, at: error.position.map { SourcePosition(line: $0.line + firstLine - 1, column: $0.column) })
            } ?? error
            FileHandle.standardError.write(Data((Diagnostic.format(shifted, file: name, source: padded) + "\n").utf8))
            return false
        }
    }

    /// Tab completion over this session (see ``Completion``).
    private var completions: (String, String) -> [String] {
        let session = self.session
        return { before, word in Completion.candidates(before: before, word: word, session: session) }
    }
}
