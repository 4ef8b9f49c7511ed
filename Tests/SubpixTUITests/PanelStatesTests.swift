import XCTest
import SubpixSession
@testable import SubpixTUI

/// States the side panel used to pass over in silence or report misleadingly
/// (issue 25, items 10 and 12).
final class PanelStatesTests: XCTestCase {
    /// A viewer on `x = gaussians(size=(32, 40), peaks=PEAKS)`, `statements` run after.
    private func model(peaks: String, _ statements: [String] = []) throws -> ViewerModel {
        let model = try demoModel()
        for statement in ["x = gaussians(size=(32, 40), peaks=[\(peaks)])", "view.input = 'x'"] + statements {
            XCTAssertTrue(model.run(statement), "\(statement): \(model.message ?? "")")
        }
        return model
    }

    private func screen(_ model: ViewerModel, _ width: Int = 120, _ height: Int = 40) -> String {
        rendered(model, width, height).textPlane
    }

    func testTwoPeaksFoundAsOneReportOneMissed() throws {
        // σ = 1.5 peaks 2 px apart merge into one maximum: nms2d lists one keypoint for two truths.
        let view = try model(peaks: "(10.3, 12.6, 1.5, 1.0), (12.3, 12.6, 1.5, 1.0)", ["view.method = 'nms2d'"])
        XCTAssertEqual(view.runs.first?.keypoints.count, 1)
        let text = screen(view)
        XCTAssertTrue(text.contains("1 missed"), text)
        XCTAssertTrue(text.contains("truth: 2 peaks (±3 px)"), text)
    }

    func testNormalisedCoordinatesAMethodCannotGiveAreNoted() throws {
        let dark = try model(peaks: "(10.3, 12.6, 1.5, 1.0)", ["view.method = 'dark'", "view.normalized_coordinates = True"])
        XCTAssertTrue(screen(dark).contains("n: pixels shown — dark has no"), screen(dark))
        XCTAssertTrue(screen(dark).contains("── keypoints (x, y, value) ──"))
        let compare = try model(peaks: "(10.3, 12.6, 1.5, 1.0)", ["view.compare = True", "view.normalized_coordinates = True"])
        XCTAssertTrue(screen(compare).contains("n: pixels shown"), screen(compare))
        let nms = try model(peaks: "(10.3, 12.6, 1.5, 1.0)", ["view.method = 'nms2d'", "view.normalized_coordinates = True"])
        XCTAssertFalse(screen(nms).contains("n: pixels shown"), "nms2d normalises: no note")
        XCTAssertTrue(screen(nms).contains("── normalised (x, y, value) ──"))
    }

    func testAPeakInsideTheNMSBorderIsExplained() throws {
        // The peak at column 2 is inside the 3 px a 7 × 7 window needs; the one at column 30 is not.
        let wide = try model(peaks: "(2.0, 14.0, 1.5, 1.0), (30.2, 20.4, 1.5, 0.8)", ["view.method = 'nms2d'", "view.kernel_size = (7, 7)"])
        XCTAssertFalse(wide.runs[0].keypoints.contains { $0.x < 3 }, "kornia's nms2d ignores the border")
        let text = screen(wide)
        XCTAssertTrue(text.contains("⚠ peak (2, 14) at the border:"), text)
        XCTAssertTrue(text.contains("nms2d ignores the outer 3 px"), text)
        let narrow = try model(peaks: "(2.0, 14.0, 1.5, 1.0), (30.2, 20.4, 1.5, 0.8)", ["view.method = 'nms2d'"])
        XCTAssertFalse(screen(narrow).contains("at the border"), "a 3 × 3 window finds it at column 2")
    }

    func testAMapWithNoPeakRanNothingAndSaysSo() throws {
        let flat = try model(peaks: "(10.3, 12.6, 1.5, 0.0)")
        let text = screen(flat, 80, 24)
        XCTAssertTrue(text.contains("0 kp  (not run)"), text)
        XCTAssertFalse(text.contains("out -"), text)
    }

    func testThePanelNamesTheFileAndTheZoom() throws {
        let view = try model(peaks: "(10.3, 12.6, 1.5, 1.0)")
        view.sourceFile = "/data/run 3/pose.npy"
        XCTAssertTrue(screen(view).contains("← pose.npy"), screen(view))
        XCTAssertTrue(screen(view).contains("· fit"))
        view.send(.character("+"))
        XCTAssertTrue(screen(view).contains("· zoom ×2"), screen(view))
    }

    func testNoNegativeZeroAndAlignedValues() throws {
        XCTAssertEqual(PanelNumber.fixed(-0.0001, "%8.3f"), "   0.000")
        XCTAssertEqual(PanelNumber.fixed(-1.5, "%8.3f"), "  -1.500")
        // The decimal point in the same column from 1 to 0.001; beyond, 9 columns of scientific notation.
        let values = [1, 0.7475, 0.01234, 0.001, 0].map(PanelNumber.value)
        XCTAssertEqual(Set(values.map { $0.distance(from: $0.startIndex, to: $0.firstIndex(of: ".") ?? $0.endIndex) }), [4], "\(values)")
        XCTAssertEqual(PanelNumber.value(0.0000123), " 1.23e-05")
        XCTAssertEqual(PanelNumber.value(-0.0), "   0.0000")
        // The cursor on a -0 pixel reads 0.
        let view = try model(peaks: "(10.3, 12.6, 1.5, 1.0)", ["x[0, 0, 16, 20] = -0.0"])
        (view.cursorX, view.cursorY) = (20, 16)
        XCTAssertTrue(screen(view).contains("── cursor (20, 16) = 0 ──"), screen(view))
    }
}
