/// Where each part of the screen goes for a terminal of `width × height`.
public struct Layout: Sendable, Hashable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    public static let sidePanelWidth = 36

    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    /// The heatmap pane: left of the side panel, above the message and hint lines.
    public var pane: (x: Int, y: Int, columns: Int, rows: Int) { (0, 0, width - Self.sidePanelWidth - 1, height - 2) }
    public var panelX: Int { width - Self.sidePanelWidth }
    public var messageRow: Int { height - 2 }
    public var hintRow: Int { height - 1 }
}
