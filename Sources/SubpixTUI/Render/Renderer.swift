import Foundation
import Subpix
import SubpixScript

/// Renders a ``ViewerModel`` into a ``CellBuffer``: heatmap pane with keypoint
/// overlays, side panel (input, parameters, keypoints, cursor inspector),
/// message line, hint bar, and the help overlay or command line on top.
public struct Renderer {
    /// Glyph and colour of each method's markers (ASCII glyph, 256-colour index).
    public static func marker(_ method: ViewMethod) -> (glyph: Character, color: TerminalColor) {
        switch method {
        case .spatialSoftArgmax2d: ("+", 51)
        case .convSoftArgmax2d: ("x", 201)
        case .nms2d: ("o", 46)
        case .convSoftArgmax3d: ("x", 213)
        case .convQuadInterp3d: ("*", 226)
        case .iterativeQuadInterp3d: ("#", 208)
        }
    }

    /// Ground-truth peaks of `gaussians(...)` maps.
    public static let truthMarker: (glyph: Character, color: TerminalColor) = ("G", 196)

    public init() {}

    public func render(_ model: ViewerModel, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        let layout = Layout(width: width, height: height)
        if layout.isTooSmall {
            let text = "terminal too small (need \(Layout.minimumWidth)×\(Layout.minimumHeight))"
            let lines = text.count <= width ? [text] : ["terminal too small", "(need \(Layout.minimumWidth)×\(Layout.minimumHeight))"]
            for (index, line) in lines.enumerated() {
                buffer.write(line, x: max(0, (width - line.count) / 2), y: max(0, (height - lines.count) / 2) + index, bold: true)
            }
            return buffer
        }
        let pane = layout.pane
        if let slice = model.slice {
            model.viewport.clamp(mapWidth: slice.width, mapHeight: slice.height, columns: pane.columns, rows: pane.rows)
            let heatmap = HeatmapRenderer(
                slice: slice, palette: Palette.resolve(model.session.view.palette, signed: slice.isSigned, mode: model.colorMode),
                mode: model.colorMode, viewport: model.viewport)
            heatmap.draw(into: &buffer, x: pane.x, y: pane.y, columns: pane.columns, rows: pane.rows)
            let place = heatmap.placement(x: pane.x, y: pane.y, columns: pane.columns, rows: pane.rows)
            drawOverlays(model, place, into: &buffer)
            drawCursor(model, place, into: &buffer)
            SidePanel(model: model, slice: slice, palette: heatmap.palette).draw(into: &buffer, x: layout.panelX, height: layout.messageRow)
        } else {
            buffer.write("no tensor to view — assign one with : (e.g. :x = randn((1, 1, 32, 32)))", x: 1, y: 1)
        }
        buffer.write(model.message ?? "", x: 0, y: layout.messageRow, foreground: 214, limit: width)
        drawHint(model, into: &buffer, row: layout.hintRow)
        if model.mode == .help { HelpOverlay().draw(into: &buffer) }
        if model.mode == .explain {
            Overlay(title: "explain \(model.session.view.method.rawValue) — any key closes", lines: ExplainPane(model: model).lines)
                .draw(into: &buffer)
        }
        if model.mode == .diagnosis, let diagnosis = model.diagnosis {
            let lines = DiagnosisText.lines(diagnosis, radius: 2) + ["", "thresholds: docs/diagnose.md"]
            Overlay(title: "diagnosis of \(model.session.view.method.rawValue), T \(model.session.view.temperature) — any key closes", lines: lines)
                .draw(into: &buffer)
        }
        return buffer
    }

    private func drawOverlays(_ model: ViewerModel, _ place: HeatmapRenderer.Placement, into buffer: inout CellBuffer) {
        let ascii = model.colorMode == .ascii
        for run in model.runs {
            let marker = Self.marker(run.method)
            for point in run.keypoints { mark(point.x, point.y, marker, ascii: ascii, place, &buffer) }
        }
        for peak in model.groundTruth { mark(peak.x, peak.y, Self.truthMarker, ascii: ascii, place, &buffer) }
    }

    /// Marks a sub-pixel position: in colour mode a braille dot at the sub-cell
    /// position (2 across × 4 down per cell) over the heat colour; in ASCII mode the method's glyph.
    private func mark(_ x: Double, _ y: Double, _ marker: (glyph: Character, color: TerminalColor), ascii: Bool,
                      _ place: HeatmapRenderer.Placement, _ buffer: inout CellBuffer) {
        guard let spot = place.cell(x: x, y: y) else { return }
        var cell = buffer[spot.column, spot.row]
        if ascii {
            cell = Cell(marker.glyph, bold: true)
        } else {
            let dots: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
            var bits = dots[spot.subX][spot.subY]
            if let scalar = cell.glyph.unicodeScalars.first, (0x2800...0x28FF).contains(scalar.value), cell.foreground == marker.color {
                bits |= scalar.value - 0x2800
            }
            cell = Cell(Character(UnicodeScalar(0x2800 + bits) ?? " "), foreground: marker.color,
                        background: cell.glyph == "▀" ? cell.foreground : cell.background, bold: true)
        }
        buffer[spot.column, spot.row] = cell
    }

    private func drawCursor(_ model: ViewerModel, _ place: HeatmapRenderer.Placement, into buffer: inout CellBuffer) {
        guard let spot = place.cell(x: Double(model.cursorX), y: Double(model.cursorY)) else { return }
        var cell = buffer[spot.column, spot.row]
        if model.colorMode == .ascii || cell.glyph == "▀" || cell.glyph == " " {
            cell = Cell("□", foreground: 15, background: cell.glyph == "▀" ? cell.foreground : cell.background, bold: true)
        }
        buffer[spot.column, spot.row] = cell
    }

    private func drawHint(_ model: ViewerModel, into buffer: inout CellBuffer, row: Int) {
        if case .command(let text) = model.mode {
            let visible = text.count > buffer.width - 2 ? String(text.suffix(buffer.width - 2)) : text
            buffer.write(":" + visible + "▏", x: 0, y: row, bold: true)
            return
        }
        let hint = "q quit  ? help  : command  t/T temp  k/K kernel  s/S stride  p/P pad  m method  o compare  v next map"
        buffer.write(hint, x: 0, y: row, foreground: 244, limit: buffer.width)
    }
}
