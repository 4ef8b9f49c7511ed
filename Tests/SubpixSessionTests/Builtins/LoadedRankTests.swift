import XCTest
import Subpix
@testable import SubpixLanguage
@testable import SubpixSession

/// Arrays of three or more axes load with the shape NumPy saved (formats/*.npy,
/// written by scripts/make-test-resources.py), so saved points work with the ops
/// that take points, and a stack given to a map op is told how to lift it.
final class LoadedRankTests: ScriptTestCase {
    private let points = TestResources.path("formats/points_b_k_2.npy")   // [[[7, 10]]], (B, K, 2)
    private let stack = TestResources.path("formats/f4_3d.npy")           // arange(24).reshape(2, 3, 4)

    /// A Gaussian of σ = 1.5 at (7.3, 9.6) peaks at pixel (7, 10), the point the file holds.
    func testSavedPointsRefineAndSubtractLikePointsMadeInTheScript() throws {
        try value("""
            heat = gaussians(size=(20, 24), peaks=[(7.3, 9.6, 1.5)])
            saved = load('\(points)')
            c, v = heatmap_maximum(heat)
            from_file = refine_dark(heat, saved)
            from_script = refine_dark(heat, c)
            error = subpixel_peak(heat) - saved
            """)
        XCTAssertEqual(session.tensor(named: "saved")?.shape, [1, 1, 2])
        XCTAssertEqual(try elements("from_file"), try elements("from_script"))
        XCTAssertEqual(session.tensor(named: "error")?.shape, [1, 1, 2])
        let error = try elements("error")
        XCTAssertEqual(error[0], 0.3, accuracy: 1e-4, "7.3 - 7")
        XCTAssertEqual(error[1], -0.4, accuracy: 1e-4, "9.6 - 10")
    }

    func testAStackGivenToAMapOpNamesItsShapeAndTheLift() throws {
        try value("x = load('\(stack)')")
        XCTAssertEqual(session.tensor(named: "x")?.shape, [2, 3, 4])
        assertErrors([
            ("conv_soft_argmax2d(x)", "1:1: conv_soft_argmax2d: expected input of shape (B, C, H, W), got (2, 3, 4); add the leading axes with x[None]"),
            ("nms3d(x, (3, 3, 3))", "1:1: nms3d: expected input of shape (B, C, D, H, W), got (2, 3, 4); add the leading axes with x[None, None]"),
            ("heatmap_maximum(x)", "1:1: heatmap_maximum: expected input of shape (B, K, H, W), got (2, 3, 4); add the leading axes with x[None]"),
        ])
        XCTAssertEqual(try value("conv_soft_argmax2d(x[None]).shape"), .tuple([1, 2, 2, 3, 4].map(Value.int)))
    }
}
