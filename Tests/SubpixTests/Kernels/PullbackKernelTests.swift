import XCTest
@testable import Subpix
import TestSupport

/// The float32 backward kernels against the Swift pullbacks in float32, on both
/// kernel paths: widths with and without a tail, temperatures, normalised and
/// pixel coordinates, a NaN in a map.
final class PullbackKernelTests: XCTestCase {
    func testSpatialSoftArgmaxBackwardMatchesTheSwiftReference() throws {
        var random = SeededGenerator(seed: 7)
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                for (height, width) in [(1, 1), (3, 5), (64, 48), (7, 13), (2, 17)] {
                    for temperature in [0.5, 1.0, 10.0] {
                        for (normalized, version) in [(true, KorniaVersion.v0_7), (false, .v0_7), (true, .v0_9), (false, .v0_9)] {
                            let input = try noise([3, 2, height, width], &random)
                            let cotangent = try noise([3, 2, 2], &random)
                            let (coords, pullback) = try spatialSoftArgmax2dWithPullback(
                                input, temperature: temperature, normalizedCoordinates: normalized, version: version)
                            let want = spatialSoftArgmaxGradientReference(
                                input, scale: Float(version.inputScale(temperature: temperature)), normalized: normalized,
                                version: version, coords: coords, cotangent: cotangent)
                            assertClose(try pullback(cotangent), want, within: .relativeToLargest(1e-5), "\(path) \(height)x\(width) T=\(temperature) normalized=\(normalized) kornia \(version)")
                        }
                    }
                }
            }
        }
    }

    func testBackwardOfANaNMapIsNaNOnlyThere() throws {
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                var input = try noise([1, 2, 3, 9], SeededGenerator(seed: 8))
                input[0, 0, 1, 4] = .nan
                let (_, pullback) = try spatialSoftArgmax2dWithPullback(input)
                let gradient = try pullback(Tensor(shape: [1, 2, 2], repeating: 1))
                XCTAssertTrue(gradient.elements[..<27].allSatisfy(\.isNaN), "\(path)")
                XCTAssertFalse(gradient.elements[27...].contains(where: \.isNaN), "\(path)")
                let (value, windowed) = try convSoftArgmax2dWithPullback(input, outputValue: true)
                let windowGradient = try windowed(
                    Tensor(shape: value.coords.shape, repeating: 1), value.values.map { Tensor(shape: $0.shape, repeating: 1) })
                XCTAssertTrue(windowGradient.elements[..<27].allSatisfy(\.isNaN), "\(path) conv")
                XCTAssertFalse(windowGradient.elements[27...].contains(where: \.isNaN), "\(path) conv")
            }
        }
    }

    func testConvSoftArgmaxBackwardMatchesTheSwiftImplementation() throws {
        var random = SeededGenerator(seed: 9)
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                for (height, width) in [(9, 7), (16, 33), (5, 8), (30, 12), (1, 3)] {
                    var input = try noise([2, 3, height, width], &random)
                    input[1, 2, height - 1, width - 1] += 30   // a peak in a corner: its windows are cut by the border
                    for (kernel, stride, padding) in [([3, 3], [1, 1], [1, 1]), ([3, 3], [2, 2], [1, 1]), ([5, 5], [1, 1], [2, 2]),
                                                      ([7, 3], [1, 2], [3, 0]), ([2, 4], [3, 1], [1, 2]), ([1, 1], [1, 1], [0, 0]),
                                                      ([4, 6], [2, 3], [0, 3]), ([3, 3], [1, 1], [0, 0]), ([9, 9], [4, 5], [4, 4]), ([4, 2], [2, 1], [0, 1])] {
                        guard let axes = try? WindowAxis.validated(
                            op: "test", input: input.shape, kernel: kernel, stride: stride, padding: padding, temperature: 0.7, version: .v0_7) else { continue }
                        // A normalised axis of one cell has kornia's factor 2 / 1e-8: float32
                        // resolves neither implementation's gradient there, so pixels only.
                        for (normalized, withValues) in [(false, true), (true, true), (true, false)] where height > 1 || !normalized {
                            let engine = WindowedSoftArgmax<Float>(
                                depth: .single,
                                height: axes[0], width: axes[1], temperature: 0.7, eps: 1e-8, normalized: normalized, volumetric: false)
                            try assertBackwardKernelMatchesSwift(
                                engine, input, withValues: withValues, &random,
                                "\(path) \(height)x\(width) k=\(kernel) s=\(stride) p=\(padding) normalized=\(normalized) values=\(withValues)")
                        }
                    }
                }
            }
        }
    }

    func testConvSoftArgmaxBackwardSplitsALargeMapIntoRowBlocks() throws {
        var random = SeededGenerator(seed: 10)
        let input = try noise([1, 1, 97, 40], &random)
        for (kernel, stride, padding) in [([3, 3], [1, 1], [1, 1]), ([5, 5], [2, 2], [2, 2])] {
            let axes = try WindowAxis.validated(op: "test", input: input.shape, kernel: kernel, stride: stride, padding: padding, temperature: 1, version: .v0_7)
            let engine = WindowedSoftArgmax<Float>(
                depth: .single,
                height: axes[0], width: axes[1], temperature: 1, eps: 1e-8, normalized: true, volumetric: false)
            try assertBackwardKernelMatchesSwift(engine, input, withValues: true, &random, "97x40 k=\(kernel) s=\(stride)")
        }
    }

    func testConvSoftArgmax3dBackwardMatchesTheSwiftImplementation() throws {
        var random = SeededGenerator(seed: 12)
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                var input = try noise([2, 2, 4, 11, 19], &random)
                input[1, 1, 3, 10, 18] += 30   // a peak in a corner of the volume
                for (kernel, stride, padding) in [([3, 3, 3], [1, 2, 2], [0, 1, 1]), ([3, 3, 3], [1, 1, 1], [1, 1, 1]),
                                                  ([2, 5, 4], [2, 1, 3], [1, 2, 0]), ([1, 3, 3], [1, 1, 1], [0, 1, 1]),
                                                  ([3, 2, 3], [2, 1, 1], [1, 1, 1])] {
                    let axes = try WindowAxis.validated(
                        op: "test", input: input.shape, kernel: kernel, stride: stride, padding: padding, temperature: 1.3, version: .v0_7)
                    for (normalized, withValues) in [(false, true), (true, true), (true, false)] {
                        let engine = WindowedSoftArgmax<Float>(
                            depth: axes[0], height: axes[1], width: axes[2], temperature: 1.3, eps: 1e-8,
                            normalized: normalized, volumetric: true)
                        try assertBackwardKernelMatchesSwift(
                            engine, input, withValues: withValues, &random,
                            "\(path) k=\(kernel) s=\(stride) p=\(padding) normalized=\(normalized) values=\(withValues)")
                    }
                }
            }
        }
    }

    /// kornia 0.9, on maps with a peak far above noise at a small temperature (most
    /// windows computed on their own) and on plain noise: the kernel and the Swift
    /// implementation agree in 2D and 3D, and the weak windows' gradient is there.
    func testConvSoftArgmaxBackwardOfKornia09MatchesTheSwiftImplementation() throws {
        var random = SeededGenerator(seed: 14)
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                var flat = try noise([1, 2, 12, 17], &random)
                flat[0, 0, 5, 9] = 40
                var volume = try noise([1, 1, 4, 9, 11], &random)
                volume[0, 0, 2, 4, 5] = 40
                for (input, kernel, stride, padding, temperature) in [
                    (flat, [3, 3], [1, 1], [1, 1], 0.05), (flat, [4, 4], [1, 2], [2, 2], 0.05), (flat, [5, 3], [2, 1], [2, 1], 1.0),
                    (volume, [3, 3, 3], [1, 1, 1], [1, 1, 1], 0.05), (volume, [2, 4, 4], [1, 2, 2], [1, 2, 2], 0.05),
                ] {
                    let engine = try WindowedSoftArgmax<Float>.over(
                        input.shape, kernel: kernel, stride: stride, padding: padding, temperature: temperature, normalized: true, version: .v0_9)
                    // At T = 0.05 a peak of 40 is 800 temperatures: float32 rounds x / T to 10⁻⁴ of a temperature.
                    try assertBackwardKernelMatchesSwift(
                        engine, input, withValues: true, &random, "\(path) 0.9 k=\(kernel) T=\(temperature)",
                        tolerance: temperature < 1 ? 5e-4 : 2e-5)
                }
            }
        }
    }

    /// With the strict-maxima bonus the kernel is handed the windows' own values,
    /// not the op's boosted ones: float32 through the kernel against float64 through Swift.
    func testConvSoftArgmax3dBackwardWithTheBonusMatchesFloat64() throws {
        var random = SeededGenerator(seed: 13)
        let input = try noise([1, 2, 4, 9, 10], &random)
        let wide = try Tensor<Double>(shape: input.shape, elements: input.elements.map(Double.init))
        let (value, pullback) = try convSoftArgmax3dWithPullback(input, strictMaximaBonus: 0.5)
        let (_, widePullback) = try convSoftArgmax3dWithPullback(wide, strictMaximaBonus: 0.5)
        let coords = try noise(value.coords.shape, &random), values = try noise(value.values?.shape ?? [], &random)
        let want = try widePullback(
            Tensor(shape: coords.shape, elements: coords.elements.map(Double.init)),
            Tensor(shape: values.shape, elements: values.elements.map(Double.init)))
        assertClose(try pullback(coords, values), try Tensor(shape: want.shape, elements: want.elements.map(Float.init)), within: .relativeToLargest(1e-5), "bonus 0.5")
    }

    /// A block of a wide map needs more scratch than a thread keeps between calls
    /// (4 MB): that call allocates and frees its own.
    func testConvSoftArgmaxBackwardOfAWideMapTakesScratchBeyondWhatAThreadKeeps() throws {
        var random = SeededGenerator(seed: 11)
        let input = try noise([1, 1, 400, 2600], &random)
        let axes = try WindowAxis.validated(op: "test", input: input.shape, kernel: [3, 3], stride: [1, 1], padding: [1, 1], temperature: 1, version: .v0_7)
        let engine = WindowedSoftArgmax<Float>(
            depth: .single,
            height: axes[0], width: axes[1], temperature: 1, eps: 1e-8, normalized: false, volumetric: false)
        try assertBackwardKernelMatchesSwift(engine, input, withValues: true, &random, "400x2600")
    }

    /// The pullback's gradient through the kernel and through the Swift implementation agree.
    private func assertBackwardKernelMatchesSwift(
        _ engine: WindowedSoftArgmax<Float>, _ input: Tensor<Float>, withValues: Bool, _ random: inout SeededGenerator, _ label: String,
        tolerance: Double = 2e-5, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let forward = engine.applyFindingOwnWindows(input, outputValue: withValues)
        let value = (coords: forward.coords, values: forward.values)
        let coords = try noise(value.coords.shape, &random)
        let values = try value.values.map { try noise($0.shape, &random) }
        var reference = engine
        reference.usesKernel = false
        let got = try WindowedSoftArgmaxPullback(forward: engine).gradient(
            of: input, value: value, cotangents: (coords, values), ownWindows: forward.own, op: "test")
        let want = try WindowedSoftArgmaxPullback(forward: reference).gradient(
            of: input, value: value, cotangents: (coords, values), ownWindows: forward.own, op: "test")
        assertClose(got, want, within: .relativeToLargest(tolerance), label, file: file, line: line)
    }

    private func noise(_ shape: [Int], _ random: SeededGenerator) throws -> Tensor<Float> {
        var random = random
        return try noise(shape, &random)
    }

    private func noise(_ shape: [Int], _ random: inout SeededGenerator) throws -> Tensor<Float> {
        try Tensor(shape: shape, elements: (0..<shape.reduce(1, *)).map { _ in Float.random(in: -3...3, using: &random) })
    }
}
