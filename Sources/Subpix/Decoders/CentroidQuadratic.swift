/// The maximum of a least-squares 2D quadratic fitted around each heatmap's
/// peak — photutils' `centroid_quadratic`.
///
/// Around the first maximum (non-finite values ignored) a `fit_boxsize` square
/// box, shifted inward where it would cross the map's edge, is fitted with
///
///     h ≈ c₀ + c₁₀ x + c₀₁ y + c₁₁ xy + c₂₀ x² + c₀₂ y²
///
/// and the centroid is its stationary point,
/// `x = (c₀₁c₁₁ − 2c₀₂c₁₀) / det`, `y = (c₁₀c₁₁ − 2c₂₀c₀₁) / det` with
/// `det = 4c₂₀c₀₂ − c₁₁²`. It is `(NaN, NaN)` when the fit has no maximum
/// (`det ≤ 0` or `c₂₀ > 0`), when the maximum falls outside `(0, W − 1) × (0, H − 1)`,
/// when fewer than 6 finite values are in the box, or when the map has no finite
/// value. A peak on the map's edge is returned as it is, unfitted (photutils
/// warns and does the same).
///
/// ```swift
/// let centres = try centroidQuadratic(maps, fitBoxSize: 5)   // (B, K, 2)
/// ```
///
/// - Parameters:
///   - heatmaps: `(B, K, H, W)`.
///   - fitBoxSize: odd, at least 3, at most the map's height and width.
/// - Returns: `(B, K, 2)` in `(x, y)` order, pixels.
/// - Throws: ``SubpixError`` for a bad shape or box size.
public func centroidQuadratic<S: SubpixScalar>(_ heatmaps: Tensor<S>, fitBoxSize: Int = 5) throws -> Tensor<S> {
    let maps = try HeatmapBatch(heatmaps, op: "centroid_quadratic")
    try requireFitBox(fitBoxSize, height: maps.height, width: maps.width)
    return maps.pointPerMap { plane in
        let finite = plane.map { $0.isFinite ? $0 : .nan }
        guard finite.values.contains(where: { !$0.isNaN }) else { return (.nan, .nan) }
        let peak = finite.firstMaximumIgnoringNaN
        return quadraticCentroid(finite, peak: (peak.x, peak.y), box: fitBoxSize)
    }
}

/// photutils' `centroid_quadratic(data, xpeak, ypeak, fit_boxsize)` at given points
/// (each rounded to its pixel, halves away from zero) instead of each map's maximum —
/// for multi-peak maps. A point outside the map gives NaN (photutils raises).
///
/// - Parameters:
///   - heatmaps: `(B, K, H, W)`.
///   - coords: `(B, K, 2)` or `(B, K, N, 2)` in `(x, y)` order, pixels.
///   - fitBoxSize: odd, at least 3, at most the map's height and width.
/// - Returns: the centroids, shaped like `coords`.
/// - Throws: ``SubpixError`` for bad shapes or box size.
public func centroidQuadratic<S: SubpixScalar>(_ heatmaps: Tensor<S>, coords: Tensor<S>, fitBoxSize: Int = 5) throws -> Tensor<S> {
    let maps = try HeatmapBatch(heatmaps, op: "centroid_quadratic")
    try requireFitBox(fitBoxSize, height: maps.height, width: maps.width)
    // The fit skips non-finite values itself: no finite-only copy of each map.
    return try FieldPoints.refine(heatmaps, coords: coords, op: "centroid_quadratic") { plane, px, py in
        guard let x = roundedPixel(px), let y = roundedPixel(py), (0..<plane.width).contains(x), (0..<plane.height).contains(y)
        else { return (.nan, .nan) }
        return quadraticCentroid(plane, peak: (x, y), box: fitBoxSize)
    }
}

private func requireFitBox(_ box: Int, height: Int, width: Int) throws {
    let op = "centroid_quadratic"
    guard box >= 3, box % 2 == 1 else {
        throw SubpixError(op, "expected an odd fit_boxsize of at least 3 (6 values fit a quadratic), got \(box)")
    }
    guard box <= min(height, width) else {
        throw SubpixError(op, "expected fit_boxsize at most the map's size (\(height), \(width)), got \(box)")
    }
}

