import XCTest
@testable import Subpix

final class SpatialOpsTests: XCTestCase {
    /// The seed's example: seven zeros, a 1 and a 2. Σ = 7 + e + e² = 17.10734,
    /// so p = 1/Σ = 0.058455, e/Σ = 0.158898, e²/Σ = 0.431924.
    func testSpatialSoftmaxMatchesTheSeedExample() throws {
        let x = try Tensor<Double>(shape: [1, 1, 3, 3], elements: [0, 0, 0, 0, 0, 0, 0, 1, 2])
        let p = try spatialSoftmax2d(x)
        let total = 7 + M_E + M_E * M_E
        XCTAssertEqual(p[0, 0, 0, 0], 1 / total, accuracy: 1e-12)
        XCTAssertEqual(p[0, 0, 2, 1], M_E / total, accuracy: 1e-12)
        XCTAssertEqual(p[0, 0, 2, 2], M_E * M_E / total, accuracy: 1e-12)
        XCTAssertEqual(p[0, 0, 2, 2], 0.4319, accuracy: 1e-4)
    }

    func testSpatialExpectationMatchesTheSeedExample() throws {
        let p = try Tensor<Float>(shape: [1, 1, 3, 3], elements: [0, 0, 0, 0, 0, 0, 0, 1, 0])
        XCTAssertEqual(try spatialExpectation2d(p, normalizedCoordinates: false).elements, [1, 2])
        // Normalised: column 1 of 3 is 0, row 2 of 3 is +1.
        XCTAssertEqual(try spatialExpectation2d(p, normalizedCoordinates: true).elements, [0, 1])
    }

    func testSpatialSoftArgmaxMatchesTheSeedExample() throws {
        let x = try Tensor<Float>(shape: [1, 1, 3, 3], elements: [0, 0, 0, 0, 10, 0, 0, 0, 0])
        let xy = try spatialSoftArgmax2d(x, normalizedCoordinates: false)
        XCTAssertEqual(xy.shape, [1, 1, 2])
        XCTAssertEqual(Double(xy[0, 0, 0]), 1, accuracy: 1e-6)
        XCTAssertEqual(Double(xy[0, 0, 1]), 1, accuracy: 1e-6)
    }

    /// The y of a one-row map, normalised: kornia 0.7.4's grid is 0 / 0 there, kornia 0.9's is 0.
    func testNormalisedCoordinateOfAOnePixelAxisIsNaNIn07AndZeroIn09() throws {
        let x = try Tensor<Float>(shape: [1, 1, 1, 4], elements: [0, 1, 2, 3])
        let old = try spatialSoftArgmax2d(x, version: .v0_7)
        XCTAssertFalse(old[0, 0, 0].isNaN)
        XCTAssertTrue(old[0, 0, 1].isNaN)
        XCTAssertEqual(try spatialSoftArgmax2d(x, version: .v0_9)[0, 0, 1], 0)
    }

    /// kornia 0.7.4's spatial_softmax2d multiplies by T, conv_soft_argmax2d divides: on a
    /// 3×3 map one 3×3 window with no padding covers everything and its offsets −1, 0, 1
    /// are pixel offsets from the centre (1, 1), so spatial(T) and conv(1/T) give the same
    /// point. kornia 0.9's spatial op divides, as conv does: spatial(T) and conv(T) agree.
    func testTemperatureMultipliesInSpatialAndDividesInConv() throws {
        let x = try Tensor<Double>(shape: [1, 1, 3, 3], elements: [0.1, 0.7, 0.2, 0.4, 1.3, 0.9, 0.3, 0.5, 1.1])
        for temperature in [0.5, 2.0, 4.0] {
            let old = try spatialSoftArgmax2d(x, temperature: temperature, normalizedCoordinates: false, version: .v0_7)
            let new = try spatialSoftArgmax2d(x, temperature: 1 / temperature, normalizedCoordinates: false, version: .v0_9)
            let (coords, _) = try convSoftArgmax2d(
                x, kernelSize: [3, 3], stride: [1, 1], padding: [0, 0], temperature: 1 / temperature,
                normalizedCoordinates: false, eps: 0)
            XCTAssertEqual(coords.shape, [1, 1, 2, 1, 1])
            for spatial in [old, new] {
                XCTAssertEqual(coords.elements[0], spatial.elements[0], accuracy: 1e-12)
                XCTAssertEqual(coords.elements[1], spatial.elements[1], accuracy: 1e-12)
            }
        }
        // And in kornia 0.7.4 the two differ when both get the same T ≠ 1.
        let spatial = try spatialSoftArgmax2d(x, temperature: 4, normalizedCoordinates: false, version: .v0_7)
        let (coords, _) = try convSoftArgmax2d(x, kernelSize: [3, 3], padding: [0, 0], temperature: 4, normalizedCoordinates: false)
        XCTAssertGreaterThan(abs(coords.elements[0] - spatial.elements[0]), 1e-3)
    }

