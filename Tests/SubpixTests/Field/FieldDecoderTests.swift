import XCTest
@testable import Subpix

/// Edge cases of the field decoders that the library fixtures do not reach,
/// each with its expected value derived by hand next to it.
final class FieldDecoderTests: XCTestCase {
    private func maps(_ height: Int, _ width: Int, _ values: [Double]) throws -> Tensor<Double> {
        try Tensor(shape: [1, 1, height, width], elements: values)
    }

    /// A sampled Gaussian exp(−((x − 2.3)² + (y − 1.8)²) / 2) on a 5×5 grid.
    private func gaussian(x: Double = 2.3, y: Double = 1.8, sigma: Double = 1, size: Int = 5) throws -> Tensor<Double> {
        try maps(size, size, (0..<(size * size)).map { index in
            let (row, column) = (Double(index / size), Double(index % size))
            return exp(-((column - x) * (column - x) + (row - y) * (row - y)) / (2 * sigma * sigma))
        })
    }

    func testHeatmapMaximumIsTheFirstMaximumAndMinusOneWithoutAPositiveValue() throws {
        let (coords, values) = try heatmapMaximum(try maps(2, 3, [0, 5, 1, 5, 2, 0]))
        XCTAssertEqual(coords.elements, [1, 0])
        XCTAssertEqual(values.elements, [5])
        let (empty, emptyValue) = try heatmapMaximum(try maps(2, 2, [-3, -1, -2, -1]))
        XCTAssertEqual(empty.elements, [-1, -1])
        XCTAssertEqual(emptyValue.elements, [-1])
        // NumPy's argmax stops at the first NaN; NaN <= 0 is false, so its pixel is kept.
        let (nanCoords, nanValue) = try heatmapMaximum(try maps(1, 3, [1, .nan, 9]))
        XCTAssertEqual(nanCoords.elements, [1, 0])
        XCTAssertTrue(nanValue.elements[0].isNaN)
    }

    /// mmpose's guard is 1 < x < W − 1: a point in column 1 does not move along x,
    /// one in column 2 does; rows need 0 < y < H for the x step.
    func testRefineQuarterKeepsMMPosesBorderGuards() throws {
        let ramp = try maps(4, 5, (0..<20).map { Double($0 % 5) })   // rises to the right
        let coords = try Tensor<Double>(shape: [1, 1, 3, 2], elements: [1, 2, 2, 2, 2.7, 0])
        let refined = try refineQuarter(ramp, coords: coords)
        XCTAssertEqual(refined.elements, [1, 2, 2.25, 2, 2.7, 0])
        XCTAssertEqual(refined.shape, [1, 1, 3, 2])
    }

    func testRefinersRejectCoordsThatDoNotMatchTheMaps() throws {
        let map = try gaussian()
        let wrong = try Tensor<Double>(shape: [2, 1, 2], elements: [1, 1, 2, 2])
        XCTAssertThrowsError(try refineDark(map, coords: wrong)) {
            XCTAssertEqual("\($0)", "refine_dark: expected coords of shape (B, K, 2) or (B, K, N, 2) with (B, K) = (1, 1) of the heatmaps, got (2, 1, 2)")
        }
        XCTAssertThrowsError(try gaussianBlur(map, kernelSize: 4)) {
            XCTAssertEqual("\($0)", "gaussian_blur: expected an odd positive kernel size, got 4")
        }
        XCTAssertThrowsError(try refineDark(map, coords: Tensor(shape: [1, 1, 2], elements: [2, 2]), blurKernelSize: 1_000_001)) {
            XCTAssertEqual("\($0)", "refine_dark: expected a kernel size of at most 1001, got 1000001")
        }
        XCTAssertThrowsError(try heatmapMaximum(Tensor<Double>(shape: [2, 3], repeating: 0))) {
            XCTAssertEqual("\($0)", "heatmap_maximum: expected input of shape (B, K, H, W), got (2, 3); add the leading axes with x[None, None]")
        }
    }

    /// cv2.getGaussianKernel(n, 0): the fixed table for n ≤ 7 (the 7-tap one is
    /// not binomial), and σ = 0.3·((n − 1)/2 − 1) + 0.8 = 1.7 for n = 9.
    func testOpenCVKernelUsesTheFixedSmallTableThenTheFormula() {
        XCTAssertEqual(GaussianModulation<Double>.openCVKernel(5), [1, 4, 6, 4, 1].map { $0 / 16 })
        XCTAssertEqual(GaussianModulation<Double>.openCVKernel(7), [1, 3.5, 7, 9, 7, 3.5, 1].map { $0 / 32 })
        let nine = (-4...4).map { exp(-Double($0 * $0) / (2 * 1.7 * 1.7)) }
        for (got, want) in zip(GaussianModulation<Double>.openCVKernel(9), nine.map { $0 / nine.reduce(0, +) }) {
            XCTAssertEqual(got, want, accuracy: 1e-15)
        }
    }