/// The fitted maximum around `peak` of a map (its non-finite values left out of the
/// fit); a peak on the edge is returned unfitted, a failed fit is NaN.
private func quadraticCentroid<S: SubpixScalar>(_ plane: HeatPlane<S>, peak: (x: Int, y: Int), box: Int) -> (x: S, y: S) {
    let (width, height) = (plane.width, plane.height)
    if peak.x == 0 || peak.y == 0 || peak.x == width - 1 || peak.y == height - 1 { return (S(peak.x), S(peak.y)) }
    guard let fit = QuadraticSurface(plane, around: peak, box: box), let top = fit.maximum else { return (.nan, .nan) }
    let (x, y) = (top.x + Double(peak.x), top.y + Double(peak.y))
    guard 0 < x, x < Double(width - 1), 0 < y, y < Double(height - 1) else { return (.nan, .nan) }
    return (S(x), S(y))
}

/// `c₀ + c₁₀x + c₀₁y + c₁₁xy + c₂₀x² + c₀₂y²` fitted by least squares to the finite
/// values of a box, in coordinates relative to the box's peak pixel.
struct QuadraticSurface {
    /// `(c₀, c₁₀, c₀₁, c₁₁, c₂₀, c₀₂)`.
    let coefficients: [Double]

    /// The box is `box × box` centred on `around`, shifted inside the map where it
    /// crosses an edge; `nil` when fewer than 6 values are finite or the fit is singular.
    init?<S: SubpixScalar>(_ plane: HeatPlane<S>, around peak: (x: Int, y: Int), box: Int) {
        let xs = Self.span(centre: peak.x, box: box, size: plane.width)
        let ys = Self.span(centre: peak.y, box: box, size: plane.height)
        var normal = [[Double]](repeating: [Double](repeating: 0, count: 6), count: 6)
        var right = [Double](repeating: 0, count: 6)
        var count = 0
        for y in ys {
            for x in xs where plane[y, x].isFinite {
                let (u, v) = (Double(x - peak.x), Double(y - peak.y))
                let terms = [1, u, v, u * v, u * u, v * v]
                let value = Double(plane[y, x])
                for i in 0..<6 {
                    right[i] += terms[i] * value
                    for j in 0..<6 { normal[i][j] += terms[i] * terms[j] }
                }
                count += 1
            }
        }
        guard count >= 6, let solution = solveLinearSystem(normal, right) else { return nil }
        coefficients = solution
    }

    /// photutils' box: `centre ± box / 2` trimmed to the map, then moved back to
    /// full size against the edge it was trimmed at.
    static func span(centre: Int, box: Int, size: Int) -> Range<Int> {
        var (start, end) = (Swift.max(0, centre - box / 2), Swift.min(size, centre + box / 2 + 1))
        if end - start < box {
            if start == 0 { end = Swift.min(size, box) }
            if end == size { start = Swift.max(0, size - box) }
        }
        return start..<end
    }

    /// The stationary point when it is a maximum (`det > 0` and `c₂₀ ≤ 0`).
    var maximum: (x: Double, y: Double)? {
        let (c10, c01, c11, c20, c02) = (coefficients[1], coefficients[2], coefficients[3], coefficients[4], coefficients[5])
        let determinant = 4 * c20 * c02 - c11 * c11
        guard determinant > 0, c20 <= 0 else { return nil }
        return ((c01 * c11 - 2 * c02 * c10) / determinant, (c10 * c11 - 2 * c20 * c01) / determinant)
    }
}

/// Solves `A x = b` by Gaussian elimination with partial pivoting; `nil` when
/// `A` is singular (a pivot below `1e-12` of the largest entry).
func solveLinearSystem(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
    var a = matrix
    var b = vector
    let n = b.count
    let scale = a.joined().map(Swift.abs).max() ?? 0
    guard scale > 0, scale.isFinite else { return nil }
    for column in 0..<n {
        guard let pivot = (column..<n).max(by: { Swift.abs(a[$0][column]) < Swift.abs(a[$1][column]) }),
              Swift.abs(a[pivot][column]) > 1e-12 * scale
        else { return nil }
        a.swapAt(column, pivot)
        b.swapAt(column, pivot)
        for row in (column + 1)..<n {
            let factor = a[row][column] / a[column][column]
            for k in column..<n { a[row][k] -= factor * a[column][k] }
            b[row] -= factor * b[column]
        }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
        var total = b[row]
        for k in (row + 1)..<n { total -= a[row][k] * x[k] }
        x[row] = total / a[row][row]
    }
    return x
}
