import XCTest
@testable import Subpix

final class ConvSoftArgmaxTests: XCTestCase {
    /// The seed's formula, written out here: ⌊(in + 2p − (k − 1) − 1) / s⌋ + 1.
    private func seedOutput(_ length: Int, _ k: Int, _ s: Int, _ p: Int) -> Int {
        Int((Double(length + 2 * p - (k - 1) - 1) / Double(s)).rounded(.down)) + 1
    }

    func testOutputShapesFollowTheSeedFormulaOverAGrid() throws {
        for (height, width) in [(5, 7), (8, 8), (11, 9)] {
            let x = Tensor<Float>(shape: [2, 1, height, width], repeating: 0.5)
            for k in 1...5 { for s in 1...3 { for p in 0...(k / 2) {
                let h = seedOutput(height, k, s, p), w = seedOutput(width, k + 1, s, p)
                guard h > 0, w > 0, p <= (k + 1) / 2 else { continue }
                let (coords, values) = try convSoftArgmax2d(
                    x, kernelSize: [k, k + 1], stride: [s, s], padding: [p, p], outputValue: true)
                XCTAssertEqual(coords.shape, [2, 1, 2, h, w], "k=\(k) s=\(s) p=\(p)")
                XCTAssertEqual(values?.shape, [2, 1, h, w])
            } } }
        }
        let volume = Tensor<Float>(shape: [1, 2, 5, 9, 8], repeating: 0)
        for (k, s, p) in [([3, 3, 3], [1, 2, 2], [0, 1, 1]), ([1, 3, 3], [1, 2, 2], [0, 0, 0]), ([3, 5, 3], [2, 1, 3], [1, 2, 0])] {
            let expected = (0..<3).map { seedOutput(volume.shape[2 + $0], k[$0], s[$0], p[$0]) }
            let (coords, values) = try convSoftArgmax3d(volume, kernelSize: k, stride: s, padding: p)
            XCTAssertEqual(coords.shape, [1, 2, 3] + expected)
            XCTAssertEqual(values?.shape, [1, 2] + expected)
        }
    }

    /// A single hot pixel: every 3×3 window containing it puts all but e^−30 of its
    /// weight there, so the window's coordinate is the hot pixel's and its value 30.
    /// A corner window that misses it sees four equal cells (the rest is padding,
    /// which adds nothing): its coordinate is their mean, (0.5, 4.5).
    func testAHotPixelPullsEveryWindowThatSeesIt() throws {
        var x = Tensor<Double>(shape: [1, 1, 6, 6], repeating: 0)
        x[0, 0, 2, 3] = 30
        let (coords, values) = try convSoftArgmax2d(x, normalizedCoordinates: false, eps: 0, outputValue: true)
        for (row, column) in [(1, 2), (2, 3), (3, 4), (1, 4)] {
            XCTAssertEqual(coords[0, 0, 0, row, column], 3, accuracy: 1e-9)
            XCTAssertEqual(coords[0, 0, 1, row, column], 2, accuracy: 1e-9)
            XCTAssertEqual(values![0, 0, row, column], 30, accuracy: 1e-9)
        }
        XCTAssertEqual(coords[0, 0, 0, 5, 0], 0.5, accuracy: 1e-9)
        XCTAssertEqual(coords[0, 0, 1, 5, 0], 4.5, accuracy: 1e-9)
        XCTAssertEqual(values![0, 0, 5, 0], 0, accuracy: 1e-9)
    }

    /// A one-cell window has its only cell at its centre, so coordinates are the
    /// pixel grid itself (kornia would shift them by −1; see docs/api.md).
    func testOneCellWindowsReturnThePixelGrid() throws {
        let x = try Tensor<Float>(shape: [1, 1, 2, 3], elements: [1, 2, 3, 4, 5, 6])
        let (coords, values) = try convSoftArgmax2d(
            x, kernelSize: [1, 1], padding: [0, 0], normalizedCoordinates: false, eps: 0, outputValue: true)
        XCTAssertEqual(coords.elements, [0, 1, 2, 0, 1, 2, 0, 0, 0, 1, 1, 1])
        for (value, expected) in zip(values?.elements ?? [], x.elements) { XCTAssertEqual(value, expected, accuracy: 1e-6) }
    }

    /// kernel 3×3×3, stride 1, depth padding 0 on D = 5: output level o is centred on
    /// input level o + 1. A strict maximum at level 3 must boost output level 2 only
    /// (kornia's slice `[skip : out − skip]` would apply level 1's maxima to every level).
    func testStrictMaximaBonusUsesTheLevelsAlignedWithTheOutput() throws {
        var x = Tensor<Double>(shape: [1, 1, 5, 5, 5], repeating: 0)
        x[0, 0, 3, 2, 2] = 2
        let plain = try convSoftArgmax3d(x, stride: [1, 1, 1], padding: [0, 1, 1], version: .v0_7).values!
        let boosted = try convSoftArgmax3d(x, stride: [1, 1, 1], padding: [0, 1, 1], strictMaximaBonus: 10, version: .v0_7).values!
        XCTAssertEqual(plain.shape, [1, 1, 3, 5, 5])
        for level in 0..<3 { for row in 0..<5 { for column in 0..<5 {
            let factor = (level, row, column) == (2, 2, 2) ? 1 + 10 * 2.0 : 1
            XCTAssertEqual(boosted[0, 0, level, row, column], plain[0, 0, level, row, column] * factor, accuracy: 1e-12)
        } } }
    }

