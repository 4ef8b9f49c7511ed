import Subpix
import SubpixLanguage
import SubpixPictures

/// Draws a ``PaneImage`` into a pane of the cell buffer: each cell shows two
/// screen pixels as an upper half block `▀` (top pixel in the foreground
/// colour, bottom in the background); in ASCII mode one ramp character per
/// cell. NaN cells are `?` and ±infinity `+`/`-`, in the NaN colour, whatever
/// the scale.
public struct HeatmapRenderer {
    public var image: PaneImage
    /// The palette in the terminal's colour mode (which also decides ASCII drawing).
    public var palette: Palette
    public var scale: ColorScale

    public init(image: PaneImage, palette: Palette, scale: ColorScale) {
        self.image = image
        self.palette = palette
        self.scale = scale
    }

    /// Fills the pane whose top-left cell is (x, y).
    public func draw(into buffer: inout CellBuffer, x: Int, y: Int) {
        for row in 0..<(image.pixelRows / 2) {
            for column in 0..<image.columns {
                buffer[x + column, y + row] = cell(image[column, 2 * row], image[column, 2 * row + 1])
            }
        }
    }

    private func cell(_ top: Double?, _ bottom: Double?) -> Cell {
        guard let top else { return .blank }
        let values = [top] + (bottom.map { [$0] } ?? [])
        if let bad = values.first(where: { !$0.isFinite }) {
            let glyph: Character = bad.isNaN ? "?" : (bad > 0 ? "+" : "-")
            let ascii = palette.mode == .ascii
            return Cell(glyph, foreground: ascii ? -1 : 231, background: ascii ? -1 : Palette.nanColor, bold: true)
        }
        switch palette.mode {
        case .ascii:
            return Cell(AsciiRamp.character(scale.position(values.reduce(0, +) / Double(values.count)), signed: scale.centred))
        case .xterm256, .trueColor:
            let fg = palette.color(scale.position(top))
            return bottom.map { Cell("▀", foreground: fg, background: palette.color(scale.position($0))) } ?? Cell("▀", foreground: fg)
        }
    }
}