    /// Blurring a single spike with [1, 2, 1]/4 on both axes and rescaling to the
    /// original maximum gives 1 at the spike and 1/2, 1/4 beside and diagonal.
    func testGaussianBlurRescalesToTheOriginalMaximum() throws {
        let spike = try maps(3, 3, [0, 0, 0, 0, 1, 0, 0, 0, 0])
        XCTAssertEqual(try gaussianBlur(spike, kernelSize: 3).elements, [0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 0.25])
    }

    /// On a sampled Gaussian the log-parabola through three samples is exact.
    func testSubpixelPeakGaussianIsExactOnASampledGaussian() throws {
        let peak = try subpixelPeak(try gaussian())
        XCTAssertEqual(peak.elements[0], 2.3, accuracy: 1e-6)
        XCTAssertEqual(peak.elements[1], 1.8, accuracy: 1e-6)
    }

    /// Samples l = 1, c = 3, r = 2 on the x axis: parabolic shift (l − r)/(2l − 4c + 2r)
    /// = −1/−6 = 1/6; centroid (r − l)/(l + c + r) = 1/6; a negative sample turns
    /// gaussian into parabolic; a maximum on the border is NaN.
    func testSubpixelPeakMethodsAndFallbacks() throws {
        let row = try maps(3, 3, [0, 0, 0, 1, 3, 2, 0, -1, 0])
        for method in [SubpixelPeakMethod.parabolic, .gaussian] {
            XCTAssertEqual(try subpixelPeak(row, method: method).elements[0], 1 + 1.0 / 6, accuracy: 1e-6, "\(method)")
        }
        XCTAssertEqual(try subpixelPeak(row, method: .centroid).elements[0], 1 + 1.0 / 6, accuracy: 1e-6)
        let border = try subpixelPeak(try maps(3, 3, [9, 0, 0, 0, 1, 0, 0, 0, 0]))
        XCTAssertTrue(border.elements.allSatisfy(\.isNaN))
    }

    /// Mass 4 at (0, 0) and 1 at (2, 1): centre (2/5, 1/5). Non-finite values count as 0;
    /// a map summing to 0 has no centre.
    func testCentroidCOM() throws {
        let centre = try centroidCOM(try maps(2, 3, [4, .nan, 0, 0, .infinity, 1]))
        XCTAssertEqual(centre.elements[0], 0.4, accuracy: 1e-12)
        XCTAssertEqual(centre.elements[1], 0.2, accuracy: 1e-12)
        XCTAssertTrue(try centroidCOM(try maps(1, 2, [1, -1])).elements.allSatisfy(\.isNaN))
    }

    /// A sampled quadratic 5 − (x − 2.2)² − 2(y − 1.9)² is fitted exactly; a saddle
    /// has no maximum; a peak on the edge comes back unfitted.
    func testCentroidQuadratic() throws {
        let bowl = try maps(5, 5, (0..<25).map { index in
            let (y, x) = (Double(index / 5), Double(index % 5))
            return 5 - (x - 2.2) * (x - 2.2) - 2 * (y - 1.9) * (y - 1.9)
        })
        let top = try centroidQuadratic(bowl, fitBoxSize: 5)
        XCTAssertEqual(top.elements[0], 2.2, accuracy: 1e-9)
        XCTAssertEqual(top.elements[1], 1.9, accuracy: 1e-9)
        // The saddle 1 − y² + x²/2 with a spike of 4 at the centre (its largest value):
        // the 5×5 fit keeps the saddle's shape (det = 4c₂₀c₀₂ − c₁₁² < 0), so no maximum.
        let saddle = try maps(5, 5, (0..<25).map { index in
            let (y, x) = (Double(index / 5) - 2, Double(index % 5) - 2)
            return x == 0 && y == 0 ? 4 : 1 - y * y + x * x / 2
        })
        XCTAssertTrue(try centroidQuadratic(saddle, fitBoxSize: 5).elements.allSatisfy(\.isNaN))
        let edge = try centroidQuadratic(try maps(3, 3, [0, 0, 0, 0, 1, 0, 0, 0, 7]), fitBoxSize: 3)
        XCTAssertEqual(edge.elements, [2, 2])
        XCTAssertThrowsError(try centroidQuadratic(bowl, fitBoxSize: 4)) {
            XCTAssertEqual("\($0)", "centroid_quadratic: expected an odd fit_boxsize of at least 3 (6 values fit a quadratic), got 4")
        }
        XCTAssertThrowsError(try centroidQuadratic(bowl, fitBoxSize: 7)) {
            XCTAssertEqual("\($0)", "centroid_quadratic: expected fit_boxsize at most the map's size (5, 5), got 7")
        }
    }

