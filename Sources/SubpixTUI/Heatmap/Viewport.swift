/// Zoom and pan of the heatmap pane: which data pixels each screen pixel
/// (half a text cell) covers. Zoom 1 fits the whole map in the pane.
public struct Viewport: Sendable, Hashable {
    /// Magnification over the fitted view (>= 1).
    public var zoom: Double = 1
    /// Data coordinate at the pane's top-left corner.
    public var originX: Double = 0
    public var originY: Double = 0

    public init() {}

    /// Data pixels per screen pixel for a map in a pane of `columns × rows` cells (2 pixels per cell row).
    public func scale(mapWidth: Int, mapHeight: Int, columns: Int, rows: Int) -> Double {
        let fit = max(Double(mapWidth) / Double(max(1, columns)), Double(mapHeight) / Double(max(1, 2 * rows)))
        return fit / zoom
    }

    /// Where data points land in `pane` (a rectangle of cells) for a map of `mapWidth × mapHeight`.
    public func placement(mapWidth: Int, mapHeight: Int, pane: (x: Int, y: Int, columns: Int, rows: Int)) -> Placement {
        Placement(x: pane.x, y: pane.y, columns: pane.columns, rows: pane.rows,
                  scale: scale(mapWidth: mapWidth, mapHeight: mapHeight, columns: pane.columns, rows: pane.rows),
                  originX: originX, originY: originY)
    }

    /// Keeps the visible window inside the map (or centred when the map is smaller).
    public mutating func clamp(mapWidth: Int, mapHeight: Int, columns: Int, rows: Int) {
        zoom = min(64, max(1, zoom))
        let s = scale(mapWidth: mapWidth, mapHeight: mapHeight, columns: columns, rows: rows)
        let (visibleX, visibleY) = (Double(columns) * s, Double(2 * rows) * s)
        originX = visibleX >= Double(mapWidth) ? (Double(mapWidth) - visibleX) / 2 : min(max(0, originX), Double(mapWidth) - visibleX)
        originY = visibleY >= Double(mapHeight) ? (Double(mapHeight) - visibleY) / 2 : min(max(0, originY), Double(mapHeight) - visibleY)
    }

    /// Pans so the data pixel (x, y) is visible.
    public mutating func reveal(x: Int, y: Int, mapWidth: Int, mapHeight: Int, columns: Int, rows: Int) {
        let s = scale(mapWidth: mapWidth, mapHeight: mapHeight, columns: columns, rows: rows)
        let (visibleX, visibleY) = (Double(columns) * s, Double(2 * rows) * s)
        if Double(x) < originX { originX = Double(x) }
        if Double(x + 1) > originX + visibleX { originX = Double(x + 1) - visibleX }
        if Double(y) < originY { originY = Double(y) }
        if Double(y + 1) > originY + visibleY { originY = Double(y + 1) - visibleY }
        clamp(mapWidth: mapWidth, mapHeight: mapHeight, columns: columns, rows: rows)
    }
}

/// The pane's geometry for a viewport: where a data point lands on screen.
public struct Placement: Sendable {
    public var x: Int, y: Int, columns: Int, rows: Int, scale: Double, originX: Double, originY: Double

    /// The cell and its sub-cell position (0..<2 across, 0..<4 down) of data point (px, py), pixel centres at integers.
    public func cell(x px: Double, y py: Double) -> (column: Int, row: Int, subX: Int, subY: Int)? {
        let sx = (px + 0.5 - originX) / scale, sy = (py + 0.5 - originY) / scale
        guard sx >= 0, sy >= 0, sx < Double(columns), sy < Double(2 * rows) else { return nil }
        let column = Int(sx), pixelRow = sy / 2
        return (x + column, y + Int(pixelRow), min(1, Int((sx - Double(column)) * 2)), min(3, Int((pixelRow - Double(Int(pixelRow))) * 4)))
    }

    /// Whether cell (column, row) of the buffer is in the pane.
    func contains(_ spot: MarkerLayer.Spot) -> Bool {
        (x..<(x + columns)).contains(spot.column) && (y..<(y + rows)).contains(spot.row)
    }

    /// The data pixel under cell (column, row) — its top half.
    public func dataPixel(column: Int, row: Int) -> (x: Int, y: Int) {
        (Int(originX + (Double(column - x) + 0.5) * scale), Int(originY + (Double(2 * (row - y)) + 0.5) * scale))
    }
}
