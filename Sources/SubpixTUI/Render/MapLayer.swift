import SubpixLanguage
import SubpixPictures


/// Something drawn over the heatmap pane (keypoints, ground truth, the cursor):
/// it reads the model and marks cells through the pane's ``Placement``.
protocol MapLayer: Sendable {
    func draw(_ model: ViewerModel, _ place: Placement, into buffer: inout CellBuffer)
}

/// Each run's keypoints, in its method's marker (unless `view.markers` is off); for
/// volumes those within `view.depth_band` slices of the shown depth.
struct KeypointLayer: MapLayer {
    func draw(_ model: ViewerModel, _ place: Placement, into buffer: inout CellBuffer) {
        guard model.session.view.markers, let palette = model.palette else { return }
        for run in model.runs {
            let marker = Marker(style: .of(run.method), palette: palette)
            for point in model.drawnKeypoints(run) { marker.mark(point.x, point.y, place, &buffer) }
        }
    }
}

/// The peaks a `gaussians(...)` map was made with (unless `view.markers` is off).
struct TruthLayer: MapLayer {
    func draw(_ model: ViewerModel, _ place: Placement, into buffer: inout CellBuffer) {
        guard model.session.view.markers, let palette = model.palette else { return }
        let marker = Marker(style: .truth, palette: palette)
        for peak in model.groundTruth { marker.mark(peak.x, peak.y, place, &buffer) }
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

/// A keypoint marker in a cell: the style's glyph, bold, in the cell of the point's
/// sub-pixel position (when zoomed so a data pixel spans several cells, the one the
/// point falls in), in a colour with ≥ 3 : 1 contrast against the heat colour of the
/// half-cell under the point, which stays the cell's background.
struct Marker {
    let glyph: Character
    /// The glyph's colour over a heat colour.
    let color: (TerminalColor) -> TerminalColor

    /// A method's or the ground truth's marker, its colour chosen per cell by ``Palette/markerColor(_:over:)``.
    init(style: MarkerStyle, palette: Palette) {
        glyph = style.shape.glyph
        color = { palette.markerColor(style, over: $0) }
    }

    /// A glyph in one colour (none in ASCII mode).
    init(glyph: Character, color: TerminalColor, mode: ColorMode) {
        self.glyph = glyph
        self.color = { _ in mode == .ascii ? .standard : color }
    }

    func mark(_ x: Double, _ y: Double, _ place: Placement, _ buffer: inout CellBuffer) {
        guard let spot = place.cell(x: x, y: y) else { return }
        let cell = buffer[spot.column, spot.row]
        // A heat cell `▀` shows the top half in the foreground, the bottom in the background;
        // a cell already marked keeps its heat colour as the background.
        let heat = cell.glyph == "▀" && spot.subY < 2 ? cell.foreground : cell.background
        buffer[spot.column, spot.row] = Cell(glyph, foreground: color(heat), background: heat, bold: true)
    }
}
