import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// Keypoint markers in the terminal: one full-cell glyph per method, where the point is.
final class MarkerTests: XCTestCase {
    /// The demo (64 × 48) in the 63 × 30-cell pane of a 100 × 32 terminal: a screen pixel
    /// (half a cell tall) covers s = max(64/63, 48/60) = 64/63 data pixels; the map fills the
    /// width (origin x 0) and is centred vertically (origin y = (48 − 60 s)/2). Data point
    /// (x, y), pixel centres at integers, lands in column ⌊(x + ½)/s⌋ and row ⌊(y + ½ − origin y)/(2s)⌋.
    private func demoCell(_ x: Double, _ y: Double) -> (Int, Int) {
        let s = 64.0 / 63.0, originY = (48 - 60 * s) / 2
        return (Int((x + 0.5) / s), Int((y + 0.5 - originY) / (2 * s)))
    }

    /// For each 2D method (kornia's and the field's decoders), every keypoint's cell shows
    /// that method's glyph, bold, with the heat colour kept as its background and a 3 : 1
    /// contrasting foreground.
    func testEachMethodsGlyphSitsAtItsKeypointsCells() throws {
        for method in KeypointMethod.all where !method.isVolumetric {
            let model = try demoModel(colorMode: .trueColor)
            model.run("view.method = \"\(method.name)\"")
            let plain = try demoModel(colorMode: .trueColor)
            plain.run("view.markers = False")
            let (buffer, heat) = (rendered(model, 100, 32), rendered(plain, 100, 32))
            let glyph = MarkerStyle.of(method).shape.glyph
            XCTAssertFalse(model.runs[0].keypoints.isEmpty)
            for point in model.runs[0].keypoints {
                let (column, row) = demoCell(point.x, point.y)
                let cell = buffer[column, row]
                XCTAssertEqual(cell.glyph, glyph, "\(method) at (\(point.x), \(point.y))")
                XCTAssertTrue(cell.bold)
                let under = heat[column, row]
                XCTAssertTrue([under.foreground, under.background].contains(cell.background), "the heat colour stays as background")
                XCTAssertGreaterThanOrEqual((cell.foreground.rgb ?? .black).contrastRatio(with: cell.background.rgb ?? .black), 3)
            }
        }
    }

    /// Issue 25: at native scale each estimate sat in its true peak's cell and hid the ring
    /// (2 of the demo's 3); in compare mode only the last-drawn method showed where several
    /// share a cell. A covered true peak is now drawn as `[` `]` beside the estimate (where those
    /// cells are free), and every
    /// method with a keypoint shows its glyph in the pane, in compare mode too.
    func testTruthAndEveryMethodStayVisible() throws {
        for compare in [false, true] {
            let model = try demoModel(colorMode: .trueColor)
            if compare { model.run("view.compare = True") }
            let buffer = rendered(model, 100, 32)
            XCTAssertEqual(model.groundTruth.count, 3)
            var bracketed = 0
            for peak in model.groundTruth {
                let (column, row) = demoCell(peak.x, peak.y)
                // A side another method's keypoint holds keeps that keypoint: one bracket then.
                let brackets = buffer[column - 1, row].glyph == "[" || buffer[column + 1, row].glyph == "]"
                XCTAssertTrue(buffer[column, row].glyph == "◎" || brackets, "truth at (\(peak.x), \(peak.y)), compare \(compare)")
                if brackets { bracketed += 1 }
            }
            XCTAssertGreaterThan(bracketed, 0, "an estimate covers a true peak's cell (compare \(compare))")
            let pane = Set((0..<63).flatMap { column in (0..<30).map { buffer[column, $0].glyph } })
            XCTAssertEqual(model.runs.count, compare ? 11 : 1)
            for run in model.runs where !run.keypoints.isEmpty {
                XCTAssertTrue(pane.contains(MarkerStyle.of(run.method).shape.glyph), "\(run.method), compare \(compare)")
            }
        }
    }

