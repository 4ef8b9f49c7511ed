import XCTest
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

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
}
