import Foundation

/// One character cell of the screen: a glyph, its colours and attributes.
public struct Cell: Sendable, Equatable {
    public var glyph: Character
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool

    public init(_ glyph: Character = " ", foreground: TerminalColor = .standard, background: TerminalColor = .standard, bold: Bool = false) {
        self.glyph = glyph
        self.foreground = foreground
        self.background = background
        self.bold = bold
    }

    public static let blank = Cell()
}

/// A plain grid of cells: everything the viewer draws lands here first; the
/// ncurses backend only copies it to the screen.
public struct CellBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x, y) ? cells[y * width + x] : .blank }
        set { if contains(x, y) { cells[y * width + x] = newValue } }
    }

    public func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes `text` from (x, y), clipped to `limit` columns and the buffer.
    public mutating func write(_ text: String, x: Int, y: Int, foreground: TerminalColor = .standard, background: TerminalColor = .standard,
                               bold: Bool = false, limit: Int? = nil) {
        let end = min(width, x + (limit ?? width))
        for (offset, character) in text.enumerated() where x + offset < end {
            self[x + offset, y] = Cell(character, foreground: foreground, background: background, bold: bold)
        }
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, with cell: Cell) {
        for row in max(0, y)..<min(self.height, y + height) {
            for column in max(0, x)..<min(self.width, x + width) { cells[row * self.width + column] = cell }
        }
    }

    /// The glyphs, one line per row (trailing spaces kept): the text plane of a snapshot.
    public var textPlane: String {
        (0..<height).map { row in String(cells[(row * width)..<((row + 1) * width)].map(\.glyph)) }.joined(separator: "\n")
    }

    /// Colours as `fg/bg` pairs in hex (`..` for the default, two digits for an index,
    /// six for a 24-bit colour), one line per row: the colour plane of a snapshot.
    public var colorPlane: String {
        (0..<height).map { row in
            cells[(row * width)..<((row + 1) * width)].map { $0.foreground.snapshotCode + $0.background.snapshotCode }.joined(separator: " ")
        }.joined(separator: "\n")
    }
}
