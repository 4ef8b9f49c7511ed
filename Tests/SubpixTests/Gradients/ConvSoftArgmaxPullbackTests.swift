import XCTest
import Subpix

/// The windowed soft-argmax pullbacks against central differences in float64
/// (step 1e-6): border windows, stride > 1, padding 0, even kernels, and large
/// input magnitudes, for coordinates and values together. Each map's max is left
/// out of the comparison (see ``mapMaxima(_:mapSize:)``); the golden harness
/// checks the gradient there against torch.
final class ConvSoftArgmaxPullbackTests: XCTestCase {
    struct Window2d {
        var kernel: [Int], stride: [Int], padding: [Int]
    }

    static let windows2d = [
        Window2d(kernel: [3, 3], stride: [1, 1], padding: [1, 1]),
        Window2d(kernel: [3, 3], stride: [2, 2], padding: [1, 1]),
        Window2d(kernel: [3, 3], stride: [1, 1], padding: [0, 0]),
        Window2d(kernel: [5, 5], stride: [3, 2], padding: [2, 1]),
        Window2d(kernel: [2, 4], stride: [1, 1], padding: [1, 2]),
        Window2d(kernel: [4, 2], stride: [2, 3], padding: [0, 1]),
    ]

    func testConvSoftArgmax2dPullbackMatchesCentralDifferences() throws {
        for (index, window) in Self.windows2d.enumerated() {
            for (normalized, offset) in [(true, 0.0), (false, 0.0), (false, 1000.0)] {
                var x = try noise([2, 2, 7, 8], seed: UInt64(10 + index), offset: offset)
                x[0, 1, 0, 7] += 6   // a peak in a corner: its windows are cut by the border
                let op = { (x: Tensor<Double>) in
                    try convSoftArgmax2d(
                        x, kernelSize: window.kernel, stride: window.stride, padding: window.padding, temperature: 0.8,
                        normalizedCoordinates: normalized, outputValue: true)
                }
                let (coords, values) = try op(x)
                let (gc, gv) = try (noise(coords.shape, seed: 20), noise(values?.shape ?? [], seed: 21))
                let (_, pullback) = try convSoftArgmax2dWithPullback(
                    x, kernelSize: window.kernel, stride: window.stride, padding: window.padding, temperature: 0.8,
                    normalizedCoordinates: normalized, outputValue: true)
                let numeric = try centralDifferences(at: x, cotangents: [gc, gv]) { x in
                    let (coords, values) = try op(x)
                    return [coords, values ?? coords]
                }
                assertAgrees(
                    try pullback(gc, gv), numeric, ignoring: mapMaxima(x, mapSize: 56), "\(window) normalized \(normalized) offset \(offset)")
            }
        }
    }

    func testCoordinatesOnlyPullbackIgnoresValues() throws {
        let x = try noise([1, 1, 6, 6], seed: 30)
        let (value, pullback) = try convSoftArgmax2dWithPullback(x, stride: [2, 2], normalizedCoordinates: false)
        XCTAssertNil(value.values)
        let gc = try noise(value.coords.shape, seed: 31)
        let numeric = try centralDifferences(at: x, cotangents: [gc]) {
            [try convSoftArgmax2d($0, stride: [2, 2], normalizedCoordinates: false).coords]
        }
        assertAgrees(try pullback(gc, nil), numeric, ignoring: mapMaxima(x, mapSize: 36), "coords only")
        XCTAssertThrowsError(try pullback(gc, Tensor(shape: [1, 1, 3, 3], repeating: 0))) { error in
            XCTAssertEqual("\(error)", "conv_soft_argmax2d: expected no values cotangent (output_value is False), got (1, 1, 3, 3)")
        }
        XCTAssertThrowsError(try pullback(Tensor(shape: [1, 1, 2, 6, 6], repeating: 0), nil)) { error in
            XCTAssertEqual("\(error)", "conv_soft_argmax2d: expected a cotangent of the coords's shape (1, 1, 2, 3, 3), got (1, 1, 2, 6, 6)")
        }
    }

    func testConvSoftArgmax3dPullbackMatchesCentralDifferences() throws {
        let cases: [(kernel: [Int], stride: [Int], padding: [Int], bonus: Double)] = [
            ([3, 3, 3], [1, 2, 2], [0, 1, 1], 0),
            ([2, 3, 2], [1, 1, 2], [1, 0, 1], 0),
            ([3, 3, 3], [1, 1, 1], [1, 1, 1], 0.5),
        ]
        for (index, window) in cases.enumerated() {
            for normalized in [false, true] {
                let x = try noise([1, 2, 4, 5, 6], seed: UInt64(40 + index), offset: normalized ? 500 : 0)
                let op = { (x: Tensor<Double>) in
                    try convSoftArgmax3d(
                        x, kernelSize: window.kernel, stride: window.stride, padding: window.padding, temperature: 1.3,
                        normalizedCoordinates: normalized, strictMaximaBonus: window.bonus)
                }
                let (coords, values) = try op(x)
                let (gc, gv) = try (noise(coords.shape, seed: 50), noise(values?.shape ?? [], seed: 51))
                let (_, pullback) = try convSoftArgmax3dWithPullback(
                    x, kernelSize: window.kernel, stride: window.stride, padding: window.padding, temperature: 1.3,
                    normalizedCoordinates: normalized, strictMaximaBonus: window.bonus)
                let numeric = try centralDifferences(at: x, cotangents: [gc, gv]) { x in
                    let (coords, values) = try op(x)
                    return [coords, values ?? coords]
                }
                assertAgrees(try pullback(gc, gv), numeric, ignoring: mapMaxima(x, mapSize: 120), "3D \(window) normalized \(normalized)")
            }
        }
    }
}
