/// A position in script source: 1-based line and column (columns count characters).
///
/// Printed as `LINE:COL`, the form `subpix run` puts after the file name:
/// `extract.subpix:3:12: error: ...`.
public struct SourcePosition: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One lexical unit of the script language.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case integer(Int)
        case float(Double)
        case string(String)
        /// `f"..."`: the text between the quotes, escapes resolved, `{...}` fields kept.
        case formatString(String)
        case identifier(String)
        case symbol(Symbol)
        /// The end of a statement: a line break outside brackets, or `;`.
        case newline
        /// A line indented deeper than the block around it.
        case indent
        /// A line indented back to an enclosing block's level (one per level left).
        case dedent
        case end
    }

    var kind: Kind
    /// Where the token starts (for messages).
    var position: SourcePosition
    /// The characters of the source it spans, as offsets into `Array(source)`.
    var range: Range<Int>

    /// How a message names this token: `'name'`, `2`, `"text"`, `end of line`.
    var quoted: String {
        switch kind {
        case .integer(let value): String(value)
        case .float(let value): String(value)
        case .string(let text): "\"\(text)\""
        case .formatString(let text): "f\"\(text)\""
        case .identifier(let name): "'\(name)'"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .newline: "end of line"
        case .indent: "an indented line"
        case .dedent: "the end of the indented block"
        case .end: "end of input"
        }
    }
}

/// The punctuation and operators of the language, spelled as in the source.
enum Symbol: String, Sendable, Equatable, CaseIterable {
    case plus = "+", minus = "-", star = "*", slash = "/"
    case doubleSlash = "//", percent = "%", doubleStar = "**"
    case equals = "=", comma = ",", dot = ".", colon = ":", semicolon = ";", ellipsis = "..."
    case leftParenthesis = "(", rightParenthesis = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case ampersand = "&", bar = "|", tilde = "~"
    case plusEquals = "+=", minusEquals = "-=", starEquals = "*=", slashEquals = "/="
    case doubleSlashEquals = "//=", percentEquals = "%=", doubleStarEquals = "**="
}
