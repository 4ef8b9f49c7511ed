import XCTest
@testable import Subpix
import TestSupport

/// The float32 conv soft-argmax kernel against the Swift engine in float32, on
/// random maps over many geometries, in 2D and 3D, on both kernel paths.
final class WindowKernelTests: XCTestCase {
    func testKernelMatchesTheSwiftEngine2D() throws {
        var random = SeededGenerator(seed: 5)
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                for (height, width) in [(9, 7), (16, 33), (5, 8), (30, 12)] {
                    let input = try noise([2, 3, height, width], &random)
                    for (kernel, stride, padding) in [([3, 3], [1, 1], [1, 1]), ([3, 3], [2, 2], [1, 1]), ([5, 5], [1, 1], [2, 2]),
                                                      ([7, 3], [1, 2], [3, 0]), ([2, 4], [3, 1], [1, 2]), ([1, 1], [1, 1], [0, 0]),
                                                      ([4, 6], [2, 3], [0, 3])] {
                        for normalized in [false, true] {
                            for version in KorniaVersion.allCases {
                                let engine = try WindowedSoftArgmax<Float>.over(
                                    input.shape, kernel: kernel, stride: stride, padding: padding, temperature: 0.7, normalized: normalized,
                                    version: version)
                                assertKernelMatchesSwift(
                                    engine, input, "\(path) \(version) \(height)x\(width) k=\(kernel) s=\(stride) p=\(padding) normalized=\(normalized)")
                            }
                        }
                    }
                }
            }
        }
    }

    func testKernelMatchesTheSwiftEngine3D() throws {
        var random = SeededGenerator(seed: 6)
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                let input = try noise([2, 2, 4, 11, 19], &random)
                for (kernel, stride, padding) in [([3, 3, 3], [1, 2, 2], [0, 1, 1]), ([3, 3, 3], [1, 1, 1], [1, 1, 1]),
                                                  ([2, 5, 4], [2, 1, 3], [1, 2, 0]), ([1, 3, 3], [1, 1, 1], [0, 1, 1])] {
                    for version in KorniaVersion.allCases {
                        let engine = try WindowedSoftArgmax<Float>.over(
                            input.shape, kernel: kernel, stride: stride, padding: padding, temperature: 1.3, normalized: false, version: version)
                        assertKernelMatchesSwift(engine, input, "\(path) \(version) k=\(kernel) s=\(stride) p=\(padding)")
                    }
                }
            }
        }
    }

    /// kornia 0.9 on a map whose windows mostly lie far below its maximum (a peak of
    /// 40 over noise of ±3, T = 0.05: 800 temperatures): those windows are computed
    /// on their own, through the kernel and through the Swift engine alike.
    func testKernelMatchesTheSwiftEngineOnWindowsFarBelowTheMaximum() throws {
        var random = SeededGenerator(seed: 7)
        var input = try noise([1, 2, 13, 21], &random)
        input[0, 1, 6, 10] = 40
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                for (kernel, stride, padding) in [([3, 3], [1, 1], [1, 1]), ([4, 5], [2, 1], [2, 2])] {
                    let engine = try WindowedSoftArgmax<Float>.over(
                        input.shape, kernel: kernel, stride: stride, padding: padding, temperature: 0.05, normalized: false, version: .v0_9)
                    let own = engine.applyFindingOwnWindows(input, outputValue: true).own
                    // All but the few windows that see the peak, in the second map at least.
                    XCTAssertGreaterThan(own.count, engine.outputMap / 2, "\(path) k=\(kernel)")
                    assertKernelMatchesSwift(engine, input, "\(path) weak windows k=\(kernel) s=\(stride) p=\(padding)")
                }
            }
        }
    }

    func testANaNMakesItsMapNaNOnly() throws {
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                var input = Tensor<Float>(shape: [1, 2, 6, 9], repeating: 0.25)
                input[0, 0, 3, 4] = .nan
                let (coords, values) = try convSoftArgmax2d(input, outputValue: true, version: .v0_7)
                XCTAssertTrue(coords.elements[..<(2 * 54)].allSatisfy(\.isNaN), "\(path)")
                XCTAssertTrue(values!.elements[..<54].allSatisfy(\.isNaN), "\(path)")
                XCTAssertFalse(coords.elements[(2 * 54)...].contains(where: \.isNaN), "\(path)")
            }
        }
    }

    /// kornia 0.9 takes each window's softmax on its own: a NaN makes the 3 × 3
    /// windows that read it NaN (outputs rows 2–4, columns 3–5), and no other.
    func testANaNMakesOnlyItsWindowsNaNIn09() throws {
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                var input = Tensor<Float>(shape: [1, 2, 6, 9], repeating: 0.25)
                input[0, 0, 3, 4] = .nan
                let (coords, values) = try convSoftArgmax2d(input, normalizedCoordinates: false, outputValue: true, version: .v0_9)
                for row in 0..<6 { for column in 0..<9 {
                    let reads = (2...4).contains(row) && (3...5).contains(column)
                    XCTAssertEqual(coords[0, 0, 0, row, column].isNaN, reads, "\(path) (\(row), \(column))")
                    XCTAssertEqual(values![0, 0, row, column].isNaN, reads, "\(path) (\(row), \(column))")
                } }
                XCTAssertEqual(coords[0, 0, 0, 0, 0], 0.5, accuracy: 1e-6)   // four equal cells, columns 0 and 1
                XCTAssertFalse(coords.elements[(2 * 54)...].contains(where: \.isNaN), "\(path)")
            }
        }
    }

    /// The engine's output through the kernel and through the Swift implementation agree.
    private func assertKernelMatchesSwift(_ engine: WindowedSoftArgmax<Float>, _ input: Tensor<Float>, _ label: String,
                                          file: StaticString = #filePath, line: UInt = #line) {
        var engine = engine
        let got = engine.apply(input, outputValue: true)
        engine.usesKernel = false
        let want = engine.apply(input, outputValue: true)
        assertClose(got.coords, want.coords, within: .relative(1e-4), label, file: file, line: line)
        if let values = got.values, let wanted = want.values { assertClose(values, wanted, within: .relative(1e-4), label, file: file, line: line) }
        XCTAssertNotNil(got.values, label, file: file, line: line)
    }

    private func noise(_ shape: [Int], _ random: inout SeededGenerator) throws -> Tensor<Float> {
        try Tensor(shape: shape, elements: (0..<shape.reduce(1, *)).map { _ in Float.random(in: -3...3, using: &random) })
    }
}
