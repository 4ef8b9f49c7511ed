import Foundation
import SubpixScript

/// `update`: the one place the viewer's state changes. Keys are looked up in
/// ``KeyTable``; parameter keys become script statements run through the
/// session (so the journal replays them); cursor, zoom and panes are viewer
/// state only. Every event ends with the derived state brought up to date.
extension ViewerModel {
    public func update(_ event: ViewerEvent) {
        switch event {
        case .resize(let width, let height):
            layout = Layout(width: width, height: height)
        case .click(let column, let row):
            click(column: column, row: row)
        case .key(let key):
            handle(key)
        case .live(let delivery):
            receive(delivery)
        case .tick(let time):
            now = time
            tick(time)
        case .computed(let key, let result):
            receive(result, for: key)
        }
        reconcileMethod()
        refresh()
        refreshTrails()
        clampView()
        refreshInfluence()
        refreshImage()
    }

    /// A key press, shorthand for `update(.key(key))`.
    public func update(_ key: Key) { update(.key(key)) }

    private func handle(_ key: Key) {
        switch mode {
        case .help, .diagnosis, .explain:
            mode = .normal
            if key == .character("q") { shouldQuit = true }
        case .command(let text):
            editCommand(text, key)
        case .normal:
            message = nil
            KeyTable.command(for: key).map { $0.command.action(self, $0.index) }
        }
    }

    /// A click on the heatmap moves the cursor to the data pixel under it.
    private func click(column: Int, row: Int) {
        let pane = layout.pane
        guard mode == .normal, !layout.isTooSmall, let slice,
              column >= pane.x, column < pane.x + pane.columns, row >= pane.y, row < pane.y + pane.rows else { return }
        let pixel = viewport.placement(mapWidth: slice.width, mapHeight: slice.height, pane: pane).dataPixel(column: column, row: row)
        cursorX = pixel.x
        cursorY = pixel.y
    }
}
