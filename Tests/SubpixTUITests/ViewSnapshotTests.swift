import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI
import TestSupport

/// The viewer's picture: what the pane shows, markers where the keypoints are.
final class ViewSnapshotTests: XCTestCase {
    /// Each conv_soft_argmax2d keypoint of the demo is marked at its own image pixel
    /// ((x + 0.5)·10, (y + 0.5)·10) at the 120 × 40 size (10 picture pixels per data pixel).
    func testMarkersSitAtTheKeypoints() throws {
        let model = try demoModel(colorMode: .trueColor)
        model.update(.resize(width: 120, height: 40))
        let picture = try XCTUnwrap(ViewSnapshot(model).picture)
        XCTAssertEqual(picture.upscale, 10)
        var bare = picture
        bare.layers = []
        let (marked, plain) = (picture.render(), bare.render())
        let points = try XCTUnwrap(model.runs.first?.keypoints)
        XCTAssertEqual(points.count, 3)
        for point in points {
            let (x, y) = (Int((point.x + 0.5) * 10), Int((point.y + 0.5) * 10))
            XCTAssertNotEqual(marked[x, y], plain[x, y], "marker at (\(point.x), \(point.y))")
            XCTAssertGreaterThanOrEqual(marked[x, y].contrastRatio(with: plain[x, y]), 3)
        }
        XCTAssertEqual(marked[5, 5], plain[5, 5], "the corner has no marker")
    }

    /// Zoomed in, the picture holds only the visible window of the map.
    func testZoomedViewPicturesTheVisibleWindow() throws {
        let model = try demoModel(colorMode: .trueColor)
        model.update(.resize(width: 120, height: 40))
        model.viewport.zoom = 4
        model.viewport.originX = 10
        model.viewport.originY = 8
        let picture = try XCTUnwrap(ViewSnapshot(model).picture)
        // Pane 83 × 76 screen pixels at 0.771 / 4 data pixels each: columns 10 ..< 26, rows 8 ..< 23.
        XCTAssertEqual(picture.width, 16)
        XCTAssertEqual(picture.height, 15)
        XCTAssertEqual(picture.upscale, 42, "8 · 4 · 83 / 64 = 41.5 picture pixels per data pixel, rounded")
        let slice = try XCTUnwrap(model.slice)
        XCTAssertEqual(picture.values.first, slice[10, 8])
    }

    /// Issue 25: the PNG had no title, no colour-bar labels and no legend. Read back, the
    /// demo's picture has text in its title rows, values under both ends of the colour bar,
    /// and the ground truth's and the method's legend markers in their colours; the map is
    /// the unlabelled picture's, moved down by the title.
    func testWrittenPictureHasTitleValuesAndLegend() throws {
        let model = try demoModel(colorMode: .trueColor)
        model.update(.resize(width: 120, height: 40))
        let path = try scratchDirectory("subpix-labelled").appendingPathComponent("view.png").path
        try ViewSnapshot(model).write(to: path, overwrite: false)
        let png = try RGBFile(path)
        let labelled = try XCTUnwrap(ViewSnapshot(model).labelled)
        let (left, top) = labelled.mapOrigin
        // Six title lines: the tensor, the selection, the method and colour range, three of settings.
        XCTAssertEqual(labelled.title.count, 6, "\(labelled.title)")
        XCTAssertEqual(labelled.title[2], "conv_soft_argmax2d  per map -0.0706 … 0.9781")
        XCTAssertEqual(top, 6 + 6 * 16)
        func textPixels(_ rows: Range<Int>, _ columns: Range<Int>) -> Int {
            rows.reduce(0) { sum, y in sum + columns.filter { png.pixel($0, y) == GridPicture.textColor }.count }
        }
        XCTAssertGreaterThan(textPixels(0..<top, 0..<png.width), 500, "title text")
        let bare = labelled.picture.render()
        XCTAssertEqual(png.pixel(left + 5, top + 5), bare[5, 5])
        let valuesTop = top + bare.height + 3
        XCTAssertGreaterThan(textPixels(valuesTop..<(valuesTop + 10), left..<(left + 60)), 20, "low end's value")
        XCTAssertGreaterThan(textPixels(valuesTop..<(valuesTop + 10), (left + bare.width - 60)..<(left + bare.width)), 20, "high end's value")
        let legendTop = valuesTop + 16
        for (line, style) in [MarkerStyle.truth, MarkerStyle.of(.convSoftArgmax2d)].enumerated() {
            let color = style.color.contrasting(against: GridPicture.background)
            let rows = (legendTop + 16 * line)..<(legendTop + 16 * line + 12)
            XCTAssertTrue(rows.contains { y in (left..<(left + 14)).contains { png.pixel($0, y) == color } }, "legend line \(line)")
        }
    }

    /// `--truth`: a table's rows are the truth of the maps they name; a row without `batch`
    /// belongs to every batch item.
    func testTruthTableRowsBelongToTheirMaps() throws {
        let session = Session(output: { _ in })
        try session.execute("heat = zeros((2, 3, 16, 16))")
        let model = ViewerModel(session: session, colorMode: .trueColor, size: (120, 40))
        model.truthTable = try TruthTable.parse("batch,channel,x,y\n1,2,3.5,4.5\n0,0,1,1\n", path: "t.csv")
            + TruthTable.parse("channel,x,y\n2,7,8\n", path: "u.csv")
        XCTAssertEqual(model.groundTruth.map(\.x), [1])
        XCTAssertTrue(model.run("view.batch, view.channel = 1, 2"))
        XCTAssertEqual(model.groundTruth.map { [$0.x, $0.y] }, [[3.5, 4.5], [7, 8]])
    }
}
