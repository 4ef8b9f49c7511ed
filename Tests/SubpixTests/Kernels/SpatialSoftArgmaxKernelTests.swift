import XCTest
@testable import Subpix
import TestSupport

/// The float32 `spatial_soft_argmax2d` kernel against the Swift reference, on
/// every kernel path: widths with and without a tail of fewer than sixteen columns,
/// temperatures, normalised and pixel coordinates, and NaN / infinity in a map.
final class SpatialSoftArgmaxKernelTests: XCTestCase {
    func testKernelMatchesTheSwiftReferenceOnEveryPath() throws {
        var random = SeededGenerator(seed: 3)
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                for (height, width) in [(1, 1), (3, 5), (64, 48), (7, 13), (2, 17), (3, 40)] {
                    for temperature in [0.5, 1.0, 10.0] {
                        for (normalized, version) in [(true, KorniaVersion.v0_7), (false, .v0_7), (true, .v0_9), (false, .v0_9)] {
                            let elements = (0..<(3 * 2 * height * width)).map { _ in Float.random(in: -3...3, using: &random) }
                            let input = try Tensor<Float>(shape: [3, 2, height, width], elements: elements)
                            let got = try spatialSoftArgmax2d(input, temperature: temperature, normalizedCoordinates: normalized, version: version)
                            let want = spatialSoftArgmaxReference(
                                input, scale: Float(version.inputScale(temperature: temperature)), normalized: normalized, version: version)
                            assertClose(got, want, within: .isclose(atol: 1e-5, rtol: 1e-5), "\(path) \(height)x\(width) T=\(temperature) normalized=\(normalized) kornia \(version)")
                        }
                    }
                }
            }
        }
    }

    func testNaNMakesOnlyItsMapNaNAndInfinityMatchesTheReference() throws {
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                for poison in [Float.nan, .infinity, -.infinity] {
                    for position in [0, 9, 23] {
                        var elements = (0..<(2 * 3 * 8)).map { Float($0 % 7) }
                        elements[position] = poison
                        let input = try Tensor<Float>(shape: [1, 2, 3, 8], elements: elements)
                        let got = try spatialSoftArgmax2d(input, normalizedCoordinates: false)
                        let want = spatialSoftArgmaxReference(input, scale: 1, normalized: false)
                        assertClose(got, want, within: .isclose(atol: 1e-5, rtol: 1e-5), "\(path) \(poison) at \(position)")
                        if poison.isNaN { XCTAssertTrue(got.elements[0].isNaN && got.elements[1].isNaN) }
                        XCTAssertFalse(got.elements[2].isNaN || got.elements[3].isNaN, "the other map is untouched")
                    }
                }
            }
        }
    }
}
