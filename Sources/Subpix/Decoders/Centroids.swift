/// The centre of mass of each heatmap — photutils' `centroid_com`:
///
///     x = Σ x·h / Σ h,   y = Σ y·h / Σ h
///
/// over every pixel, non-finite values counted as 0 (photutils masks them).
/// When `|Σ h| < 1e-30` the centroid is `(NaN, NaN)`. Sums are in float64.
///
/// ```swift
/// let centres = try centroidCOM(maps)   // (B, K, 2)
/// ```
///
/// - Parameter heatmaps: `(B, K, H, W)`.
/// - Returns: `(B, K, 2)` in `(x, y)` order, pixels.
/// - Throws: ``SubpixError`` when `heatmaps` is not a non-empty 4D tensor.
public func centroidCOM<S: SubpixScalar>(_ heatmaps: Tensor<S>) throws -> Tensor<S> {
    try HeatmapBatch(heatmaps, op: "centroid_com").pointPerMap { plane in
        var (mass, momentX, momentY) = (0.0, 0.0, 0.0)
        for y in 0..<plane.height {
            for x in 0..<plane.width {
                let value = plane[y, x]
                guard value.isFinite else { continue }
                let weight = Double(value)
                mass += weight
                momentX += Double(x) * weight
                momentY += Double(y) * weight
            }
        }
        guard Swift.abs(mass) >= 1e-30 else { return (.nan, .nan) }
        return (S(momentX / mass), S(momentY / mass))
    }
}
