/// Something drawn over the heatmap pane (keypoints, ground truth, the cursor):
/// it reads the model and marks cells through the pane's ``Placement``.
protocol MapLayer: Sendable {
    func draw(_ model: ViewerModel, _ place: Placement, into buffer: inout CellBuffer)
}

/// Each run's keypoints, in its method's marker; for volumes those within
/// `view.depth_band` slices of the shown depth.
struct KeypointLayer: MapLayer {
    func draw(_ model: ViewerModel, _ place: Placement, into buffer: inout CellBuffer) {
        let view = model.session.view
        for run in model.runs {
            let marker = Renderer.marker(run.method)
            for point in run.keypoints where point.depth.map({ abs($0 - Double(view.depth)) <= Double(view.depthBand) + 0.5 }) ?? true {
                Marker(marker).mark(point.x, point.y, ascii: model.colorMode == .ascii, place, &buffer)
            }
        }
    }
}

/// The peaks a `gaussians(...)` map was made with.
struct TruthLayer: MapLayer {
    func draw(_ model: ViewerModel, _ place: Placement, into buffer: inout CellBuffer) {
        for peak in model.groundTruth {
            Marker(Renderer.truthMarker).mark(peak.x, peak.y, ascii: model.colorMode == .ascii, place, &buffer)
        }
    }
}

/// The cursor: a white square on the pixel's cell.
struct CursorLayer: MapLayer {
    func draw(_ model: ViewerModel, _ place: Placement, into buffer: inout CellBuffer) {
        guard let spot = place.cell(x: Double(model.cursorX), y: Double(model.cursorY)) else { return }
        var cell = buffer[spot.column, spot.row]
        if model.colorMode == .ascii || cell.glyph == "▀" || cell.glyph == " " {
            cell = Cell("□", foreground: 15, background: cell.glyph == "▀" ? cell.foreground : cell.background, bold: true)
        }
        buffer[spot.column, spot.row] = cell
    }
}

/// A marker glyph and colour placed at a sub-pixel position.
struct Marker {
    let glyph: Character
    let color: TerminalColor

    init(_ marker: (glyph: Character, color: TerminalColor)) { (glyph, color) = marker }

    /// In colour mode a braille dot at the sub-cell position (2 across × 4
    /// down per cell) over the heat colour; in ASCII mode the glyph.
    func mark(_ x: Double, _ y: Double, ascii: Bool, _ place: Placement, _ buffer: inout CellBuffer) {
        guard let spot = place.cell(x: x, y: y) else { return }
        var cell = buffer[spot.column, spot.row]
        if ascii {
            cell = Cell(glyph, bold: true)
        } else {
            let dots: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
            var bits = dots[spot.subX][spot.subY]
            if let scalar = cell.glyph.unicodeScalars.first, (0x2800...0x28FF).contains(scalar.value), cell.foreground == color {
                bits |= scalar.value - 0x2800
            }
            cell = Cell(Character(UnicodeScalar(0x2800 + bits) ?? " "), foreground: color,
                        background: cell.glyph == "▀" ? cell.foreground : cell.background, bold: true)
        }
        buffer[spot.column, spot.row] = cell
    }
}
