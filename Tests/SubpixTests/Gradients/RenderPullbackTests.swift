import XCTest
import Subpix

/// `render_gaussian2d`'s pullback against central differences in float64 (step 1e-6).
final class RenderPullbackTests: XCTestCase {
    func testRenderPullbackMatchesCentralDifferencesForMeanAndStd() throws {
        // Means inside, on the border and outside the grid; std shared by broadcasting in the last case.
        let means = try Tensor<Double>(shape: [3, 2], elements: [4.3, 2.6, 0.2, 5.9, -1.5, 7.5])
        for (std, normalized) in [
            (try Tensor<Double>(shape: [3, 2], elements: [1.2, 0.8, 2.0, 1.5, 0.7, 3.1]), false),
            (try Tensor<Double>(shape: [2], elements: [1.3, 0.9]), false),
            (try Tensor<Double>(shape: [3, 2], elements: [0.3, 0.5, 0.8, 0.4, 0.6, 0.6]), true),
        ] {
            let mean = normalized ? means.map { $0 / 5 - 0.8 } : means
            let g = try noise([3, 7, 9], seed: 8)
            let render = { (mean: Tensor<Double>, std: Tensor<Double>) in
                [try renderGaussian2d(mean: mean, std: std, size: (7, 9), normalizedCoordinates: normalized)]
            }
            let (_, pullback) = try renderGaussian2dWithPullback(mean: mean, std: std, size: (7, 9), normalizedCoordinates: normalized)
            let (meanGradient, stdGradient) = try pullback(g)
            assertAgrees(meanGradient, try centralDifferences(at: mean, cotangents: [g]) { try render($0, std) }, "∂/∂mean \(std.shape)")
            assertAgrees(stdGradient, try centralDifferences(at: std, cotangents: [g]) { try render(mean, $0) }, "∂/∂std \(std.shape)")
        }
    }
}
