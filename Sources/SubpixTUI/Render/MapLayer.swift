import SubpixLanguage
import SubpixPictures


/// Something drawn over the heatmap pane (keypoints, ground truth, the cursor):
/// it reads the model and marks cells through the pane's ``Placement``.
protocol MapLayer: Sendable {
    func draw(_ model: ViewerModel, _ place: Placement, into buffer: inout CellBuffer)
}

/// Each run's keypoints in its method's marker (for volumes those within `view.depth_band`
/// slices of the shown depth) and the ground truth, unless `view.markers` is off — all of
/// them visible where they share a cell, as at native scale a true peak and its estimates
/// do: a keypoint takes its own cell; a true peak under one is drawn as `[` `]` in the cells
/// left and right of it; a keypoint whose cell another method's holds (compare mode) takes
/// the nearest free cell within two of it.
struct MarkerLayer: MapLayer {
    /// A cell of the pane.
    struct Spot: Hashable {
        var column: Int, row: Int
    }

    /// The cells around a displaced keypoint's, nearest first: the 8 neighbours, then the ring of 16.
    static let around: [(Int, Int)] = {
        var offsets: [(Int, Int)] = []
        for ring in 1...2 {
            var cells: [(Int, Int)] = []
            for dy in -ring...ring {
                for dx in -ring...ring where max(abs(dx), abs(dy)) == ring { cells.append((dx, dy)) }
            }
            offsets += cells.sorted { abs($0.0) + abs($0.1) < abs($1.0) + abs($1.1) }
        }
        return offsets
    }()

    func draw(_ model: ViewerModel, _ place: Placement, into buffer: inout CellBuffer) {
        guard model.session.view.markers, let palette = model.palette else { return }
        var taken = Set<Spot>()
        var displaced: [(Marker, Spot)] = []
        for run in model.runs {
            let marker = Marker(style: .of(run.method), palette: palette)
            for point in model.drawnKeypoints(run) {
                guard let spot = place.cell(x: point.x, y: point.y) else { continue }
                let home = Spot(column: spot.column, row: spot.row)
                if taken.insert(home).inserted { marker.mark(point.x, point.y, place, &buffer) } else { displaced.append((marker, home)) }
            }
        }
        let truth = Marker(style: .truth, palette: palette)
        for peak in model.groundTruth {
            guard let spot = place.cell(x: peak.x, y: peak.y) else { continue }
            let home = Spot(column: spot.column, row: spot.row)
            guard taken.contains(home) else {
                taken.insert(home)
                truth.mark(peak.x, peak.y, place, &buffer)
                continue
            }
            for (glyph, dx) in [("[" as Character, -1), ("]", 1)] {
                let side = Spot(column: home.column + dx, row: home.row)
                guard place.contains(side), taken.insert(side).inserted else { continue }
                truth.mark(glyph, at: side, &buffer)
            }
        }
        for (marker, home) in displaced {
            let free = Self.around.lazy.map { Spot(column: home.column + $0.0, row: home.row + $0.1) }
                .first { place.contains($0) && !taken.contains($0) }
            guard let free else { continue }
            taken.insert(free)
            marker.mark(marker.glyph, at: free, &buffer)
        }
    }
}

/// The cursor, visible on any colour and never hiding a marker: on the heat map a square
/// `□` in black or white, whichever stands out more from the heat colour of the pixel's
/// half-cell; over a marker (or the truth's `[ ]`) that glyph in reverse video, its colours
/// swapped. ASCII mode has no colours: the square replaces whatever is there.
struct CursorLayer: MapLayer {
    func draw(_ model: ViewerModel, _ place: Placement, into buffer: inout CellBuffer) {
        guard let spot = place.cell(x: Double(model.cursorX), y: Double(model.cursorY)) else { return }
        let cell = buffer[spot.column, spot.row]
        let cursor: Cell
        if model.colorMode == .ascii {
            cursor = Cell("□", bold: true)
        } else if cell.glyph == "▀" || cell.glyph == " " {
            let heat = cell.glyph == "▀" && spot.subY < 2 ? cell.foreground : cell.background
            let under = heat.rgb ?? .black
            let ink: TerminalColor = RGB.white.contrastRatio(with: under) >= RGB.black.contrastRatio(with: under) ? 231 : 16
            cursor = Cell("□", foreground: ink, background: heat, bold: true)
        } else {
            cursor = Cell(cell.glyph, foreground: cell.background, background: cell.foreground, bold: true)
        }
        buffer[spot.column, spot.row] = cursor
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

    /// `glyph` in cell `spot`, its colour against the heat colour of the cell's top half.
    func mark(_ glyph: Character, at spot: MarkerLayer.Spot, _ buffer: inout CellBuffer) {
        let cell = buffer[spot.column, spot.row]
        let heat = cell.glyph == "▀" ? cell.foreground : cell.background
        buffer[spot.column, spot.row] = Cell(glyph, foreground: color(heat), background: heat, bold: true)
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
