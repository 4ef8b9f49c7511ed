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
        case number(Double, isInteger: Bool)
        case string(String)
        case identifier(String)
        /// One of `+ - * / = ( ) [ ] , .`
        case symbol(String)
        /// The end of a statement: a line break outside brackets, or `;`.
        case newline
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
        case .number(let value, let isInteger):
            isInteger && Swift.abs(value) < 9e18 ? String(Int(value)) : String(value)
        case .string(let text): "\"\(text)\""
        case .identifier(let name): "'\(name)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .newline: "end of line"
        case .end: "end of input"
        }
    }
}
