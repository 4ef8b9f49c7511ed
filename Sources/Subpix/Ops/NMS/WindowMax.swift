/// Row primitives of the separable window maximum that the non-maxima
/// suppression is built from.
///
/// A window maximum over a `ky × kx` box is a maximum over `kx` neighbours
/// along each row followed by a maximum over `ky` of those row results. Each
/// primitive here is a plain loop over one contiguous row, written so that the
/// compiler turns it into SIMD `max` instructions: a `k`-wide window costs
/// `k - 1` vector operations per element on each axis, with no branches.
///
/// `larger(a, b)` is `a > b ? a : b`, so a NaN operand may be dropped; the
/// suppression accounts for NaN separately (see `StrictMaxima`).
@inline(__always)
func larger<S: SubpixScalar>(_ a: S, _ b: S) -> S { a > b ? a : b }

/// `out[j] = max(x[j + lo ... j + hi] ∩ [0, n))`, or `-∞` where that range is empty.
///
/// With `lo = -1, hi = 1` this is the maximum of each element and its two
/// neighbours; with `lo = 1, hi = 2` the maximum of the two elements after it.
@inline(__always)
func rowWindowMax<S: SubpixScalar>(
    _ x: UnsafePointer<S>, count n: Int, lo: Int, hi: Int, into out: UnsafeMutablePointer<S>
) {
    // Interior: every tap of the window lies inside the row.
    let start = min(n, max(0, -lo))
    let end = max(start, min(n, n - hi))
    if start < end {
        let first = x + lo
        for j in start..<end { out[j] = first[j] }
        if lo < hi {
            for offset in (lo + 1)...hi {
                let tap = x + offset
                for j in start..<end { out[j] = larger(out[j], tap[j]) }
            }
        }
    }
    // Edges: the window is clipped to the row.
    for j in 0..<start { out[j] = clippedMax(x, count: n, from: j + lo, through: j + hi) }
    for j in end..<n { out[j] = clippedMax(x, count: n, from: j + lo, through: j + hi) }
}

/// `max(x[from ... through] ∩ [0, n))`, or `-∞` when the range is empty.
@inline(__always)
func clippedMax<S: SubpixScalar>(_ x: UnsafePointer<S>, count n: Int, from: Int, through: Int) -> S {
    var result = -S.infinity
    var index = max(0, from)
    let last = min(n - 1, through)
    while index <= last {
        result = larger(result, x[index])
        index += 1
    }
    return result
}

/// `out[j] = max(out[j], row[j])` for `j` in `0..<n`.
@inline(__always)
func accumulateMax<S: SubpixScalar>(_ row: UnsafePointer<S>, count n: Int, into out: UnsafeMutablePointer<S>) {
    for j in 0..<n { out[j] = larger(out[j], row[j]) }
}
