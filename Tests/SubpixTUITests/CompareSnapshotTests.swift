import XCTest
import Subpix
import SubpixPictures
@testable import SubpixTUI
import TestSupport

/// Issue 25, item 11: in compare mode `--snapshot out.png` stacked the methods' markers
/// where they fall together, so only the last-drawn one showed at each peak.
final class CompareSnapshotTests: XCTestCase {
    /// The demo in compare mode at 120 × 40 (10 picture pixels per data pixel, markers of
    /// radius 10), coloured on a fixed range (5, 6) far above its values, so the whole map
    /// is the palette's low end and each marker's fill is its colour made to contrast with
    /// that one colour. Read back from the PNG, around the strongest peak every method
    /// with a keypoint there keeps at least half the fill pixels it has when drawn alone.
    func testEveryMethodsMarkerShowsAtAPeakTheyShare() throws {
        let model = try demoModel(colorMode: .trueColor)
        model.update(.resize(width: 120, height: 40))
        XCTAssertTrue(model.run("view.range = (5, 6)"))
        model.send(.character("o"))
        let path = try scratchDirectory("subpix-compare-png").appendingPathComponent("compare.png").path
        try ViewSnapshot(model).write(to: path, overwrite: false)
        let png = try RGBFile(path)
        let labelled = try XCTUnwrap(ViewSnapshot(model).labelled)
        let (left, top) = labelled.mapOrigin
        let low = png.pixel(left + 1, top + 1)
        XCTAssertEqual(low, ColorMap(.viridis).color(0), "the map is the palette's low end")

        // Pixels of `color` within 6 data pixels of the strongest peak, in the image `pixel(x, y)` reads.
        let strongest = try XCTUnwrap(model.runs.first { $0.method == .convSoftArgmax2d }?.keypoints.points.max { $0.value < $1.value })
        let peak = (x: (strongest.x + 0.5) * 10, y: (strongest.y + 0.5) * 10)
        func count(_ color: RGB, _ pixel: (Int, Int) -> RGB) -> Int {
            var found = 0
            for y in Int(peak.y - 60)..<Int(peak.y + 60) {
                for x in Int(peak.x - 60)..<Int(peak.x + 60) where pixel(x, y) == color { found += 1 }
            }
            return found
        }
        let picture = try XCTUnwrap(ViewSnapshot(model).picture)
        let sharing = model.runs.filter { run in run.keypoints.points.contains { hypot($0.x - strongest.x, $0.y - strongest.y) < 1.5 } }
        XCTAssertGreaterThanOrEqual(sharing.count, 8, "most methods mark the first peak")
        for run in sharing {
            let style = MarkerStyle.of(run.method)
            let fill = style.color.contrasting(against: low)
            var alone = picture
            alone.layers = alone.layers.filter { $0.style == style }
            let image = alone.render()
            let own = count(fill) { image[$0, $1] }
            let shown = count(fill) { png.pixel(left + $0, top + $1) }
            XCTAssertGreaterThan(own, 20, "\(run.method.name) alone")
            XCTAssertGreaterThanOrEqual(shown, own / 2, "\(run.method.name): \(shown) of its \(own) fill pixels show")
        }
    }
}
