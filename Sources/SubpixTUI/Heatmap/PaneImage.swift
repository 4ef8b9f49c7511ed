import SubpixSession


/// The part of a map the pane shows, at the pane's resolution: one value per
/// screen pixel (half a text cell), `nil` outside the map. `update` makes it
/// when the map, the viewport, the pane or `view.resample` change, so drawing
/// a frame never reads the whole map.
public struct PaneImage: Sendable, Equatable {
    /// What an image is made from.
    struct Key: Hashable {
        var slice: MapSlice.Key
        var viewport: Viewport
        var columns: Int, rows: Int
        var reduction: BlockReduction
        /// The gradient overlay drawn instead of the map, if any.
        var influence: InfluenceOverlay.Key?
    }

    public let columns: Int
    /// Two per cell row.
    public let pixelRows: Int
    private let values: [Double?]

    /// Samples `slice` for the pane `placement` describes; a screen pixel covering
    /// several data pixels takes their `reduction`.
    public init(_ slice: MapSlice, placement place: Placement, reduction: BlockReduction) {
        columns = place.columns
        pixelRows = 2 * place.rows
        var values = [Double?](repeating: nil, count: columns * pixelRows)
        let s = place.scale
        for row in 0..<pixelRows {
            let y0 = place.originY + Double(row) * s
            let top = Int(y0.rounded(.down)), bottom = min(slice.height, max(top + 1, Int((y0 + s).rounded(.down))))
            guard top >= 0, top < slice.height else { continue }
            for column in 0..<columns {
                let x0 = place.originX + Double(column) * s
                let left = Int(x0.rounded(.down)), right = min(slice.width, max(left + 1, Int((x0 + s).rounded(.down))))
                guard left >= 0, left < slice.width else { continue }
                values[row * columns + column] = slice.reduce(xs: left..<right, ys: top..<bottom, reduction)
            }
        }
        self.values = values
    }

    /// The value of screen pixel (column, pixel row), nil outside the map or the pane.
    public subscript(column: Int, pixelRow: Int) -> Double? {
        guard column >= 0, column < columns, pixelRow >= 0, pixelRow < pixelRows else { return nil }
        return values[pixelRow * columns + column]
    }
}
