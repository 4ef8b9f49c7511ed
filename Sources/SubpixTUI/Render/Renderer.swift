import Foundation
import Subpix
import SubpixScript

/// Renders a ``ViewerModel`` into a ``CellBuffer`` of the model's screen size:
/// heatmap pane with its layers (``MapLayer``: keypoints, ground truth, cursor),
/// side panel, message line, hint bar, and the mode's overlay on top.
///
/// Rendering only reads the model; everything it shows was settled by `update`.
public struct Renderer {
    /// What is drawn over the heatmap, bottom to top. A new overlay is a new layer here.
    static let mapLayers: [any MapLayer] = [TrailLayer(), KeypointLayer(), TruthLayer(), CursorLayer()]

    /// Glyph and colour of each method's markers (ASCII glyph, 256-colour index);
    /// the field's decoders use their letter (``HeatmapDecoder/glyph``).
    public static func marker(_ method: ViewMethod) -> (glyph: Character, color: TerminalColor) {
        let letter = method.decoder?.glyph ?? "?"
        switch method {
        case .spatialSoftArgmax2d: return ("+", 51)
        case .convSoftArgmax2d: return ("x", 201)
        case .nms2d: return ("o", 46)
        case .quarter: return (letter, 208)
        case .parabola: return (letter, 117)
        case .gaussian: return (letter, 121)
        case .centroid3: return (letter, 222)
        case .centroidCOM: return (letter, 255)
        case .quadratic: return (letter, 147)
        case .dark: return (letter, 211)
        case .darkUDP: return (letter, 155)
        case .convSoftArgmax3d: return ("x", 213)
        case .convQuadInterp3d: return ("*", 226)
        case .iterativeQuadInterp3d: return ("#", 208)
        }
    }

    /// Ground-truth peaks of `gaussians(...)` maps.
    public static let truthMarker: (glyph: Character, color: TerminalColor) = ("G", 196)

    public init() {}

    public func render(_ model: ViewerModel) -> CellBuffer {
        let layout = model.layout
        var buffer = CellBuffer(width: layout.width, height: layout.height)
        if layout.isTooSmall {
            drawTooSmall(into: &buffer)
            return buffer
        }
        let pane = layout.pane
        if let mapSlice = model.slice {
            // The gradient overlay, when on, is drawn instead of the map, in the diverging palette.
            let slice = model.influence?.slice ?? mapSlice
            let palette = model.influence == nil
                ? Palette.resolve(model.session.view.palette, signed: slice.isSigned, mode: model.colorMode)
                : Palette(.diverging, mode: model.colorMode)
            let heatmap = HeatmapRenderer(slice: slice, palette: palette, mode: model.colorMode, viewport: model.viewport)
            heatmap.draw(into: &buffer, x: pane.x, y: pane.y, columns: pane.columns, rows: pane.rows)
            let place = heatmap.placement(x: pane.x, y: pane.y, columns: pane.columns, rows: pane.rows)
            for layer in Self.mapLayers { layer.draw(model, place, into: &buffer) }
            SidePanel(model: model, slice: slice, palette: heatmap.palette).draw(into: &buffer, x: layout.panelX, height: layout.messageRow)
        } else if let live = model.live {
            buffer.write(live.ended == nil ? "waiting for the first frame from \(live.source) …" : "\(live.source) ended before its first frame", x: 1, y: 1)
            LiveStatus.lines(live).enumerated().forEach { buffer.write($1.text, x: 1, y: 3 + $0, foreground: $1.color) }
        } else {
            buffer.write("no tensor to view — assign one with : (e.g. :x = randn((1, 1, 32, 32)))", x: 1, y: 1)
        }
        buffer.write(model.message ?? "", x: 0, y: layout.messageRow, foreground: 214, limit: layout.width)
        drawHint(model, into: &buffer, row: layout.hintRow)
        modalOverlay(model)?.draw(into: &buffer)
        return buffer
    }

    /// The overlay of the model's mode, if it has one.
    private func modalOverlay(_ model: ViewerModel) -> Overlay? {
        let view = model.session.view
        switch model.mode {
        case .help:
            return Overlay(title: "subpix keys — Esc or any key closes", lines: KeyTable.helpLines)
        case .explain:
            return Overlay(title: "explain \(view.method.rawValue) — any key closes", lines: ExplainPane(model: model).lines)
        case .diagnosis:
            guard let diagnosis = model.diagnosis else { return nil }
            return Overlay(title: "diagnosis of \(view.method.rawValue), T \(view.temperature) — any key closes",
                           lines: DiagnosisText.lines(diagnosis, radius: 2) + ["", "thresholds: docs/diagnose.md"])
        case .normal, .command:
            return nil
        }
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
        buffer.write(KeyTable.hintBar, x: 0, y: row, foreground: 244, limit: buffer.width)
    }
}
