import Subpix
import XCTest

/// Fails unless every element of `got` is within `tolerance` of the element of
/// `want` at the same index, and the shapes agree.
///
/// An element is close when it equals the reference (infinities included), when
/// both are NaN, or when `|got − want|` is within the bound, computed in `want`'s
/// precision (a `Tensor<Float>` against a `Tensor<Double>` is compared in double).
/// A NaN against a number, or a number against a NaN, is never close. One failure
/// reports how many elements differ and the first three, with their indices.
///
/// ```swift
/// assertClose(try spatialSoftArgmax2d(input), reference, within: .isclose(atol: 1e-5, rtol: 1e-5), "3x4 T=1")
/// ```
public func assertClose<G: BinaryFloatingPoint & Sendable, W: BinaryFloatingPoint & Sendable>(
    _ got: Tensor<G>, _ want: Tensor<W>, within tolerance: Tolerance, _ label: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(got.shape, want.shape, label, file: file, line: line)
    checkClose(got.elements, want.elements, tolerance, label, file: file, line: line)
}

/// Fails unless `got` and `want` have the same count and every element of `got`
/// is within `tolerance` of `want`'s at the same index; closeness and the report
/// as for tensors.
///
/// ```swift
/// assertClose(point(coords, 2, 4, 4), [2.3, 4.2, 3.6], within: .absolute(1e-12))
/// ```
public func assertClose<G: BinaryFloatingPoint, W: BinaryFloatingPoint>(
    _ got: [G], _ want: [W], within tolerance: Tolerance, _ label: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(got.count, want.count, label, file: file, line: line)
    checkClose(got, want, tolerance, label, file: file, line: line)
}

/// Fails unless `got` is within `tolerance` of `want`; closeness and the report as
/// for tensors.
///
/// ```swift
/// assertClose(Float(values[0, 0, 2, 4, 4]), 1.0, within: .absolute(1e-5))
/// ```
public func assertClose<G: BinaryFloatingPoint, W: BinaryFloatingPoint>(
    _ got: G, _ want: W, within tolerance: Tolerance, _ label: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    checkClose([got], [want], tolerance, label, file: file, line: line)
}

/// The element-wise comparison behind every `assertClose`: pairs up to the shorter
/// count, one `XCTFail` for all the elements that are not close.
private func checkClose<G: BinaryFloatingPoint, W: BinaryFloatingPoint>(
    _ got: [G], _ want: [W], _ tolerance: Tolerance, _ label: String, file: StaticString, line: UInt
) {
    let largest = want.reduce(W(0)) { max($0, abs($1)) }
    var bad: [(index: Int, got: G, want: W)] = []
    for (index, (g, w)) in zip(got, want).enumerated() {
        let close = w.isNaN ? g.isNaN : (W(g) == w || abs(W(g) - w) <= tolerance.bound(w, largest: largest))
        if !close { bad.append((index, g, w)) }
    }
    guard !bad.isEmpty else { return }
    let first = bad.prefix(3).map { "element \($0.index) is \($0.got), expected \($0.want)" }.joined(separator: "; ")
    let count = min(got.count, want.count)
    XCTFail("\(label.isEmpty ? "" : label + ": ")\(bad.count) of \(count) elements not within \(tolerance): \(first)",
            file: file, line: line)
}
