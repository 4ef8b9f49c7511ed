import XCTest
import Subpix
@testable import SubpixTUI

/// Issue 25, item 10: one NaN pixel emptied `dark` and `dark_udp` for the whole map (their
/// rescale's maximum was NaN). The rule (docs/viewer.md, "NaN"): a NaN affects only the
/// keypoints whose window touches it.
final class NaNMapTests: XCTestCase {
    /// Peaks (x, y, σ[, amplitude]) at (12.3, 14.6) and (33.7, 45.2) of a 64 × 48 (H × W)
    /// map, one NaN at (x 4, y 60): 11 px and more from any peak's 5-px neighbourhood.
    private let peaks = [(x: 12.3, y: 14.6), (x: 33.7, y: 45.2)]
    private let nan = (x: 4, y: 60)

    private func model() throws -> ViewerModel {
        let model = try demoModel()
        XCTAssertTrue(model.run("x = gaussians(size=(64, 48), peaks=[(12.3, 14.6, 2.0), (33.7, 45.2, 2.5, 0.8)])"))
        XCTAssertTrue(model.run("x[0, 0, \(nan.y), \(nan.x)] = nan"))
        XCTAssertTrue(model.run("view.input = 'x'"))
        return model
    }

    func testEveryPeakMethodListsBothPeaks() throws {
        let model = try model()
        model.send(.character("o"))
        let perPeak = ["conv_soft_argmax2d", "nms2d", "quarter", "parabola", "gaussian", "centroid3", "quadratic", "dark", "dark_udp"]
        for name in perPeak {
            let run = try XCTUnwrap(model.runs.first { $0.method.name == name }, name)
            XCTAssertEqual(run.keypoints.count, 2, "\(name) lists both peaks")
            for peak in peaks {
                let error = run.keypoints.points.map { hypot($0.x - peak.x, $0.y - peak.y) }.min() ?? .infinity
                XCTAssertLessThan(error, 1, "\(name) near \(peak)")
            }
        }
        // spatial_soft_argmax2d's window is the whole map, so the NaN touches it: its one point is dropped and counted.
        let whole = try XCTUnwrap(model.runs.first { $0.method.name == "spatial_soft_argmax2d" })
        XCTAssertEqual([whole.keypoints.count, whole.keypoints.droppedNonFinite], [0, 1])
    }

    /// conv_soft_argmax2d (kornia 0.9, per window) loses just the 3 × 3 = 9 windows whose 3 × 3 cells hold the NaN.
    func testConvSoftArgmaxLosesOnlyTheWindowsTouchingTheNaN() throws {
        var map: Tensor<Float> = try gaussians(size: (64, 48), peaks: [GaussianPeak(x: 12.3, y: 14.6, sigma: 2)])
        map[0, 0, nan.y, nan.x] = .nan
        let coords = try convSoftArgmax2d(map, normalizedCoordinates: false).coords   // (1, 1, 2, 64, 48)
        var lost: [[Int]] = []
        for y in 0..<64 { for x in 0..<48 where !coords[0, 0, 0, y, x].isFinite || !coords[0, 0, 1, y, x].isFinite { lost.append([x, y]) } }
        XCTAssertEqual(lost, (59...61).flatMap { y in (3...5).map { [$0, y] } })
    }

    /// The cursor reads the map's value away from the NaN (at the first peak's pixel (12, 15):
    /// exp(−(0.3² + 0.4²) / (2 · 2²)) = 0.9692) with a finite window coordinate; beside the
    /// NaN its window holds the NaN, and on it the value is NaN.
    func testCursorReadsRealValuesAwayFromTheNaN() throws {
        let model = try model()
        (model.cursorX, model.cursorY) = (12, 15)
        var screen = rendered(model, 120, 40).textPlane
        XCTAssertTrue(screen.contains("── cursor (12, 15) = 0.9692 ──"), screen)
        XCTAssertTrue(screen.contains("→ (12."), screen)
        XCTAssertFalse(screen.contains("nan"), screen)
        (model.cursorX, model.cursorY) = (nan.x + 1, nan.y)
        screen = rendered(model, 120, 40).textPlane
        XCTAssertTrue(screen.contains("→ (nan, nan)"), screen)
        (model.cursorX, model.cursorY) = (nan.x, nan.y)
        screen = rendered(model, 120, 40).textPlane
        XCTAssertTrue(screen.contains("── cursor (4, 60) = nan ──"), screen)
    }
}
