import CReadline
import Foundation

/// Interactive line input through GNU readline: editing, history kept in a
/// file across runs, and tab completion of the words `completions` returns.
public final class LineEditor {
    private let historyPath: String

    /// - Parameter historyPath: where history persists (`SUBPIX_HISTORY`, else `~/.subpix_history`).
    public init(historyPath: String = LineEditor.defaultHistoryPath, completions: @escaping @Sendable () -> [String]) {
        self.historyPath = historyPath
        CompletionWords.provider = completions
        subpix_rl_configure({ text, state in CompletionWords.next(text, state) })
        using_history()
        _ = read_history(historyPath)
        stifle_history(2000)
        installInterruptHandler()
    }

    public static var defaultHistoryPath: String {
        if let custom = ProcessInfo.processInfo.environment["SUBPIX_HISTORY"], !custom.isEmpty { return custom }
        return NSHomeDirectory() + "/.subpix_history"
    }

    /// One line, or `nil` at end of input (Ctrl-D).
    public func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// Records a complete statement in the history file.
    public func remember(_ entry: String) {
        guard !entry.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        add_history(entry)
        _ = write_history(historyPath)
    }

    /// Ctrl-C abandons the line being typed and shows a fresh prompt.
    private func installInterruptHandler() {
        signal(SIGINT) { _ in
            LineEditor.interrupted = 1
            write(STDOUT_FILENO, "\n", 1)
            rl_replace_line("", 0)
            rl_on_new_line()
            rl_redisplay()
        }
    }

    /// Set when Ctrl-C abandoned a line; the REPL clears any continuation buffer.
    nonisolated(unsafe) public static var interrupted: sig_atomic_t = 0
}

/// The words tab completion offers; readline asks for them one at a time.
private enum CompletionWords {
    nonisolated(unsafe) static var provider: @Sendable () -> [String] = { [] }
    nonisolated(unsafe) static var matches: [String] = []

    static func next(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
        if state == 0 {
            let prefix = text.map { String(cString: $0) } ?? ""
            matches = provider().filter { $0.hasPrefix(prefix) }.sorted()
        }
        let index = Int(state)
        guard index < matches.count else { return nil }
        return strdup(matches[index])
    }
}
