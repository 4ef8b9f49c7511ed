import Foundation

/// A small table of results (`accuracy(...)`): named columns, rows of text and
/// numbers. It prints aligned, or as CSV with `print(t, format="csv")`.
public struct Table: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case count(Int)
    }

    public var columns: [String]
    public var rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Row `index` as a dict from column name to value (`t[0]["rmse_x"]`).
    func row(_ index: Int) -> Value {
        var dictionary = ScriptDictionary()
        for (column, cell) in zip(columns, rows[index]) { try? dictionary.set(.string(column), Self.value(cell), at: nil) }
        return .dictionary(dictionary)
    }

    /// A cell as a script value: a str, a float or an int.
    static func value(_ cell: Cell) -> Value {
        switch cell {
        case .text(let text): .string(text)
        case .number(let value): .float(value)
        case .count(let value): .int(value)
        }
    }

    /// Aligned columns (numbers to 4 decimals, right-aligned), a header line first.
    public var text: String {
        let cells = [columns] + rows.map { $0.map(Self.shown) }
        let widths = columns.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { line in
            line.enumerated().map { column, cell in
                column == 0
                    ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// RFC 4180-style CSV with a header line; numbers at full precision.
    public var csv: String {
        ([columns.joined(separator: ",")] + rows.map { row in
            row.map { cell in
                switch cell {
                case .text(let text): text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
                case .number(let value): KeypointText.number(value)
                case .count(let value): String(value)
                }
            }.joined(separator: ",")
        }).joined(separator: "\n")
    }

    private static func shown(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text
        case .number(let value): value.isFinite ? String(format: "%.4f", value) : KeypointText.number(value)
        case .count(let value): String(value)
        }
    }
}
