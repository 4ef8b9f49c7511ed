/// The `:` output pane: a box over the screen holding a page of the statement's
/// output from the mode's line on, a title with the position and the keys.
struct OutputPane {
    /// Rows the box takes besides the output: the borders, the title and a gap.
    static let chromeRows = 6

    let lines: [String]
    let offset: Int

    func draw(into buffer: inout CellBuffer) {
        let (width, height) = (buffer.width - 2, buffer.height - 2)
        let (x, y) = (1, 1)
        let rows = max(1, buffer.height - Self.chromeRows)
        let shown = lines.dropFirst(offset).prefix(rows)
        buffer.fill(x: x, y: y, width: width, height: height, with: Cell(" ", foreground: 15, background: 236))
        let position = lines.count > rows ? "lines \(offset + 1)–\(offset + shown.count) of \(lines.count) · ↑/↓ PgUp/PgDn scroll · " : ""
        buffer.write("output — \(position)any other key closes", x: x + 2, y: y + 1, foreground: 226, background: 236, bold: true, limit: width - 4)
        for (row, line) in shown.enumerated() {
            let cut = line.count > width - 4 ? String(line.prefix(width - 5)) + "…" : line
            buffer.write(cut, x: x + 2, y: y + 3 + row, foreground: 15, background: 236, limit: width - 4)
        }
    }
}
