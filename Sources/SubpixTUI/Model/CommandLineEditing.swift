import Foundation

/// The `:` command line: typing, history, and asking for the statement to be run
/// (``ViewerEffect/run(_:)``), a shorthand (``CommandShorthand``) as the statement it stands for.
extension ViewerModel {
    func editCommand(_ text: String, _ key: Key) {
        switch key {
        case .enter:
            mode = .normal
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            commandHistory.append(text)
            historyIndex = nil
            request(.run(CommandShorthand.statement(for: text) ?? text))
        case .escape:
            mode = .normal
        case .backspace:
            mode = text.isEmpty ? .normal : .command(String(text.dropLast()))
        case .up, .down:
            guard !commandHistory.isEmpty else { return }
            let index = key == .up ? max(0, (historyIndex ?? commandHistory.count) - 1) : min(commandHistory.count, (historyIndex ?? commandHistory.count) + 1)
            historyIndex = index
            mode = .command(index < commandHistory.count ? commandHistory[index] : "")
        case .character(let character):
            mode = .command(text.count < 10_000 ? text + String(character) : text)
        default:
            break
        }
    }
}
