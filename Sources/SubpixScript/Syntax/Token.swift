/// A position in script source: 1-based line and column.
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// One lexical unit of the script language.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double, isInteger: Bool)
        case string(String)
        case identifier(String)
        case symbol(String)   // + - * / = ( ) [ ] , . :
        case newline
        case end
    }

    var kind: Kind
    var position: SourcePosition
}