    /// Ground truth has its own glyph (◎) at each peak not covered by a method's marker (the
    /// spatial soft-argmax lands between the blobs), and the legend shows each glyph in its colour.
    func testGroundTruthGlyphAndLegend() throws {
        let model = try demoModel(colorMode: .trueColor)
        model.run("view.method = \"spatial_soft_argmax2d\"")
        let buffer = rendered(model, 100, 32)
        let truthCells = model.groundTruth.map { demoCell($0.x, $0.y) }
        let methodCells = model.runs[0].keypoints.map { demoCell($0.x, $0.y) }
        let uncovered = truthCells.filter { cell in !methodCells.contains { $0 == cell } }
        XCTAssertEqual(uncovered.count, 3)
        for (column, row) in uncovered { XCTAssertEqual(buffer[column, row].glyph, "◎") }
        let text = buffer.textPlane
        XCTAssertTrue(text.contains("+ 1 kp"), "legend with the method's glyph")
        XCTAssertTrue(text.contains("◎ truth: 3 peaks"))
        let legendRow = try XCTUnwrap(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("+ 1 kp") })
        let legendCell = buffer[100 - Layout.sidePanelWidth, legendRow]
        XCTAssertEqual(legendCell.glyph, "+")
        XCTAssertEqual(legendCell.foreground, .rgb(MarkerStyle.of(.spatialSoftArgmax2d).color))
    }

    /// Zoomed in 4× and more, a data pixel spans several cells and a keypoint at x = 10.75 sits
    /// in the cell of 10.75, not in the cell of pixel 10's centre.
    func testZoomedMarkerSitsInTheCellOfItsSubPixelPosition() throws {
        let slice = MapSlice(.float32(try Tensor(shape: [1, 1, 24, 32], elements: [Float](repeating: 0, count: 768))), batch: 0, channel: 0, depth: 0)
        var viewport = Viewport()
        viewport.zoom = 8
        viewport.originX = 9
        viewport.originY = 3
        viewport.clamp(mapWidth: 32, mapHeight: 24, columns: 40, rows: 20)
        let palette = Palette(.viridis, mode: .trueColor)
        let place = viewport.placement(mapWidth: 32, mapHeight: 24, pane: (0, 0, 40, 20))
        XCTAssertLessThanOrEqual(place.scale, 0.25, "at least 4 cells per data pixel")
        var buffer = CellBuffer(width: 40, height: 20)
        HeatmapRenderer(image: PaneImage(slice, placement: place, reduction: .max), palette: palette, scale: slice.colorScale)
            .draw(into: &buffer, x: 0, y: 0)
        Marker(style: .of(.convSoftArgmax2d), palette: palette).mark(10.75, 5, place, &buffer)
        // Columns by hand: data x spans [x + ½ − origin] / scale screen pixels from the pane's left.
        let column = { (x: Double) in Int((x + 0.5 - place.originX) / place.scale) }
        let row = Int((5.5 - place.originY) / place.scale / 2)
        XCTAssertNotEqual(column(10.75), column(10))
        XCTAssertEqual(buffer[column(10.75), row].glyph, "×")
        XCTAssertEqual(buffer[column(10), row].glyph, "▀", "pixel 10's centre cell keeps the heatmap")
    }

    /// `h` hides every marker (the map alone) and shows them again; it is a journaled statement.
    func testHideAndShowMarkers() throws {
        let model = try demoModel(colorMode: .trueColor)
        let markers: Set<Character> = ["×", "◎", "+", "○"]
        XCTAssertTrue(rendered(model, 100, 32).textPlane.contains { markers.contains($0) })
        model.update(.character("h"))
        XCTAssertFalse(model.session.view.markers)
        XCTAssertEqual(model.session.journal.last, "view.markers = False")
        let hidden = rendered(model, 100, 32)
        let pane = hidden.textPlane.split(separator: "\n").map { $0.prefix(63) }.joined()
        XCTAssertFalse(pane.contains { markers.contains($0) }, "no marker in the pane")
        XCTAssertTrue(pane.contains("□"), "the cursor stays")
        model.update(.character("h"))
        XCTAssertTrue(model.session.view.markers)
    }

    /// `i` writes the view as a PNG beside the session files; `:snapshot("v.png")` to a given
    /// name; outside the viewer `snapshot(...)` says where to go instead.
    func testSnapshotKeyAndCommand() throws {
        let model = try demoModel(colorMode: .trueColor)
        model.send(.character("i"))
        let first = model.outputDirectory.appendingPathComponent("subpix-view.png")
        XCTAssertEqual(model.message, "wrote \(first.path)")
        XCTAssertEqual(Array((FileManager.default.contents(atPath: first.path) ?? Data()).prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        model.send(.character("i"))
        XCTAssertEqual(model.message, "wrote \(model.outputDirectory.appendingPathComponent("subpix-view-2.png").path)")
        XCTAssertTrue(model.run("snapshot(\"v.png\")"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: model.outputDirectory.appendingPathComponent("v.png").path))
        XCTAssertFalse(model.run("snapshot(\"v.png\")"), "an existing file is not replaced")
        XCTAssertTrue(model.message?.contains("file exists") == true, model.message ?? "")
        let elsewhere = Session(output: { _ in })
        XCTAssertThrowsError(try elsewhere.execute("snapshot(\"x.png\")")) {
            XCTAssertTrue("\($0)".contains("snapshot(): only in the viewer (subpix view)"), "\($0)")
        }
    }
}
