import XCTest
@testable import Subpix

/// The float32 backward kernels against the Swift pullbacks in float32, on both
/// kernel paths: widths with and without a tail, temperatures, normalised and
/// pixel coordinates, a NaN in a map.
final class PullbackKernelTests: XCTestCase {
    func testSpatialSoftArgmaxBackwardMatchesTheSwiftReference() throws {
        var random = SeededRandom(seed: 7)
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                for (height, width) in [(1, 1), (3, 5), (64, 48), (7, 13), (2, 17)] {
                    for temperature in [0.5, 1.0, 10.0] {
                        for normalized in [true, false] {
                            let input = try noise([3, 2, height, width], &random)
                            let cotangent = try noise([3, 2, 2], &random)
                            let (coords, pullback) = try spatialSoftArgmax2dWithPullback(
                                input, temperature: temperature, normalizedCoordinates: normalized)
                            let want = spatialSoftArgmaxGradientReference(
                                input, temperature: Float(temperature), normalized: normalized, coords: coords, cotangent: cotangent)
                            assertClose(try pullback(cotangent), want, 1e-5, "\(path) \(height)x\(width) T=\(temperature) normalized=\(normalized)")
                        }
                    }
                }
            }
        }
    }

    func testSpatialSoftArgmaxBackwardOfANaNMapIsNaNOnlyThere() throws {
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                var input = try noise([1, 2, 3, 9], SeededRandom(seed: 8))
                input[0, 0, 1, 4] = .nan
                let (_, pullback) = try spatialSoftArgmax2dWithPullback(input)
                let gradient = try pullback(Tensor(shape: [1, 2, 2], repeating: 1))
                XCTAssertTrue(gradient.elements[..<27].allSatisfy(\.isNaN), "\(path)")
                XCTAssertFalse(gradient.elements[27...].contains(where: \.isNaN), "\(path)")
            }
        }
    }

    private func noise(_ shape: [Int], _ random: SeededRandom) throws -> Tensor<Float> {
        var random = random
        return try noise(shape, &random)
    }

    private func noise(_ shape: [Int], _ random: inout SeededRandom) throws -> Tensor<Float> {
        try Tensor(shape: shape, elements: (0..<shape.reduce(1, *)).map { _ in Float.random(in: -3...3, using: &random) })
    }

    private func assertClose(_ got: Tensor<Float>, _ want: Tensor<Float>, _ tolerance: Float, _ label: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.shape, want.shape, label, file: file, line: line)
        let scale = want.elements.reduce(Float(0)) { max($0, abs($1)) }
        let bad = zip(got.elements, want.elements).enumerated().filter { _, pair in
            pair.1.isNaN ? !pair.0.isNaN : abs(pair.0 - pair.1) > tolerance * max(1, scale)
        }
        if let (index, (g, w)) = bad.first {
            XCTFail("\(label): \(bad.count) elements differ, first \(index): \(g) vs \(w)", file: file, line: line)
        }
    }
}