    /// DARK's Newton step on the log of a Gaussian is exact for the unblurred log
    /// (a parabola); blurred by the 3-tap kernel the map stays Gaussian-like, so the
    /// step lands close to the true centre. UDP leaves (−1, −1) alone.
    func testDarkRefinersMoveTowardTheTrueCentreAndLeaveMissingPoints() throws {
        let map = try gaussian(x: 4.3, y: 3.8, sigma: 1.5, size: 9)
        let start = try Tensor<Double>(shape: [1, 1, 2, 2], elements: [4, 4, -1, -1])
        let dark = try refineDark(map, coords: start, blurKernelSize: 3)
        XCTAssertEqual(dark.elements[0], 4.3, accuracy: 0.05)
        XCTAssertEqual(dark.elements[1], 3.8, accuracy: 0.05)
        XCTAssertEqual(Array(dark.elements[2...]), [-1, -1])
        let udp = try refineDarkUDP(map, coords: start, blurKernelSize: 3)
        XCTAssertEqual(udp.elements[0], 4.3, accuracy: 0.05)
        XCTAssertEqual(udp.elements[1], 3.8, accuracy: 0.05)
        XCTAssertEqual(Array(udp.elements[2...]), [-1, -1])
    }

    /// Two Gaussians (σ = 1) at (2.3, 1.8) and (7.6, 6.2) on a 10×10 map: the 3-point
    /// Gaussian fit at each one's pixel recovers both (exact up to OpenPIV's 1e-7), the
    /// quadratic fit lands near each; a point on the border or outside gives NaN.
    func testPointFormsDecodeEveryPeakOfAMultiPeakMap() throws {
        let map = try maps(10, 10, (0..<100).map { index in
            let (y, x) = (Double(index / 10), Double(index % 10))
            return [(2.3, 1.8), (7.6, 6.2)].map { exp(-((x - $0.0) * (x - $0.0) + (y - $0.1) * (y - $0.1)) / 2) }.reduce(0, +)
        })
        let points = try Tensor<Double>(shape: [1, 1, 4, 2], elements: [2, 2, 8, 6, 0, 5, 12, 3])
        let fitted = try subpixelPeak(map, coords: points, method: .gaussian).elements
        XCTAssertEqual(fitted[0], 2.3, accuracy: 1e-3)
        XCTAssertEqual(fitted[1], 1.8, accuracy: 1e-3)
        XCTAssertEqual(fitted[2], 7.6, accuracy: 1e-3)
        XCTAssertEqual(fitted[3], 6.2, accuracy: 1e-3)
        XCTAssertTrue(fitted[4...].allSatisfy(\.isNaN), "border and outside")
        let quadratic = try centroidQuadratic(map, coords: points, fitBoxSize: 3).elements
        XCTAssertEqual(quadratic[0], 2.3, accuracy: 0.1)
        XCTAssertEqual(quadratic[3], 6.2, accuracy: 0.1)
        XCTAssertEqual(Array(quadratic[4...5]), [0, 5], "an edge pixel is returned unfitted")
        XCTAssertTrue(quadratic[6].isNaN && quadratic[7].isNaN, "outside the map")
    }

    /// mmpose's refiners leave a non-finite point where it is; the point forms of the
    /// OpenPIV and photutils fits give NaN for it. Nothing traps on NaN or huge values.
    func testNonFinitePointsNeitherTrapNorMove() throws {
        let map = try gaussian()
        let points = try Tensor<Double>(shape: [1, 1, 3, 2], elements: [.nan, 2, .infinity, 2, 1e300, -1e300])
        for refined in [try refineQuarter(map, coords: points), try refineDark(map, coords: points), try refineDarkUDP(map, coords: points)] {
            XCTAssertTrue(refined.elements[0].isNaN)
            XCTAssertEqual(Array(refined.elements[1...]), [2, .infinity, 2, 1e300, -1e300])
        }
        XCTAssertTrue(try subpixelPeak(map, coords: points).elements.allSatisfy(\.isNaN))
        XCTAssertTrue(try centroidQuadratic(map, coords: points, fitBoxSize: 3).elements.allSatisfy(\.isNaN))
    }
}
