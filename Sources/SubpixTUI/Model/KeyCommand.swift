/// One row of the viewer's key table: the keys, what they do, and the action.
///
/// The table (``KeyTable/commands``) is the only place keys are defined: the
/// `?` overlay, the hint bar and the key table of `docs/viewer.md` are
/// generated from it.
public struct KeyCommand: Sendable {
    /// The keys of the row; a pair such as `t` / `T` lowers / raises the same thing.
    public let keys: [Key]
    /// How the keys are written in the overlay and the docs (`t / T`).
    public let label: String
    /// What the keys do, in a few words (the overlay and the docs).
    public let help: String
    /// More for the docs only (limits, side effects).
    public let details: String?
    /// The short name in the hint bar (`temp` → `t/T temp`); nil leaves the row out of it.
    public let hint: String?
    /// How long the hint stays when the bar is too narrow for all: the lowest rank goes
    /// first (``KeyTable/hintBar(width:)``); nil never goes (`q`, `?`).
    public let hintRank: Int?
    /// An example of the statement the key runs or is journaled as (the docs); nil for viewer-only keys.
    public let statement: String?
    /// Runs the key: the model and the position of the pressed key in ``keys``.
    let action: @Sendable (ViewerModel, Int) -> Void

    init(_ keys: [Key], _ label: String, _ help: String, details: String? = nil, hint: String? = nil, hintRank: Int? = nil,
         statement: String? = nil, action: @escaping @Sendable (ViewerModel, Int) -> Void) {
        self.keys = keys
        self.label = label
        self.help = help
        self.details = details
        self.hint = hint
        self.hintRank = hintRank
        self.statement = statement
        self.action = action
    }

    /// A row for printable keys, each character one key: `"tT"`.
    init(_ characters: String, _ label: String, _ help: String, details: String? = nil, hint: String? = nil, hintRank: Int? = nil,
         statement: String? = nil, action: @escaping @Sendable (ViewerModel, Int) -> Void) {
        self.init(characters.map { Key.character($0) }, label, help, details: details, hint: hint, hintRank: hintRank, statement: statement, action: action)
    }
}
