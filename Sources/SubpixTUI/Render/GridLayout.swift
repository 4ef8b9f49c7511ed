/// Where the grid's panels go on a screen of ``Layout``: a header row, then
/// `columns × rows` panels of equal size above the message and hint rows. Each
/// panel is a label row over its map.
///
/// When every map fits in panels of at least ``minimumPanel`` cells, the
/// arrangement that draws the maps largest is chosen (17 maps of 64 × 48 on a
/// 120 × 40 terminal: 6 × 3 panels of 20 × 12); otherwise panels of the minimum
/// size fill the screen and the grid has pages.
public struct GridLayout: Sendable, Equatable {
    /// The smallest panel: a label such as `c132 ⊘ no peak` over a map of 5 rows.
    public static let minimumPanel = (width: 15, height: 6)
    /// The header's row; panels start under it.
    public static let top = 1

    public let columns: Int
    public let rows: Int
    public let panelWidth: Int
    public let panelHeight: Int

    /// The arrangement of `count` maps of `mapWidth × mapHeight` on `layout`'s screen.
    public init(layout: Layout, count: Int, mapWidth: Int, mapHeight: Int) {
        let (width, height) = (layout.width, max(1, layout.messageRow - Self.top))
        let minimum = Self.minimumPanel
        var best: (columns: Int, rows: Int, scale: Double)?
        for columns in 1...max(1, count) {
            let rows = (count + columns - 1) / columns
            let (panelWidth, panelHeight) = (width / columns, height / rows)
            guard panelWidth >= minimum.width, panelHeight >= minimum.height else { continue }
            let scale = min(Double(panelWidth - 1) / Double(max(1, mapWidth)), Double(2 * (panelHeight - 1)) / Double(max(1, mapHeight)))
            if scale > best?.scale ?? 0 { best = (columns, rows, scale) }
        }
        let chosen = best.map { ($0.columns, $0.rows) } ?? (max(1, width / minimum.width), max(1, height / minimum.height))
        (columns, rows) = chosen
        (panelWidth, panelHeight) = (width / columns, height / rows)
    }

    /// Panels on one page.
    public var perPage: Int { columns * rows }

    /// The panel at `slot` (0-based on its page, row by row): its top-left cell and size.
    public func panel(_ slot: Int) -> (x: Int, y: Int, width: Int, height: Int) {
        ((slot % columns) * panelWidth, Self.top + (slot / columns) * panelHeight, panelWidth, panelHeight)
    }

    /// The map's pane inside the panel at `slot`: under the label row, one column left free as a gutter.
    public func mapPane(_ slot: Int) -> (x: Int, y: Int, columns: Int, rows: Int) {
        let panel = panel(slot)
        return (panel.x, panel.y + 1, max(1, panel.width - 1), max(1, panel.height - 1))
    }
}
