import XCTest
import Subpix
import TestSupport

/// The float32 `render_gaussian2d` kernel (kornia 0.9's Gaussian) against the Swift implementation run
/// in `Double`, on every kernel path: widths and heights with and without a tail
/// of fewer than sixteen cells, broadcast σ, means far outside the grid, narrow
/// and wide σ, pixel and normalised coordinates, and σ of 0 or NaN (a NaN map).
final class RenderGaussianKernelTests: XCTestCase {
    /// Within 2e-6 of the largest cell plus 1e-5 relative: the polynomial exp and
    /// float32 rounding of the exponents; subnormal cells may be flushed to 0.
    private let tolerance = Tolerance.isclose(atol: 2e-6, rtol: 1e-5)

    func testKernelMatchesTheDoubleReferenceOnEveryPath() throws {
        var random = SeededGenerator(seed: 5)
        let sizes = [(1, 1), (3, 5), (64, 48), (7, 17), (33, 40)]
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                for (height, width) in sizes {
                    for normalized in [true, false] {
                        let span = normalized ? 1.0 : Double(max(height, width))
                        var means = (0..<(6 * 2)).map { _ in Double.random(in: -span...(2 * span), using: &random) }
                        means[0] = 40 * span   // far outside: the nearest pixel takes the weight
                        let sigmas = [0.05, 0.3, 2.0].map { $0 * span }
                        for sigma in sigmas {
                            var stds = (0..<(6 * 2)).map { _ in sigma * Double.random(in: 0.5...1.5, using: &random) }
                            stds[3] = 0
                            stds[5] = .nan
                            try check(means: means, stds: stds, size: (height, width), normalized: normalized, "\(path) \(height)x\(width) σ≈\(sigma) normalized=\(normalized)")
                        }
                    }
                }
            }
        }
    }

    func testOneSigmaForAllMapsBroadcasts() throws {
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                let means = (0..<(4 * 3 * 2)).map { Double($0 % 7) - 1 }
                let mean32 = try Tensor<Float>(shape: [4, 3, 2], elements: means.map(Float.init))
                let std32 = try Tensor<Float>(shape: [2], elements: [1.5, 0.7])
                let got = try renderGaussian2d(mean: mean32, std: std32, size: (9, 20), normalizedCoordinates: false, version: .v0_9)
                let want = try renderGaussian2d(
                    mean: try Tensor<Double>(shape: [4, 3, 2], elements: means), std: try Tensor<Double>(shape: [2], elements: [1.5, 0.7]),
                    size: (9, 20), normalizedCoordinates: false, version: .v0_9)
                assertClose(got, want, within: tolerance, "\(path) broadcast σ")
            }
        }
    }

    private func check(means: [Double], stds: [Double], size: (Int, Int), normalized: Bool, _ label: String) throws {
        let shape = [2, 3, 2]
        let got = try renderGaussian2d(
            mean: try Tensor<Float>(shape: shape, elements: means.map(Float.init)),
            std: try Tensor<Float>(shape: shape, elements: stds.map(Float.init)), size: size, normalizedCoordinates: normalized, version: .v0_9)
        // The reference in Double from the same float32 inputs.
        let want = try renderGaussian2d(
            mean: try Tensor<Double>(shape: shape, elements: means.map { Double(Float($0)) }),
            std: try Tensor<Double>(shape: shape, elements: stds.map { Double(Float($0)) }), size: size, normalizedCoordinates: normalized, version: .v0_9)
        assertClose(got, want, within: tolerance, label)
        let plane = size.0 * size.1
        XCTAssertTrue(got.elements[plane..<(2 * plane)].allSatisfy(\.isNaN), "\(label): σ of 0 gives a NaN map")
        XCTAssertTrue(got.elements[(2 * plane)..<(3 * plane)].allSatisfy(\.isNaN), "\(label): a NaN σ gives a NaN map")
    }
}
