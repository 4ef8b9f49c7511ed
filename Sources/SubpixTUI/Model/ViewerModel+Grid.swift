import SubpixPictures
import SubpixSession

/// The grid of small multiples (`#`): its pages, its selection, and the keys
/// that move through it. Every change here happens inside `update`.
extension ViewerModel {
    /// How many maps the grid steps through: the tensor's channels, or its batch items.
    var gridCount: Int {
        guard let grid, let shape = viewed?.tensor.shape, shape.count >= 4 else { return 0 }
        return grid.axis == .channels ? shape[1] : shape[0]
    }

    /// The map at `position` along the grid's axis.
    func gridIndex(_ position: Int) -> MapIndex {
        let view = session.view
        return grid?.axis == .batches ? MapIndex(batch: position, channel: view.channel) : MapIndex(batch: view.batch, channel: position)
    }

    /// Where the panels go on this screen, for the viewed maps.
    public var gridLayout: GridLayout? {
        guard grid != nil, let slice else { return nil }
        return GridLayout(layout: layout, count: gridCount, mapWidth: slice.width, mapHeight: slice.height)
    }

    /// The page the selection is on, and how many there are.
    public var gridPage: (index: Int, count: Int) {
        guard let grid, let perPage = gridLayout?.perPage, perPage > 0 else { return (0, 1) }
        return (grid.selection / perPage, max(1, (gridCount + perPage - 1) / perPage))
    }

    /// The positions along the axis on the selection's page.
    public var gridPositions: Range<Int> {
        guard let perPage = gridLayout?.perPage else { return 0..<0 }
        let start = gridPage.index * perPage
        return start..<min(gridCount, start + perPage)
    }

    /// The maps on the selection's page (empty when the grid is closed).
    var gridMaps: [MapIndex] { gridPositions.map(gridIndex) }

    /// `#`: opens the grid on the shown map's channels (selecting the shown channel), or goes back.
    func toggleGrid() {
        if grid != nil { return grid = nil }
        guard let shape = viewed?.tensor.shape, shape.count >= 4 else {
            return message = "the grid needs a (B, C, ...) tensor: every channel of a batch item is one panel"
        }
        grid = GridState(axis: .channels, selection: session.view.channel)
    }

    /// Tab: every batch item of the shown channel, or back to every channel of the shown batch.
    func switchGridAxis() {
        guard let grid else { return message = "Tab switches the grid (#) between channels and batch items" }
        let view = session.view
        self.grid = grid.axis == .channels ? GridState(axis: .batches, selection: view.batch) : GridState(axis: .channels, selection: view.channel)
    }

    /// Arrows: the selection moves one panel, or one row of panels, and stays on the grid.
    func moveGridSelection(dx: Int, dy: Int) {
        guard let layout = gridLayout, let selection = grid?.selection else { return }
        let (next, count) = (selection + dx + dy * layout.columns, gridCount)
        if (0..<count).contains(next) { grid?.selection = next }
    }

    /// PgUp / PgDn: the selection a page back or forward.
    func pageGrid(by pages: Int) {
        guard let layout = gridLayout, let selection = grid?.selection else { return }
        let (perPage, count) = (layout.perPage, gridCount)
        grid?.selection = min(max(0, selection + pages * perPage), count - 1)
    }

    /// Enter: shows the selected map alone (the same key, `#`, comes back).
    func openGridSelection() {
        guard let grid else { return }
        let index = gridIndex(grid.selection)
        let changes: [ViewChange] = [.batch(index.batch), .channel(index.channel)].filter(session.view.isChanged(by:))
        if changes.isEmpty || assign(changes) { self.grid = nil }
    }

    /// Samples each map of the grid's page for its panel, when the page, the screen or the tensor changed.
    func refreshGridPanels() {
        guard grid != nil, let viewed, let layout = gridLayout, !self.layout.isTooSmall else {
            return (gridPanels, gridPanelsKey) = ([], nil)
        }
        let view = session.view
        let key = GridPanel.Key(name: viewed.name, revision: session.variableRevisions[viewed.name] ?? 0, maps: gridMaps,
                                depth: view.depth, layout: self.layout, reduction: view.resample)
        guard key != gridPanelsKey else { return }
        gridPanels = key.maps.enumerated().map { slot, index in
            let slice = MapSlice(viewed.tensor, batch: index.batch, channel: index.channel, depth: view.depth)
            var viewport = Viewport()
            let pane = layout.mapPane(slot)
            viewport.clamp(mapWidth: slice.width, mapHeight: slice.height, columns: pane.columns, rows: pane.rows)
            let placement = viewport.placement(mapWidth: slice.width, mapHeight: slice.height, pane: pane)
            return GridPanel(index: index, slice: slice, image: PaneImage(slice, placement: placement, reduction: view.resample), placement: placement)
        }
        gridPanelsKey = key
    }
}
