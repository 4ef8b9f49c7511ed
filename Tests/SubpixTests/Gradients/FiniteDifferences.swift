import XCTest
import Subpix

/// Central differences of `L(x) = Σ_o Σ c_o · f_o(x)` for every element of `x`
/// (step `h`): `(L(x + h·e_k) − L(x − h·e_k)) / (h⁺ + h⁻)` with the steps as
/// actually represented (`(x + h) − x`, exact at large `x` too), the outputs
/// differenced element by element before they are summed, so outputs the
/// element does not reach add no rounding.
func centralDifferences(
    at x: Tensor<Double>, cotangents: [Tensor<Double>], step: Double = 1e-6,
    _ f: (Tensor<Double>) throws -> [Tensor<Double>]
) throws -> [Double] {
    try (0..<x.count).map { k in
        let (up, down) = (nudged(x, at: k, by: step), nudged(x, at: k, by: -step))
        let (plus, minus) = try (f(up), f(down))
        var total = 0.0
        for (output, cotangent) in cotangents.enumerated() {
            for (index, c) in cotangent.elements.enumerated() where c != 0 {
                total += c * (plus[output].elements[index] - minus[output].elements[index])
            }
        }
        return total / (up.elements[k] - down.elements[k])
    }
}

private func nudged(_ x: Tensor<Double>, at index: Int, by step: Double) -> Tensor<Double> {
    var copy = x
    copy.withUnsafeMutableBufferPointer { $0[index] += step }
    return copy
}

/// Asserts that an analytic gradient agrees with central differences to
/// `tolerance` relative to the gradient's largest magnitude (entries near zero
/// cannot be compared relative to themselves), except at the flat indices in `ignoring`.
func assertAgrees(
    _ analytic: Tensor<Double>, _ numeric: [Double], tolerance: Double = 1e-6, ignoring: Set<Int> = [], _ label: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(analytic.count, numeric.count, label, file: file, line: line)
    let scale = max(analytic.elements.map(abs).max() ?? 0, 1e-300)
    XCTAssertGreaterThan(scale, 1e-12, "\(label): the gradient is zero, nothing is checked", file: file, line: line)
    var worst = (error: 0.0, index: 0)
    for (index, (a, n)) in zip(analytic.elements, numeric).enumerated()
    where abs(a - n) > worst.error && !ignoring.contains(index) {
        worst = (abs(a - n), index)
    }
    XCTAssertLessThanOrEqual(
        worst.error / scale, tolerance,
        "\(label): at \(worst.index) analytic \(analytic.elements[worst.index]) vs central difference \(numeric[worst.index]) (scale \(scale))",
        file: file, line: line)
}

/// Seeded float64 test data: standard-normal noise times `scale` plus `offset`.
func noise(_ shape: [Int], seed: UInt64, scale: Double = 1, offset: Double = 0) throws -> Tensor<Double> {
    try randn(shape: shape, seed: seed, as: Double.self).map { $0 * scale + offset }
}

/// The flat index of the largest element of each map of `mapSize` elements.
///
/// kornia's windowed ops subtract each map's max *detached* (a constant to
/// autograd), yet with `eps` in the denominator the forward still moves with the
/// max, by about `eps / Σ e` — so at the max itself autograd's gradient (which the
/// pullbacks and the grad fixtures hold to) is not the forward's derivative.
func mapMaxima(_ x: Tensor<Double>, mapSize: Int) -> Set<Int> {
    Set(stride(from: 0, to: x.count, by: mapSize).map { start in
        (start..<(start + mapSize)).max { x.elements[$0] < x.elements[$1] } ?? start
    })
}
