import Foundation
import SubpixSession

/// The `:` line's shorthands for jumping to a map by number: `:c 12` is the statement
/// `view.channel = 12` (and `:b 3` the batch, `:d 4` the depth), run and journaled as
/// that statement. A shorthand is never a valid statement itself (`c 12` is a syntax
/// error), so no statement is taken for one.
struct CommandShorthand: Sendable {
    /// What is typed: `c`.
    let word: String
    /// The `view` field it sets: `channel`.
    let field: String
    /// The change it makes, given the number.
    let change: @Sendable (Int) -> ViewChange

    static let all = [CommandShorthand(word: "c", field: "channel", change: ViewChange.channel),
                      CommandShorthand(word: "b", field: "batch", change: ViewChange.batch),
                      CommandShorthand(word: "d", field: "depth", change: ViewChange.depth)]

    /// For the key table: "`:c 12`, `:b 3`, `:d 4` jump to channel 12, batch 3, depth 4".
    static var help: String {
        let examples = zip(all, [12, 3, 4])
        return examples.map { "`:\($0.word) \($1)`" }.joined(separator: ", ") + " jump to "
            + examples.map { "\($0.field) \($1)" }.joined(separator: ", ")
    }

    /// The statement `text` stands for (`c 12` → `view.channel = 12`), or nil when it is no shorthand.
    static func statement(for text: String) -> String? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 2, let shorthand = all.first(where: { $0.word == words[0] }),
              words[1].allSatisfy(\.isASCII), let number = Int(words[1]) else { return nil }
        return ViewChange.statement([shorthand.change(number)])
    }
}
