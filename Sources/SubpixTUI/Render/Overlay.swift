import Foundation

/// A titled box of text lines centred on the screen (help, diagnosis, explain).
/// Lines that do not fit the screen's height continue in a second column (and
/// a third, ...). A line longer than its column wraps at a space, its continuation
/// indented to the text after the line's first gap of two spaces (the description
/// column of the key table); only a word longer than the column ends with `…`.
public struct Overlay {
    public var title: String
    public var lines: [String]

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }

    public func draw(into buffer: inout CellBuffer) {
        let rowsAvailable = max(1, buffer.height - 6)
        let (columnWidth, columns) = layout(rowsAvailable: rowsAvailable, available: buffer.width - 6)
        let rows = columns.map(\.count).max() ?? 0
        let width = min(buffer.width - 2, max(title.count, columns.count * columnWidth - 3) + 4)
        let height = min(buffer.height - 2, rows + 4)
        let (x, y) = ((buffer.width - width) / 2, (buffer.height - height) / 2)
        buffer.fill(x: x, y: y, width: width, height: height, with: Cell(" ", foreground: 15, background: 236))
        buffer.write(title, x: x + 2, y: y + 1, foreground: 226, background: 236, bold: true, limit: width - 4)
        for (column, pieces) in columns.enumerated() {
            let left = x + 2 + column * columnWidth
            guard left < x + width - 2 else { continue }
            let room = min(columnWidth - 3, x + width - 2 - left)
            for (row, piece) in pieces.enumerated() where row < height - 4 {
                let shown = piece.count > room ? String(piece.prefix(max(0, room - 1))) + "…" : piece
                buffer.write(shown, x: left, y: y + 3 + row, foreground: 15, background: 236, limit: room)
            }
        }
    }

    /// The column width and each column's rows: the fewest columns whose rows fit
    /// `rowsAvailable` once the lines are wrapped to the column, as evenly filled as
    /// a line's wrapped pieces (kept in one column) allow.
    private func layout(rowsAvailable: Int, available: Int) -> (width: Int, columns: [[String]]) {
        let longest = lines.map(\.count).max() ?? 0
        for count in 1...max(1, lines.count) {
            let width = min(longest + 3, (available + 3) / count)
            guard width - 3 >= 12 else { break }   // narrower columns are not worth reading
            let entries = lines.map { Self.wrapped($0, width: width - 3) }
            let total = entries.map(\.count).reduce(0, +)
            for rows in stride(from: (total + count - 1) / count, through: rowsAvailable, by: 1) {
                if let columns = Self.fill(entries, rows: rows, columns: count) { return (width, columns) }
            }
        }
        // More than the screen holds: the lines as they are (cut with …), evenly over the columns the height needs.
        let count = max(1, (lines.count + rowsAvailable - 1) / rowsAvailable)
        let rows = max(1, (lines.count + count - 1) / count)
        return (min(longest + 3, (available + 3) / count), stride(from: 0, to: lines.count, by: rows).map { Array(lines[$0..<min(lines.count, $0 + rows)]) })
    }

    /// `entries` (each a line's pieces) placed in order into columns of at most `rows`
    /// rows, an entry never split; nil when they need more than `columns` columns.
    private static func fill(_ entries: [[String]], rows: Int, columns: Int) -> [[String]]? {
        var result: [[String]] = [[]]
        for entry in entries {
            if result[result.count - 1].count + entry.count > rows, !result[result.count - 1].isEmpty { result.append([]) }
            result[result.count - 1] += entry
        }
        return result.count <= columns && result.allSatisfy({ $0.count <= rows }) ? result : nil
    }

    /// `line` cut at spaces into pieces of at most `width` characters; the pieces after
    /// the first start under the text that follows the line's first gap of two spaces.
    static func wrapped(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        let text = Array(line).firstIndex { $0 != " " } ?? 0
        var indent = 2
        if let gap = line.range(of: "  ", range: line.index(line.startIndex, offsetBy: text)..<line.endIndex) {
            let after = line[gap.upperBound...].prefix { $0 == " " }
            indent = line.distance(from: line.startIndex, to: gap.upperBound) + after.count
        }
        if indent > width / 2 { indent = 2 }
        var pieces: [String] = []
        var current: String?
        for word in line.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            guard let piece = current else {
                current = word
                continue
            }
            if piece.count + 1 + word.count <= width || piece.trimmingCharacters(in: .whitespaces).isEmpty {
                current = piece + " " + word
            } else {
                pieces.append(piece)
                current = String(repeating: " ", count: indent) + word
            }
        }
        return pieces + [current ?? ""]
    }
}
