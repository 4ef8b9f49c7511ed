import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// The field decoders as script builtins: the names and defaults, both
/// dtypes, and one-line errors.
final class FieldBuiltinTests: ScriptTestCase {
    func testSignaturesUseTheLibrariesNamesAndDefaults() {
        let signatures = Dictionary(uniqueKeysWithValues: BuiltinRegistry.standard.builtins(in: .field).map { ($0.name, $0.signature) })
        XCTAssertEqual(signatures, [
            "heatmap_maximum": "heatmap_maximum(input)",
            "refine_quarter": "refine_quarter(input, coords)",
            "gaussian_blur": "gaussian_blur(input, kernel_size=11)",
            "refine_dark": "refine_dark(input, coords, blur_kernel_size=11)",
            "refine_dark_udp": "refine_dark_udp(input, coords, blur_kernel_size=11)",
            "subpixel_peak": "subpixel_peak(input, method='gaussian', coords=None)",
            "centroid_com": "centroid_com(input)",
            "centroid_quadratic": "centroid_quadratic(input, fit_boxsize=5, coords=None)",
            "accuracy": "accuracy(methods=None, sigma=1.0, noise=0.0, trials=400, size=(64, 48), center=(20, 30), seed=0, temperature=1.0)",
            "bias_plot": "bias_plot(methods=None, sigma=1.0, noise=0.0, trials=400, size=(64, 48), center=(20, 30), seed=0, temperature=1.0)",
        ])
    }

    /// A noiseless Gaussian of σ = 1.5 at (7.3, 9.6): argmax finds pixel (7, 10), the
    /// quarter step moves it to (7.25, 9.75), and the 3-point Gaussian fit is exact.
    func testAPipelineDecodesAGaussian() throws {
        try value("""
            heat = gaussians(size=(20, 24), peaks=[(7.3, 9.6, 1.5)])
            c, v = heatmap_maximum(heat)
            q = refine_quarter(heat, c)
            g = subpixel_peak(heat)
            d = refine_dark(heat, c + zeros((1, 1, 2), dtype='float64'))
            """)
        XCTAssertEqual(try elements("c"), [7, 10])
        XCTAssertEqual(try elements("q"), [7.25, 9.75])
        let gaussian = try elements("g")
        XCTAssertEqual(gaussian[0], 7.3, accuracy: 1e-4)
        XCTAssertEqual(gaussian[1], 9.6, accuracy: 1e-4)
        XCTAssertEqual(session.tensor(named: "d")?.dtype, .float32, "refiners run in the maps' dtype")
    }

    /// The accuracy lab can run every 2D method the viewer has, under the same name.
    func testEveryViewerMapMethodIsALabMethod() {
        for method in KeypointMethod.methods(forRank: 4) {
            XCTAssertEqual(HeatmapDecoder.named(method.name)?.name, method.name, "\(method.name) has no HeatmapDecoder")
        }
    }

    func testErrorsNameTheBuiltinAndTheExpectation() {
        assertErrors([
            ("subpixel_peak(zeros((1, 1, 3, 3)), method='cubic')",
             "1:43: subpixel_peak(): expected method to be 'gaussian', 'parabolic' or 'centroid', got str 'cubic'"),
            ("refine_dark(zeros((1, 1, 5, 5)), zeros((1, 2, 2)))",
             "1:1: refine_dark: expected coords of shape (B, K, 2) or (B, K, N, 2) with (B, K) = (1, 1) of the heatmaps, got (1, 2, 2)"),
            ("refine_quarter(zeros((1, 1, 5, 5)), keypoints(zeros((2, 1, 5, 5)) + 1))",
             "1:1: refine_quarter: expected 2D keypoints of the input's 1 × 1 maps, got a keypoint of batch 1, channel 0"),
            ("refine_quarter(zeros((1, 1, 5, 5)), 3)", "1:37: refine_quarter(): expected coords to be a (B, K, 2) or (B, K, N, 2) tensor, or keypoints, got int 3"),
        ])
    }
}

/// The viewer's `w` script for each field decoder prints the keypoints the viewer lists.
final class FieldViewScriptTests: XCTestCase {
    func testTheWrittenScriptReproducesEveryDecodersList() throws {
        for method in KeypointMethod.methods(forRank: 4) where HeatmapDecoder.named(method.name) != nil && ![.spatialSoftArgmax2d, .convSoftArgmax2d, .nms2d].contains(method) {
            let session = Session(output: { _ in })
            try session.execute("""
                heat = gaussians(size=(20, 24), peaks=[(7.3, 9.6, 1.5), (16.2, 5.4, 1.5, 0.7)], noise=0.01, seed=2)
                view.input = 'heat'
                view.method = '\(method.name)'
                """)
            let viewed = try XCTUnwrap(session.viewedTensor())
            let listed = MethodRun(method: method, tensor: viewed.tensor, view: session.view).keypoints
            XCTAssertFalse(listed.isEmpty, method.name)
            var printed: [String] = []
            try Session(output: { printed.append($0) }).execute(ViewScript.text(session, methods: [method]))
            let rows = printed.joined(separator: "\n").split(separator: "\n").dropFirst()
            XCTAssertEqual(rows.count, listed.count, "\(method.name): \(printed)")
            for (row, point) in zip(rows, listed) {
                let numbers = row.split(separator: " ").compactMap { Double($0) }
                XCTAssertEqual(numbers[2], point.x, accuracy: 1e-4, method.name)
                XCTAssertEqual(numbers[3], point.y, accuracy: 1e-4, method.name)
                XCTAssertEqual(numbers[4], point.value, accuracy: 1e-4, method.name)
            }
        }
    }

    /// A keypoint list as coords comes back as keypoints, each refined on its own map.
    func testKeypointsAsCoordsAreRefinedOnTheirOwnMaps() throws {
        var printed: [String] = []
        let session = Session(output: { printed.append($0) })
        try session.execute("""
            heat = gaussians(size=(20, 24), peaks=[(7.3, 9.6, 1.5)])
            m = keypoints(heat, mask=nms2d(heat, (3, 3), mask_only=True))
            g = subpixel_peak(heat, coords=m)
            print(g, format='csv')
            """)
        XCTAssertEqual(printed.first?.split(separator: "\n").first, "batch,channel,x,y,value")
        let fields = try XCTUnwrap(printed.first?.split(separator: "\n").last?.split(separator: ",").compactMap { Double($0) })
        XCTAssertEqual(fields[2], 7.3, accuracy: 1e-4, "the 3-point Gaussian is exact")
        XCTAssertEqual(fields[3], 9.6, accuracy: 1e-4)
        XCTAssertThrowsError(try session.execute("refine_dark(heat, keypoints(dog(heat, levels=3), mask=nms3d(dog(heat, levels=3), (3, 3, 3), mask_only=True)))"))
    }
}
