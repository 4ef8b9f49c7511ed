/// A titled box of text lines centred on the screen (help, diagnosis, explain).
/// Lines that do not fit the screen's height continue in a second column (and
/// a third, ...); a line longer than its column ends with `…`.
public struct Overlay {
    public var title: String
    public var lines: [String]

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }

    public func draw(into buffer: inout CellBuffer) {
        let rowsAvailable = max(1, buffer.height - 6)
        let columnCount = max(1, (lines.count + rowsAvailable - 1) / rowsAvailable)
        let rows = (lines.count + columnCount - 1) / max(1, columnCount)
        let available = buffer.width - 6
        let columnWidth = min((lines.map(\.count).max() ?? 0) + 3, (available + 3) / columnCount)
        let width = min(buffer.width - 2, max(title.count, columnCount * columnWidth - 3) + 4)
        let height = min(buffer.height - 2, rows + 4)
        let (x, y) = ((buffer.width - width) / 2, (buffer.height - height) / 2)
        buffer.fill(x: x, y: y, width: width, height: height, with: Cell(" ", foreground: 15, background: 236))
        buffer.write(title, x: x + 2, y: y + 1, foreground: 226, background: 236, bold: true, limit: width - 4)
        for (index, line) in lines.enumerated() {
            let (column, row) = index.quotientAndRemainder(dividingBy: max(1, rows))
            let left = x + 2 + column * columnWidth
            guard row < height - 4, left < x + width - 2 else { continue }
            let room = min(columnWidth - 3, x + width - 2 - left)
            let shown = line.count > room ? String(line.prefix(max(0, room - 1))) + "…" : line
            buffer.write(shown, x: left, y: y + 3 + row, foreground: 15, background: 236, limit: room)
        }
    }
}
