import CSubpixKernels

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
        let (mass, momentX, momentY) = centreOfMassSums(plane)
        guard Swift.abs(mass) >= 1e-30 else { return (.nan, .nan) }
        return (S(momentX / mass), S(momentY / mass))
    }
}

/// `(Σ h, Σ x·h, Σ y·h)` over the finite pixels, in float64, each row summed
/// first: the C kernel for float32, Swift for float64.
func centreOfMassSums<S: SubpixScalar>(_ plane: HeatPlane<S>) -> (mass: Double, x: Double, y: Double) {
    if S.self == Float.self {
        var sums = [0.0, 0.0, 0.0]
        plane.values.withUnsafeBufferPointer { values in
            guard let values = values.baseAddress else { return }
            subpix_centre_of_mass_f32(floatPointer(values), plane.height, plane.width, &sums)
        }
        return (sums[0], sums[1], sums[2])
    }
    var (mass, momentX, momentY) = (0.0, 0.0, 0.0)
    for y in 0..<plane.height {
        var (rowMass, rowMomentX) = (0.0, 0.0)
        for x in 0..<plane.width where plane[y, x].isFinite {
            let weight = Double(plane[y, x])
            rowMass += weight
            rowMomentX += Double(x) * weight
        }
        (mass, momentX, momentY) = (mass + rowMass, momentX + rowMomentX, momentY + Double(y) * rowMass)
    }
    return (mass, momentX, momentY)
}
