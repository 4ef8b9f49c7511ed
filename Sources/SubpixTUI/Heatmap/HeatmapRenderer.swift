import Subpix
import SubpixScript

/// Draws a map into a pane of the cell buffer: each cell shows two data rows
/// as an upper half block `▀` (top pixel in the foreground colour, bottom in
/// the background), area-averaged when the map is larger than the pane; in
/// ASCII mode one ramp character per cell. NaN cells are `?` and ±infinity
/// `+`/`-`, in the NaN colour, whatever the scaling.
public struct HeatmapRenderer {
    public var slice: MapSlice
    public var palette: Palette
    public var mode: ColorMode
    public var viewport: Viewport

    public init(slice: MapSlice, palette: Palette, mode: ColorMode, viewport: Viewport) {
        self.slice = slice
        self.palette = palette
        self.mode = mode
        self.viewport = viewport
    }

    public func placement(x: Int, y: Int, columns: Int, rows: Int) -> Placement {
        viewport.placement(mapWidth: slice.width, mapHeight: slice.height, pane: (x, y, columns, rows))
    }

    /// Fills the pane at (x, y) of `columns × rows` cells.
    public func draw(into buffer: inout CellBuffer, x: Int, y: Int, columns: Int, rows: Int) {
        let place = placement(x: x, y: y, columns: columns, rows: rows)
        for row in 0..<rows {
            for column in 0..<columns {
                let top = sample(place, column: column, pixelRow: 2 * row)
                let bottom = sample(place, column: column, pixelRow: 2 * row + 1)
                buffer[x + column, y + row] = cell(top, bottom)
            }
        }
    }

    private func cell(_ top: Double?, _ bottom: Double?) -> Cell {
        guard let top else { return .blank }
        let values = [top] + (bottom.map { [$0] } ?? [])
        if let bad = values.first(where: { !$0.isFinite }) {
            let glyph: Character = bad.isNaN ? "?" : (bad > 0 ? "+" : "-")
            return Cell(glyph, foreground: mode == .ascii ? -1 : 231, background: mode == .ascii ? -1 : Palette.nanColor, bold: true)
        }
        switch mode {
        case .ascii:
            return Cell(AsciiRamp.character(slice.scale(values.reduce(0, +) / Double(values.count))))
        case .xterm256, .trueColor:
            let fg = palette.color(slice.scale(top))
            return bottom.map { Cell("▀", foreground: fg, background: palette.color(slice.scale($0))) } ?? Cell("▀", foreground: fg)
        }
    }

    /// The mean of the data pixels a screen pixel covers, or nil outside the map.
    private func sample(_ place: Placement, column: Int, pixelRow: Int) -> Double? {
        let s = place.scale
        let x0 = place.originX + Double(column) * s, y0 = place.originY + Double(pixelRow) * s
        let left = Int(x0.rounded(.down)), top = Int(y0.rounded(.down))
        let right = max(left + 1, Int((x0 + s).rounded(.down))), bottom = max(top + 1, Int((y0 + s).rounded(.down)))
        guard left >= 0, top >= 0, left < slice.width, top < slice.height else { return nil }
        var sum = 0.0, count = 0
        for yy in top..<min(bottom, slice.height) {
            for xx in left..<min(right, slice.width) {
                sum += slice[xx, yy]
                count += 1
            }
        }
        return sum / Double(count)
    }
}
