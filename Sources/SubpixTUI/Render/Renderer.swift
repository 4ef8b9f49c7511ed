import Foundation
import Subpix
import SubpixLanguage
import SubpixSession

/// Renders a ``ViewerModel`` into a ``CellBuffer`` of the model's screen size:
/// heatmap pane with its layers (``MapLayer``: keypoints, ground truth, cursor),
/// side panel, message line, hint bar, and the mode's overlay on top.
///
/// Rendering only reads the model; everything it shows was settled by `update`.
public struct Renderer {
    /// What is drawn over the heatmap, bottom to top. A new overlay is a new layer here.
    /// The ground truth goes under the methods' markers: where both share a cell the estimate shows.
    static let mapLayers: [any MapLayer] = [TrailLayer(), MarkerLayer(), CursorLayer()]

    public init() {}

    public func render(_ model: ViewerModel) -> CellBuffer {
        let layout = model.layout
        var buffer = CellBuffer(width: layout.width, height: layout.height)
        if layout.isTooSmall {
            drawTooSmall(into: &buffer)
            return buffer
        }
        let pane = layout.pane
        if model.grid != nil {
            GridView(model: model).draw(into: &buffer)
        } else if let slice = model.slice, let image = model.image, let place = model.placement, let palette = model.palette {
            HeatmapRenderer(image: image, palette: palette, scale: model.colorScale)
                .draw(into: &buffer, x: pane.x, y: pane.y)
            for layer in Self.mapLayers { layer.draw(model, place, into: &buffer) }
            SidePanel(model: model, slice: slice, palette: palette).draw(into: &buffer, x: layout.panelX, height: layout.messageRow)
        } else if let live = model.live {
            buffer.write(live.ended == nil ? "waiting for the first frame from \(live.source) …" : "\(live.source) ended before its first frame", x: 1, y: 1)
            LiveStatus.lines(live).enumerated().forEach { buffer.write($1.text, x: 1, y: 3 + $0, foreground: $1.color) }
        } else {
            buffer.write("no tensor to view — assign one with : (e.g. :x = randn((1, 1, 32, 32)))", x: 1, y: 1)
        }
        drawMessage(model.message ?? "", into: &buffer, layout: layout)
        drawHint(model, into: &buffer, row: layout.hintRow)
        modalOverlay(model)?.draw(into: &buffer)
        if case .output(let offset) = model.mode { OutputPane(lines: model.output, offset: offset).draw(into: &buffer) }
        return buffer
    }

    /// The overlay of the model's mode, if it has one.
    private func modalOverlay(_ model: ViewerModel) -> Overlay? {
        let view = model.session.view
        switch model.mode {
        case .help:
            return Overlay(title: "subpix keys — Esc or any key closes", lines: KeyTable.helpLines)
        case .explain:
            return Overlay(title: "explain \(view.method.name) — any key closes", lines: ExplainPane(model: model).lines)
        case .diagnosis:
            guard let diagnosis = model.diagnosis else { return nil }
            let apply = diagnosis.suggestedTemperature.map { ["Enter sets temperature \($0)"] } ?? []
            return Overlay(title: "diagnosis of \(view.method.name), T \(view.temperature) — any key closes",
                           lines: DiagnosisText.lines(diagnosis, radius: 2) + [""] + apply + ["thresholds: docs/diagnose.md"])
        case .normal, .command, .output:
            return nil
        }
    }

    /// The message line; a message longer than the screen is wrapped upwards over
    /// the pane (at most `maximumMessageRows` rows, the last cut with `…`), never cut at the edge.
    private func drawMessage(_ message: String, into buffer: inout CellBuffer, layout: Layout) {
        var lines = Self.wrap(message, width: layout.width)
        if lines.count > Self.maximumMessageRows {
            lines = Array(lines.prefix(Self.maximumMessageRows))
            lines[lines.count - 1] = String(lines[lines.count - 1].dropLast()) + "…"
        }
        let background: TerminalColor = lines.count > 1 ? 236 : -1
        for (index, line) in lines.enumerated() {
            let row = layout.messageRow - (lines.count - 1) + index
            if lines.count > 1 { buffer.fill(x: 0, y: row, width: layout.width, height: 1, with: Cell(" ", background: background)) }
            buffer.write(line, x: 0, y: row, foreground: 214, background: background, limit: layout.width)
        }
    }

    static let maximumMessageRows = 6

    /// `text` in lines of at most `width` characters, broken at spaces where it can be.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, text.count > width else { return [text] }
        var lines: [String] = []
        var rest = Substring(text)
        while rest.count > width {
            let head = rest.prefix(width)
            let cut = head.lastIndex(of: " ").map { head.distance(from: head.startIndex, to: $0) } ?? width
            let length = cut > width / 2 ? cut : width
            lines.append(String(rest.prefix(length)))
            rest = rest.dropFirst(length).drop { $0 == " " }
        }
        return lines + (rest.isEmpty ? [] : [String(rest)])
    }

    private func drawTooSmall(into buffer: inout CellBuffer) {
        let (width, height) = (buffer.width, buffer.height)
        let text = "terminal too small (need \(Layout.minimumWidth)×\(Layout.minimumHeight))"
        let lines = text.count <= width ? [text] : ["terminal too small", "(need \(Layout.minimumWidth)×\(Layout.minimumHeight))"]
        for (index, line) in lines.enumerated() {
            buffer.write(line, x: max(0, (width - line.count) / 2), y: max(0, (height - lines.count) / 2) + index, bold: true)
        }
    }

    private func drawHint(_ model: ViewerModel, into buffer: inout CellBuffer, row: Int) {
        if case .command(let text) = model.mode {
            let visible = text.count > buffer.width - 2 ? String(text.suffix(buffer.width - 2)) : text
            buffer.write(":" + visible + "▏", x: 0, y: row, bold: true)
            return
        }
        buffer.write(KeyTable.hintBar(width: buffer.width), x: 0, y: row, foreground: 244, limit: buffer.width)
    }
}
