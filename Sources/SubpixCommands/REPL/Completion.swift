import Foundation
import SubpixLanguage
import SubpixSession

/// What Tab offers in the REPL, from the text before the cursor:
///
/// - after `view.`: the view settings; after `x.` for a variable: its attributes;
/// - inside a builtin's parentheses: its keywords (`temperature=`), then names;
/// - elsewhere: builtins, variables, `view`, `args` and the constants.
///
/// ```swift
/// Completion.candidates(before: "conv_soft_argmax2d(x, tem", word: "tem", session: session)
/// // ["temperature="]
/// ```
enum Completion {
    static func candidates(before: String, word: String, session: Session) -> [String] {
        let head = String(before.dropLast(word.count))
        let words: [String]
        if head.hasSuffix("."), let owner = trailingIdentifier(String(head.dropLast())) {
            if owner == "view" && session.variables["view"] == nil {
                words = ViewSettingsFields.names
            } else {
                words = session.variables[owner].map(Indexing.attributes) ?? []
            }
        } else {
            let keywords = enclosingCall(head).flatMap { session.registry[$0] }?.parameters.map { $0.name + "=" } ?? []
            words = keywords + session.registry.names + session.variables.keys.sorted() + ["view", "args", "True", "False", "None"]
        }
        var seen: Set<String> = []
        return words.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
    }

    /// The identifier `text` ends with, if any.
    static func trailingIdentifier(_ text: String) -> String? {
        let name = String(text.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        guard let first = name.first, first.isLetter || first == "_" else { return nil }
        return name
    }

    /// The name before the innermost parenthesis still open in `text` (strings skipped).
    static func enclosingCall(_ text: String) -> String? {
        var opens: [String.Index] = []
        var quote: Character?
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "(", "[": opens.append(index)
            case ")", "]": _ = opens.popLast()
            default: break
            }
        }
        guard let open = opens.last, text[open] == "(" else { return nil }
        return trailingIdentifier(String(text[..<open]).trimmingCharacters(in: .whitespaces))
    }
}