    /// `std` is the standard deviation in kornia 0.9 (and the seed's docs): with σ = 4 on
    /// a 1×3 row centred at x = 1 the weights are exp(−1/32), 1, exp(−1/32) — kornia
    /// 0.7.4's 2σ divisor gives exp(−1/8).
    func testRenderGaussianDividesByTwoSigmaSquared() throws {
        let mean = try Tensor<Double>(shape: [1, 2], elements: [1, 0])
        let std = try Tensor<Double>(shape: [1, 2], elements: [4, 4])
        let g = try renderGaussian2d(mean: mean, std: std, size: (1, 3), normalizedCoordinates: false, version: .v0_9)
        XCTAssertEqual(g.shape, [1, 1, 3])
        let side = exp(-1.0 / 32)
        XCTAssertEqual(g.elements[0], side / (1 + 2 * side), accuracy: 1e-12)
        XCTAssertEqual(g.elements[1], 1 / (1 + 2 * side), accuracy: 1e-12)
        let old = try renderGaussian2d(mean: mean, std: std, size: (1, 3), normalizedCoordinates: false, version: .v0_7)
        let oldSide = exp(-1.0 / 8)
        XCTAssertEqual(old.elements[0], oldSide / (1 + 2 * oldSide), accuracy: 1e-12)
        XCTAssertEqual(old.elements[1], 1 / (1 + 2 * oldSide), accuracy: 1e-12)
    }

    /// Each axis is a softmax: a mean 30 pixels right of a 1×4 row gives weights
    /// exp(−((30 − j)² − 27²) / 2) relative to the last pixel, whose weight is
    /// 1 / (1 + e^−27.5 + …) ≈ 1 − 1.2e-12, in float32 too (plain exp would
    /// underflow every weight to 0).
    func testRenderGaussianOfAFarMeanPutsTheMassOnTheNearestPixel() throws {
        let mean = try Tensor<Float>(shape: [1, 2], elements: [33, 0])
        let std = try Tensor<Float>(shape: [1, 2], elements: [1, 1])
        let g = try renderGaussian2d(mean: mean, std: std, size: (1, 4), normalizedCoordinates: false, version: .v0_9)
        XCTAssertEqual(g.elements[3], 1, accuracy: 1e-7)
        XCTAssertEqual(Double(g.elements[2]), exp(-(31.0 * 31 - 30 * 30) / 2), accuracy: 1e-20)
        XCTAssertEqual(g.elements[0], 0)
    }

    /// A σ of 0 has no Gaussian: every weight is NaN, as kornia's softmax gives.
    func testRenderGaussianOfZeroStdIsNaN() throws {
        let mean = try Tensor<Double>(shape: [1, 2], elements: [1, 1])
        let std = try Tensor<Double>(shape: [1, 2], elements: [0, 1])
        let g = try renderGaussian2d(mean: mean, std: std, size: (3, 3), normalizedCoordinates: false, version: .v0_9)
        XCTAssertTrue(g.elements.allSatisfy(\.isNaN))
    }

