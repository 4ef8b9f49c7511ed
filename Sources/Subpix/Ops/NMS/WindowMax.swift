/// Row primitives of the separable window maximum that the non-maxima
/// suppression is built from.
///
/// A window maximum over a `ky × kx` box is a maximum over `kx` neighbours
/// along each row followed by a maximum over `ky` of those row results. Each
/// primitive here is a plain loop over contiguous rows, written so that the
/// compiler turns it into SIMD `max` instructions: a `k`-wide window costs
/// about `k - 1` vector operations per element on each axis, with no branches.
///
/// `larger(a, b)` is `a > b ? a : b`, so a NaN operand may be dropped; the
/// suppression accounts for NaN separately (see `StrictMaxima`).
@inline(__always)
func larger<S: SubpixScalar>(_ a: S, _ b: S) -> S { a > b ? a : b }

/// `out[j] = max(x[j + lo ... j + hi] ∩ [0, n))`, or `-∞` where that range is empty.
///
/// With `lo = -1, hi = 1` this is the maximum of each element and its two
/// neighbours.
@inline(__always)
func rowWindowMax<S: SubpixScalar>(
    _ x: UnsafePointer<S>, count n: Int, lo: Int, hi: Int, into out: UnsafeMutablePointer<S>
) {
    if lo == -1 && hi == 1 && n >= 2 {
        // The common 3-wide window in one pass.
        out[0] = larger(x[0], x[1])
        for j in 1..<(n - 1) { out[j] = larger(larger(x[j - 1], x[j]), x[j + 1]) }
        out[n - 1] = larger(x[n - 2], x[n - 1])
        return
    }
    out.update(repeating: -S.infinity, count: n)
    for offset in lo...hi { accumulateShifted(x, by: offset, count: n, into: out) }
}

/// `out[j] = max(out[j], x[j + offset])` wherever `j + offset` lies in `0..<n`.
@inline(__always)
func accumulateShifted<S: SubpixScalar>(
    _ x: UnsafePointer<S>, by offset: Int, count n: Int, into out: UnsafeMutablePointer<S>
) {
    let start = max(0, -offset), end = min(n, n - offset)
    guard start < end else { return }
    let source = x + offset
    for j in start..<end { out[j] = larger(out[j], source[j]) }
}

/// `out[j] = max(out[j], rows(0)[j], …, rows(count - 1)[j])`, two rows per pass.
@inline(__always)
func accumulateRows<S: SubpixScalar>(
    count rowCount: Int, width n: Int, into out: UnsafeMutablePointer<S>, _ rows: (Int) -> UnsafePointer<S>
) {
    var index = 0
    while index + 1 < rowCount {
        let (a, b) = (rows(index), rows(index + 1))
        for j in 0..<n { out[j] = larger(out[j], larger(a[j], b[j])) }
        index += 2
    }
    if index < rowCount {
        let a = rows(index)
        for j in 0..<n { out[j] = larger(out[j], a[j]) }
    }
}

/// `out[j] = max(rows(0)[j], …, rows(count - 1)[j])` for `count ≥ 1` rows.
@inline(__always)
func maxOfRows<S: SubpixScalar>(
    count rowCount: Int, width n: Int, into out: UnsafeMutablePointer<S>, _ rows: (Int) -> UnsafePointer<S>
) {
    switch rowCount {
    case 1: out.update(from: rows(0), count: n)
    case 2:
        let (a, b) = (rows(0), rows(1))
        for j in 0..<n { out[j] = larger(a[j], b[j]) }
    default:
        let (a, b, c) = (rows(0), rows(1), rows(2))
        for j in 0..<n { out[j] = larger(larger(a[j], b[j]), c[j]) }
        accumulateRows(count: rowCount - 3, width: n, into: out) { rows($0 + 3) }
    }
}
