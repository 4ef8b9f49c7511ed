import Foundation

/// `update`: the one place the viewer's state changes. Keys are looked up in
/// ``KeyTable``; parameter keys apply typed changes to the session's view
/// (``Session/apply(_:)``, journaled as the statement they correspond to);
/// cursor, zoom and panes are viewer state only. Every event ends with the
/// derived state brought up to date.
///
/// `update` does no I/O and runs no statement: it returns what is to be done
/// outside it (``ViewerEffect``) — write a file, run a `:` statement, start a
/// computation — and the loop performs it and sends the outcome back as an event.
extension ViewerModel {
    @discardableResult
    public func update(_ event: ViewerEvent) -> [ViewerEffect] {
        let (awaitedBefore, influenceBefore) = (awaited?.key, awaitedInfluence?.key)
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
        case .influenceComputed(let key, let result):
            receiveInfluence(result, for: key)
        case .performed(let outcome):
            switch outcome {
            case .success(let report): if let report { showOutput(report) }
            case .failure(let error): message = "\(error)"
            }
        }
        reconcileMethod()
        refresh()
        refreshTrails()
        clampView()
        refreshInfluence()
        refreshImage()
        refreshGridPanels()
        if let awaited, awaited.key != awaitedBefore { request(.compute(awaited)) }
        if let awaitedInfluence, awaitedInfluence.key != influenceBefore { request(.computeInfluence(awaitedInfluence)) }
        if !isComputing { awaitedSince = nil }
        let effects = requested
        requested = []
        return effects
    }

    /// A key press, shorthand for `update(.key(key))`.
    @discardableResult
    public func update(_ key: Key) -> [ViewerEffect] { update(.key(key)) }

    /// Asks for `effect` to be performed once the running `update` returns.
    func request(_ effect: ViewerEffect) { requested.append(effect) }

    private func handle(_ key: Key) {
        switch mode {
        case .help, .diagnosis, .explain:
            if mode == .diagnosis && key == .enter { applySuggestedTemperature() }
            mode = .normal
            if key == .character("q") { shouldQuit = true }
        case .output(let offset):
            scrollOutput(from: offset, key)
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
