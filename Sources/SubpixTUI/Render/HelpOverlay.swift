/// A titled box of text lines centred on the screen (help, diagnosis).
public struct Overlay {
    public var title: String
    public var lines: [String]

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }

    public func draw(into buffer: inout CellBuffer) {
        let width = min(buffer.width - 2, max(title.count, lines.map(\.count).max() ?? 0) + 4)
        let height = min(buffer.height - 2, lines.count + 4)
        let (x, y) = ((buffer.width - width) / 2, (buffer.height - height) / 2)
        buffer.fill(x: x, y: y, width: width, height: height, with: Cell(" ", foreground: 15, background: 236))
        buffer.write(title, x: x + 2, y: y + 1, foreground: 226, background: 236, bold: true, limit: width - 4)
        for (index, line) in lines.prefix(height - 4).enumerated() {
            buffer.write(line, x: x + 2, y: y + 3 + index, foreground: 15, background: 236, limit: width - 4)
        }
    }
}

/// The `?` overlay: every key and what it does.
public struct HelpOverlay {
    public init() {}

    public func draw(into buffer: inout CellBuffer) {
        let lines = ViewerModel.keyHelp.map { $0.keys.padding(toLength: 11, withPad: " ", startingAt: 0) + $0.action }
        Overlay(title: "subpix keys — any key closes", lines: lines).draw(into: &buffer)
    }
}
