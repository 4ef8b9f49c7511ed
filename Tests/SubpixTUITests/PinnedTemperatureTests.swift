import XCTest
import Subpix
import SubpixSession
@testable import SubpixTUI
import TestSupport

/// Issue 25, item 10: the default `conv_soft_argmax2d` at temperature 1 on a map of
/// range 1 weighs a window's pixels almost evenly and pins every point near a pixel
/// centre; the viewer says so, and Enter in `d` applies the temperature it suggests.
final class PinnedTemperatureTests: XCTestCase {
    /// Four σ = 2 peaks of amplitude 1 at these centres (known by construction), far
    /// enough apart (≥ 18 px) that each window sees one peak alone; the map spans [0, 1).
    private static let centres: [(x: Double, y: Double)] = [(10.3, 12.7), (30.6, 10.2), (20.45, 28.35), (38.2, 30.8)]

    private func model() throws -> ViewerModel {
        let session = Session(output: { _ in })
        let peaks = Self.centres.map { "(\($0.x), \($0.y), 2.0)" }.joined(separator: ", ")
        try session.execute("heat = gaussians(size=(40, 48), peaks=[\(peaks)])")
        let model = ViewerModel(session: session, colorMode: .xterm256, size: (120, 40), outputDirectory: try scratchDirectory("subpix-pinned"))
        model.showsTimings = false
        model.send(.resize(width: 120, height: 40))
        return model
    }

    /// The mean distance from each listed point to the nearest true centre.
    private func meanError(_ model: ViewerModel) throws -> Double {
        let points = try XCTUnwrap(model.runs.first?.keypoints)
        XCTAssertEqual(points.count, Self.centres.count, "one point per peak")
        let errors = points.map { point in Self.centres.map { hypot(point.x - $0.x, point.y - $0.y) }.min() ?? .infinity }
        return errors.reduce(0, +) / Double(errors.count)
    }

    /// At T = 1 the map's range over T is at most 1 < ln 4 (``MapDiagnosis/pinningSpread``):
    /// no window's weights differ by 4×, so no window can move a point half a pixel. The
    /// points sit near pixel centres: by hand, the centres' offsets from their nearest
    /// pixels are hypot(0.3, 0.3), hypot(0.4, 0.2), hypot(0.45, 0.35), hypot(0.2, 0.2) =
    /// 0.424, 0.447, 0.570, 0.283 px (mean 0.431), and a window moves a point at most
    /// (e − 1)/(e + 2) = 0.36 px towards them, far less for a smooth peak: the mean error
    /// stays above 0.3 px (0.376 measured). The suggested temperature (0.209) brings it
    /// under 0.25 px (0.204 measured): no lower, as below about T = 0.17 the NMS of pooled
    /// values keeps off-centre windows (docs/diagnose.md). T = 0.1 is not flagged as
    /// pinned (range / T ≈ 10 > ln 4).
    func testTemperatureOneOnARangeOneMapIsFlaggedAndEnterAppliesTheFix() throws {
        let model = try model()
        XCTAssertEqual(model.session.view.method, .convSoftArgmax2d)
        XCTAssertEqual(model.session.view.temperature, 1)
        guard case .pinned(1, _, let suggestion?)? = model.diagnosis?.verdicts.first else {
            return XCTFail("\(String(describing: model.diagnosis?.verdicts))")
        }
        let screen = Renderer().render(model).textPlane
        XCTAssertTrue(screen.contains("⚠ T too high — d for the diagnosis"), screen)
        let before = try meanError(model)
        XCTAssertGreaterThan(before, 0.3, "pinned near pixel centres, like a hard argmax")
        model.send(.character("d"))
        XCTAssertEqual(model.mode, .diagnosis)
        let pane = Renderer().render(model).textPlane.replacingOccurrences(of: "\n", with: " ")
        XCTAssertTrue(pane.contains("windows weigh pixels almost evenly"), pane)
        XCTAssertTrue(pane.contains("Enter sets temperature \(suggestion.temperature)"), pane)
        model.send(.enter)
        XCTAssertEqual(model.mode, .normal)
        XCTAssertEqual(model.session.view.temperature, suggestion.temperature)
        XCTAssertLessThan(suggestion.temperature, 1 / log(4.0), "below the pinning temperature range / ln 4")
        XCTAssertLessThan(try meanError(model), 0.25, "the suggestion frees the points from the pixel centres")
        XCTAssertEqual(model.diagnosis?.verdicts, [], "neither pinned nor worse than the hard argmax")

        model.run("view.temperature = 0.1")
        XCTAssertEqual(model.session.view.temperature, 0.1)
        XCTAssertFalse(model.diagnosis?.verdicts.contains { $0.label == "T too high" } ?? true, "range / T ≈ 10: no window is pinned")
        XCTAssertFalse(Renderer().render(model).textPlane.contains("pinned"))
    }
}
