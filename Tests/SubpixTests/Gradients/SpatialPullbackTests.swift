import XCTest
import Subpix

/// The spatial ops' pullbacks against central differences in float64 (step 1e-6).
final class SpatialPullbackTests: XCTestCase {
    func testSoftmaxPullbackMatchesCentralDifferences() throws {
        // (scale, offset, input multiplier): the multiplier is kornia 0.7.4's temperature and 0.9's 1 / temperature.
        for (scale, offset, multiplier) in [(1.0, 0.0, 0.7), (100.0, 5000.0, 0.01)] {
            for version in KorniaVersion.allCases {
                let temperature = version == .v0_7 ? multiplier : 1 / multiplier
                let x = try noise([2, 2, 5, 6], seed: 1, scale: scale, offset: offset)
                let g = try noise([2, 2, 5, 6], seed: 2)
                let (_, pullback) = try spatialSoftmax2dWithPullback(x, temperature: temperature, version: version)
                let numeric = try centralDifferences(at: x, cotangents: [g]) {
                    [try spatialSoftmax2d($0, temperature: temperature, version: version)]
                }
                assertAgrees(try pullback(g), numeric, "softmax offset \(offset), kornia \(version.rawValue)")
            }
        }
    }

    func testExpectationPullbackMatchesCentralDifferences() throws {
        for normalized in [true, false] {
            let p = try noise([2, 3, 4, 7], seed: 3)
            let g = try noise([2, 3, 2], seed: 4)
            let (_, pullback) = try spatialExpectation2dWithPullback(p, normalizedCoordinates: normalized)
            let numeric = try centralDifferences(at: p, cotangents: [g]) {
                [try spatialExpectation2d($0, normalizedCoordinates: normalized)]
            }
            assertAgrees(try pullback(g), numeric, "expectation normalized \(normalized)")
        }
    }

    func testSoftArgmaxPullbackMatchesCentralDifferencesIncludingLargeMagnitudes() throws {
        // The large case has exp(T·x) far beyond Double's range without the max subtraction.
        for (scale, offset, temperature, normalized) in [(1.0, 0.0, 1.5, true), (1.0, 0.0, 0.5, false), (10.0, 2000.0, 0.5, false), (1.0, 1000.0, 1.0, true)] {
            let x = try noise([2, 2, 6, 5], seed: 5, scale: scale, offset: offset)
            let g = try noise([2, 2, 2], seed: 6)
            let (_, pullback) = try spatialSoftArgmax2dWithPullback(x, temperature: temperature, normalizedCoordinates: normalized)
            let numeric = try centralDifferences(at: x, cotangents: [g]) {
                [try spatialSoftArgmax2d($0, temperature: temperature, normalizedCoordinates: normalized)]
            }
            assertAgrees(try pullback(g), numeric, "soft-argmax offset \(offset) normalized \(normalized)")
        }
    }

    func testSoftArgmaxGradientSumsToZeroPerMap() throws {
        // Adding a constant to a map does not move its soft-argmax: Σ ∂x/∂map = 0.
        let x = try noise([1, 2, 8, 8], seed: 7)
        let (_, pullback) = try spatialSoftArgmax2dWithPullback(x, temperature: 2, normalizedCoordinates: false)
        let gradient = try pullback(Tensor(shape: [1, 2, 2], elements: [1, 0, 0, 1]))
        for map in 0..<2 {
            XCTAssertEqual(gradient.elements[(map * 64)..<((map + 1) * 64)].reduce(0, +), 0, accuracy: 1e-12)
        }
    }

    func testPullbacksRejectCotangentsOfAnotherShape() throws {
        let x = try noise([1, 2, 4, 4], seed: 9)
        let (_, pullback) = try spatialSoftArgmax2dWithPullback(x)
        XCTAssertThrowsError(try pullback(Tensor(shape: [1, 2], repeating: 0))) { error in
            XCTAssertEqual("\(error)", "spatial_soft_argmax2d: expected a cotangent of the output's shape (1, 2, 2), got (1, 2)")
        }
    }
}