    func testErrorsNameTheOpTheExpectationAndTheInput() throws {
        let map = Tensor<Float>(shape: [1, 1, 4, 4], repeating: 0)
        let cases: [(() throws -> Any, String)] = [
            ({ try convSoftArgmax2d(Tensor<Float>(shape: [3, 4], repeating: 0)) },
             "conv_soft_argmax2d: expected input of shape (B, C, H, W), got (3, 4); add the leading axes with x[None, None]"),
            ({ try convSoftArgmax2d(map, temperature: 0) }, "conv_soft_argmax2d: expected temperature > 0, got 0.0"),
            ({ try convSoftArgmax2d(map, temperature: -1) }, "conv_soft_argmax2d: expected temperature > 0, got -1.0"),
            ({ try convSoftArgmax2d(map, kernelSize: [0, 3]) },
             "conv_soft_argmax2d: expected kernel_size > 0 on every axis, got (0, 3) (0)"),
            ({ try convSoftArgmax2d(map, stride: [1, -2]) },
             "conv_soft_argmax2d: expected stride > 0 on every axis, got (1, -2) (-2)"),
            ({ try convSoftArgmax2d(map, padding: [-1, 0]) },
             "conv_soft_argmax2d: expected padding >= 0 on every axis, got (-1, 0) (-1)"),
            ({ try convSoftArgmax2d(map, kernelSize: [3, 3], padding: [2, 1], version: .v0_7) },
             "conv_soft_argmax2d: expected padding at most half the kernel (1 for kernel 3), got 2 on axis 0"),
            ({ try convSoftArgmax2d(map, kernelSize: [5, 5], padding: [0, 0]) },
             "conv_soft_argmax2d: expected a non-empty output, got (0, 0) for input (4, 4) with kernel (5, 5), stride (1, 1), padding (0, 0)"),
            ({ try convSoftArgmax2d(map, kernelSize: [3]) }, "conv_soft_argmax2d: expected kernel_size with 2 values, got (3,)"),
            ({ try convSoftArgmax3d(map) }, "conv_soft_argmax3d: expected input of shape (B, C, D, H, W), got (1, 1, 4, 4)"),
            ({ try convSoftArgmax3d(Tensor<Float>(shape: [1, 1, 4, 4, 4], repeating: 0), kernelSize: [2, 2, 2], padding: [0, 0, 0], strictMaximaBonus: 1, version: .v0_7) },
             "conv_soft_argmax3d: expected an odd kernel_size with strict_maxima_bonus > 0 (kornia 0.7.4's strict maxima), got (2, 2, 2)"),
        ]
        for (call, message) in cases {
            XCTAssertThrowsError(try call()) { XCTAssertEqual("\($0)", message) }
        }
    }

    func testModulesForwardTheirParameters() throws {
        let x = try Tensor<Float>(shape: [1, 1, 4, 5], elements: (0..<20).map { Float($0 % 7) })
        let module = ConvSoftArgmax2d(kernelSize: [3, 3], stride: [2, 2], padding: [1, 1], temperature: 0.5, outputValue: true)
        let direct = try convSoftArgmax2d(x, kernelSize: [3, 3], stride: [2, 2], padding: [1, 1], temperature: 0.5, outputValue: true)
        let viaModule = try module(x)
        XCTAssertEqual(viaModule.coords, direct.coords)
        XCTAssertEqual(viaModule.values, direct.values)
        let volume = try x.reshaped([1, 1, 1, 4, 5])
        let module3d = ConvSoftArgmax3d(kernelSize: [1, 3, 3], padding: [0, 1, 1])
        XCTAssertEqual(try module3d(volume).coords, try convSoftArgmax3d(volume, kernelSize: [1, 3, 3], padding: [0, 1, 1]).coords)
    }
}

/// Windows whose last taps fall past the row's end on strided, padded maps: every
/// (kernel, stride, padding) on small widths agrees with a direct sum written here,
/// in kornia 0.7.4's form (the map's maximum, `2t/(k−1) − 1` offsets);
/// `ConvSoftArgmaxVersionTests` has 0.9's.
final class WindowEdgeTests: XCTestCase {
    func testStridedPaddedWindowsMatchADirectComputation() throws {
        for width in 1...6 { for k in 1...5 { for s in 1...3 { for p in 0...(k / 2) {
            guard (width + 2 * p - k) >= 0 else { continue }
            let values = (0..<width).map { Double(($0 * 7) % 5) * 0.3 + 0.1 }
            let x = try Tensor<Double>(shape: [1, 1, 1, width], elements: values)
            let (coords, pooled) = try convSoftArgmax2d(x, kernelSize: [1, k], stride: [1, s], padding: [0, p],
                                                        normalizedCoordinates: false, eps: 0, outputValue: true, version: .v0_7)
            let peak = values.max() ?? 0
            for o in 0..<coords.shape[4] {
                let cells = (0..<k).map { o * s - p + $0 }.filter { $0 >= 0 && $0 < width }
                let e = cells.map { exp(values[$0] - peak) }
                let mass = e.reduce(0, +)
                let offset = zip(cells, e).map { cell, w in (k > 1 ? 2 * Double(cell - (o * s - p)) / Double(k - 1) - 1 : 0) * w }.reduce(0, +) / mass
                let centreCells = (k % 2 == 1 ? [k / 2] : [k / 2 - 1, k / 2]).map { o * s - p + $0 }
                let centre = Double(centreCells.filter { $0 >= 0 && $0 < width }.reduce(0, +)) / Double(centreCells.count)
                XCTAssertEqual(coords[0, 0, 0, 0, o], centre + offset, accuracy: 1e-12, "w \(width) k \(k) s \(s) p \(p) o \(o)")
                XCTAssertEqual(pooled![0, 0, 0, o], zip(cells, e).map { values[$0] * $1 }.reduce(0, +) / mass, accuracy: 1e-12)
            }
        } } } }
    }
}
