import CReadline
import Foundation

/// Interactive line input through GNU readline (the `CReadline` system
/// library): editing keys, history kept in a file across runs, Tab completion,
/// and Ctrl-C that cancels the line being typed.
///
/// Readline runs in its callback mode, so a Ctrl-C (counted by ``Interrupt``)
/// is noticed between keystrokes and the line is abandoned cleanly.
public final class LineEditor {
    /// What one call to ``readLine(prompt:)`` produced.
    public enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the end of input.
        case end
    }

    private let historyPath: String

    /// - Parameters:
    ///   - historyPath: where history persists (`SUBPIX_HISTORY`, else `~/.subpix_history`).
    ///   - completions: the words Tab offers, given the text before the cursor and the word being completed.
    public init(historyPath: String = LineEditor.defaultHistoryPath,
                completions: @escaping (_ before: String, _ word: String) -> [String]) {
        self.historyPath = historyPath
        Completer.provider = completions
        subpix_rl_configure { text, state in Completer.next(text, state) }
        using_history()
        _ = read_history(historyPath)
        stifle_history(2000)
        Interrupt.install()
    }

    /// `SUBPIX_HISTORY` when set, else `~/.subpix_history`.
    public static var defaultHistoryPath: String {
        if let custom = ProcessInfo.processInfo.environment["SUBPIX_HISTORY"], !custom.isEmpty { return custom }
        return NSHomeDirectory() + "/.subpix_history"
    }

    /// Reads one line with `prompt`.
    public func readLine(prompt: String) -> Input {
        Pending.reset()
        _ = Interrupt.take()
        rl_callback_handler_install(prompt) { raw in
            Pending.finish(raw.map { String(cString: $0) })
            free(raw)
        }
        defer { rl_callback_handler_remove() }
        while !Pending.done {
            if Interrupt.take() {
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_replace_line("", 0)
                FileHandle.standardOutput.write(Data("^C\n".utf8))
                return .interrupted
            }
            var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&input, 1, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return .end
            }
            rl_callback_read_char()
        }
        return Pending.line.map(Input.line) ?? .end
    }

    /// Records a complete entry in the history file. A multi-line entry (an
    /// open bracket continued) is stored on one line when that keeps its meaning.
    public func remember(_ entry: String) {
        guard let line = Self.historyLine(entry) else { return }
        add_history(line)
        _ = write_history(historyPath)
    }

    /// `entry` as one history line: blank entries are skipped; line breaks
    /// inside brackets are spaces to the language, so they become spaces
    /// unless a comment would then swallow the rest.
    static func historyLine(_ entry: String) -> String? {
        let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let lines = trimmed.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard lines.dropLast().allSatisfy({ !$0.contains("#") }) else { return trimmed }
        return lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

/// The line the readline callback delivered (readline calls back on this thread).
private enum Pending {
    nonisolated(unsafe) static var done = false
    nonisolated(unsafe) static var line: String?

    static func reset() {
        done = false
        line = nil
    }

    static func finish(_ text: String?) {
        done = true
        line = text
    }
}

/// The words Tab completion offers; readline asks for them one at a time.
private enum Completer {
    nonisolated(unsafe) static var provider: (String, String) -> [String] = { _, _ in [] }
    nonisolated(unsafe) static var matches: [String] = []

    static func next(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
        if subpix_rl_quote() != 0 { return rl_filename_completion_function(text, state) }
        if state == 0 {
            let word = text.map { String(cString: $0) } ?? ""
            let line = subpix_rl_line().map { String(cString: $0) } ?? ""
            let point = Int(subpix_rl_point())
            let before = String(decoding: Array(line.utf8).prefix(point), as: UTF8.self)
            matches = provider(before, word)
            // No space after a completed name: what follows is mostly `(`, `.`, `[`, `,` or `)`.
            subpix_rl_suppress_append(1)
        }
        let index = Int(state)
        guard index < matches.count else { return nil }
        return strdup(matches[index])
    }
}
