import CSubpixKernels
import XCTest
@testable import Subpix
import TestSupport

/// The van Herk / Gil-Werman window sums against direct sums, on terms that
/// span 1 … 1e-30 next to a peak: the case where add-one/drop-one running sums
/// return `(1 + 1e-20) − 1 = 0` for every window just past the peak.
final class WindowSumsTests: XCTestCase {
    /// Every kernel 1…9 and 15, stride 1…3 and zero padding 0…k/2 at both ends,
    /// eight sequences at once (the peak at a different place in each), on both
    /// kernel paths: each sum and weighted sum within `4k` float ulps of the
    /// direct sum in double precision.
    func testWindowSumsEqualDirectSumsOverTwentyDecades() {
        var random = SeededGenerator(seed: 7)
        let length = 37
        for path in KernelPath.allCases {
            withKernelPath(path) {
                for kernel in Array(1...9) + [15] {
                    for stride in 1...3 {
                        for padding in 0...(kernel / 2) {
                            let padded = length + 2 * padding
                            let outputs = (padded - kernel) / stride + 1
                            guard outputs > 0 else { continue }
                            // Lane l: a peak of 1 at cell 3l + 2, the rest 10^-u with u in 20...30.
                            var x = [Float](repeating: 0, count: padded * 8)
                            for lane in 0..<8 {
                                for cell in 0..<length {
                                    let term = cell == 3 * lane + 2 ? 1 : Float(pow(10, -Double.random(in: 20...30, using: &random)))
                                    x[(cell + padding) * 8 + lane] = term
                                }
                            }
                            var sums = [Float](repeating: .nan, count: outputs * 8), weighted = sums
                            XCTAssertEqual(subpix_window_sums_f32(x, kernel, stride, outputs, &sums, &weighted), 0)
                            for output in 0..<outputs {
                                for lane in 0..<8 {
                                    let terms = (0..<kernel).map { Double(x[(output * stride + $0) * 8 + lane]) }
                                    let direct = terms.reduce(0, +)
                                    let directWeighted = terms.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
                                    let label = "\(path) k=\(kernel) s=\(stride) p=\(padding) output \(output) lane \(lane)"
                                    let bound = 4 * Double(kernel) * Double(Float.ulpOfOne)
                                    XCTAssertLessThanOrEqual(abs(Double(sums[output * 8 + lane]) - direct), bound * direct, label)
                                    XCTAssertLessThanOrEqual(
                                        abs(Double(weighted[output * 8 + lane]) - directWeighted), bound * directWeighted, label)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The whole op on maps whose exponentials span 1 … 1e-30 around a peak:
    /// the float32 kernel against the Swift engine in float64 (direct sums of
    /// every window), for every small kernel, stride and padding, on both paths.
    /// With `eps = 0` a coordinate is a ratio of window sums, so a window that
    /// lost its small terms would land far from the float64 coordinate.
    func testConvSoftArgmaxKeepsWindowsBesidePeaksExact() throws {
        var random = SeededGenerator(seed: 11)
        let (height, width) = (13, 17)
        var elements = [Float]()
        for map in 0..<2 {
            let peak = map == 0 ? (4, 6) : (12, 0)
            for row in 0..<height {
                for column in 0..<width {
                    // exp(x) = 1 at the peak, 1e-30 … 1e-20 elsewhere (ln 1e-20 ≈ −46).
                    elements.append((row, column) == peak ? 0 : Float.random(in: -69 ... -46, using: &random))
                }
            }
        }
        let floats = try Tensor<Float>(shape: [1, 2, height, width], elements: elements)
        let doubles = try Tensor<Double>(shape: [1, 2, height, width], elements: elements.map(Double.init))
        for path in KernelPath.allCases {
            try withKernelPath(path) {
                for (kernelHeight, kernelWidth) in (1...7).map({ ($0, $0) }) + [(3, 7), (8, 2), (5, 4)] {
                    for stride in 1...3 {
                        for padding in 0...(min(kernelHeight, kernelWidth) / 2) {
                            let arguments = (kernel: [kernelHeight, kernelWidth], stride: [stride, stride], padding: [padding, padding])
                            let got = try convSoftArgmax2d(
                                floats, kernelSize: arguments.kernel, stride: arguments.stride, padding: arguments.padding,
                                normalizedCoordinates: false, eps: 0, outputValue: true)
                            let want = try convSoftArgmax2d(
                                doubles, kernelSize: arguments.kernel, stride: arguments.stride, padding: arguments.padding,
                                normalizedCoordinates: false, eps: 0, outputValue: true)
                            let label = "\(path) k=\(arguments.kernel) s=\(stride) p=\(padding)"
                            assertClose(got.coords, want.coords, within: .isclose(atol: 2e-4, rtol: 0), label)
                            if let values = got.values, let wanted = want.values {
                                assertClose(values, wanted, within: .isclose(atol: 0, rtol: 2e-5), label)
                            }
                        }
                    }
                }
            }
        }
    }
}