    /// Normalised coordinates are torch.linspace(−1, 1, n): a one-pixel axis sits at −1,
    /// so a mean at −1 on a 1×1 map has all the mass (kornia ≤ 0.7's grid gave NaN).
    func testRenderGaussianNormalisedOnePixelAxisSitsAtMinusOne() throws {
        let mean = try Tensor<Double>(shape: [1, 2], elements: [-1, -1])
        let std = try Tensor<Double>(shape: [1, 2], elements: [0.5, 0.5])
        let g = try renderGaussian2d(mean: mean, std: std, size: (1, 1), version: .v0_9)
        XCTAssertEqual(g.elements, [1])
    }

    func testRenderGaussianBroadcastsStdOverMeans() throws {
        let mean = try Tensor<Float>(shape: [2, 3, 2], elements: (0..<12).map { Float($0 % 5) })
        let std = try Tensor<Float>(shape: [2], elements: [1, 2])
        XCTAssertEqual(try renderGaussian2d(mean: mean, std: std, size: (4, 5), normalizedCoordinates: false, version: .v0_9).shape, [2, 3, 4, 5])
        let perRow = try Tensor<Float>(shape: [3, 2], elements: Array(repeating: 1, count: 6))
        XCTAssertEqual(try renderGaussian2d(mean: mean, std: perRow, size: (4, 5), version: .v0_9).shape, [2, 3, 4, 5])
    }

    func testErrorsNameTheOpTheExpectationAndTheInput() throws {
        let flat = try Tensor<Float>(shape: [3, 4], elements: Array(repeating: 0, count: 12))
        let map = Tensor<Float>(shape: [1, 1, 3, 3], repeating: 0)
        XCTAssertThrowsError(try spatialSoftmax2d(flat)) {
            XCTAssertEqual("\($0)", "spatial_softmax2d: expected input of shape (B, N, H, W), got (3, 4); add the leading axes with x[None, None]")
        }
        XCTAssertThrowsError(try spatialSoftArgmax2d(map, temperature: 0)) {
            XCTAssertEqual("\($0)", "spatial_soft_argmax2d: expected temperature > 0, got 0.0")
        }
        XCTAssertThrowsError(try spatialExpectation2d(Tensor<Float>(shape: [1, 1, 0, 3], repeating: 0))) {
            XCTAssertEqual("\($0)", "spatial_expectation2d: expected a non-empty input of shape (B, N, H, W), got (1, 1, 0, 3)")
        }
        let mean = try Tensor<Float>(shape: [2, 3, 2], elements: Array(repeating: 0, count: 12))
        let badStd = try Tensor<Float>(shape: [4, 2], elements: Array(repeating: 1, count: 8))
        XCTAssertThrowsError(try renderGaussian2d(mean: mean, std: badStd, size: (3, 3), version: .v0_9)) {
            XCTAssertEqual("\($0)", "render_gaussian2d: expected std broadcastable with mean, got mean (2, 3, 2) and std (4, 2)")
        }
        XCTAssertThrowsError(try renderGaussian2d(mean: flat, std: flat, size: (3, 3))) {
            XCTAssertEqual("\($0)", "render_gaussian2d: expected mean of shape (*, 2), got (3, 4)")
        }
        XCTAssertThrowsError(try renderGaussian2d(mean: mean, std: mean, size: (0, 3), version: .v0_9)) {
            XCTAssertEqual("\($0)", "render_gaussian2d: expected a positive size (height, width), got (0, 3)")
        }
    }

    func testModuleForwardsItsParameters() throws {
        let x = try Tensor<Float>(shape: [1, 1, 3, 3], elements: [0, 0, 0, 0, 0, 3, 0, 0, 0])
        let module = SpatialSoftArgmax2d(temperature: 2, normalizedCoordinates: false)
        XCTAssertEqual(try module(x), try spatialSoftArgmax2d(x, temperature: 2, normalizedCoordinates: false))
    }
}
