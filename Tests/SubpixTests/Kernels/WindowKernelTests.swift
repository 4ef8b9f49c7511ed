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
                            let axes = try WindowAxis.validated(
                                op: "test", input: input.shape, kernel: kernel, stride: stride, padding: padding, temperature: 0.7)
                            let engine = WindowedSoftArgmax<Float>(
                                depth: .single,
                                height: axes[0], width: axes[1], temperature: 0.7, eps: 1e-8, normalized: normalized, volumetric: false)
                            assertKernelMatchesSwift(engine, input, "\(path) \(height)x\(width) k=\(kernel) s=\(stride) p=\(padding) normalized=\(normalized)")
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
                    let axes = try WindowAxis.validated(
                        op: "test", input: input.shape, kernel: kernel, stride: stride, padding: padding, temperature: 1.3)
                    let engine = WindowedSoftArgmax<Float>(
                        depth: axes[0], height: axes[1], width: axes[2], temperature: 1.3, eps: 1e-8, normalized: false, volumetric: true)
                    assertKernelMatchesSwift(engine, input, "\(path) k=\(kernel) s=\(stride) p=\(padding)")
                }
            }
        }
    }

    func testANaNMakesItsMapNaNOnly() throws {
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                var input = Tensor<Float>(shape: [1, 2, 6, 9], repeating: 0.25)
                input[0, 0, 3, 4] = .nan
                let (coords, values) = try convSoftArgmax2d(input, outputValue: true)
                XCTAssertTrue(coords.elements[..<(2 * 54)].allSatisfy(\.isNaN), "\(path)")
                XCTAssertTrue(values!.elements[..<54].allSatisfy(\.isNaN), "\(path)")
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
