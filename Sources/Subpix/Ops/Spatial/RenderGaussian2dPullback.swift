/// ``renderGaussian2d(mean:std:size:normalizedCoordinates:version:)`` and its pullback
/// with respect to `mean` and `std`, in the forward's kornia release.
///
/// Each map is the outer product `out(i, j) = gy(i) · gx(j)` of two profiles
/// normalised per axis, `gx = ex / (Σ ex + 1e-8)` with
/// `ex(j) = exp(−(x_j − μx)² / (2σx²))` (kornia 0.9; and likewise along y), or
/// `gx = ex / Σ ex` with `ex(j) = exp(−(x_j − μx)² / (2σx))` (kornia 0.7.4). For a
/// cotangent `G` of a map, with `ḡx(j) = Σ_i G(i, j) · gy(i)` and
/// `w(j) = gx(j) · (ḡx(j) − Σ_k ḡx(k) · gx(k))` (the normalisation's Jacobian),
///
///     μ̄x = Σ_j w(j) · (x_j − μx) / σx²,   σ̄x = Σ_j w(j) · (x_j − μx)² / σx³      (0.9)
///     μ̄x = Σ_j w(j) · (x_j − μx) / σx,    σ̄x = Σ_j w(j) · (x_j − μx)² / (2σx²)   (0.7.4)
///
/// and the same along y with the roles of the profiles swapped. Where `mean`
/// or `std` was broadcast, the gradients of the maps that share an entry add up.
///
/// ```swift
/// let (maps, pullback) = try renderGaussian2dWithPullback(mean: mean, std: std, size: (64, 48))
/// let (meanGradient, stdGradient) = try pullback(cotangent)   // shapes of mean and std
/// ```
///
/// - Returns: the rendered `(*, H, W)` maps and a pullback from a cotangent of
///   their shape to the gradients of `mean` and `std`.
/// - Throws: as ``renderGaussian2d(mean:std:size:normalizedCoordinates:version:)``; the
///   pullback throws ``SubpixError`` for a cotangent of another shape.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func renderGaussian2dWithPullback<S: SubpixScalar>(
    mean: Tensor<S>, std: Tensor<S>, size: (height: Int, width: Int), normalizedCoordinates: Bool = true,
    version: KorniaVersion = .default
) throws -> (value: Tensor<S>, pullback: @Sendable (Tensor<S>) throws -> (mean: Tensor<S>, std: Tensor<S>)) {
    let maps = try renderGaussian2d(mean: mean, std: std, size: size, normalizedCoordinates: normalizedCoordinates, version: version)
    let (height, width) = size
    return (maps, { cotangent in
        try cotangent.requireCotangent(of: maps.shape, op: Method.renderGaussian2d.name)
        let lead = Array(maps.shape.dropLast(2))
        let meanIndex = Broadcast.sourceIndices(from: Array(mean.shape.dropLast()), to: lead)
        let stdIndex = Broadcast.sourceIndices(from: Array(std.shape.dropLast()), to: lead)
        let grid = GaussianGrid<S>(
            xs: renderCoordinates(width, normalized: normalizedCoordinates, version: version),
            ys: renderCoordinates(height, normalized: normalizedCoordinates, version: version), version: version)
        // Per map: (μ̄x, μ̄y, σ̄x, σ̄y), then summed into the (possibly broadcast) inputs.
        var perMap = [S](repeating: 0, count: 4 * meanIndex.count)
        cotangent.withUnsafeBufferPointer { g in
            perMap.withUnsafeMutableBufferPointer { perMap in
                guard let g = g.baseAddress, let perMap = perMap.baseAddress else { return }
                parallelFor(meanIndex.count, work: cotangent.count * 4) { item in
                    let (m, s) = (meanIndex[item] * 2, stdIndex[item] * 2)
                    grid.pullback(
                        g + item * height * width,
                        mean: (mean.elements[m], mean.elements[m + 1]), std: (std.elements[s], std.elements[s + 1]),
                        into: perMap + 4 * item)
                }
            }
        }
        var (meanGradient, stdGradient) = ([S](repeating: 0, count: mean.count), [S](repeating: 0, count: std.count))
        for item in meanIndex.indices {
            for axis in 0..<2 {
                meanGradient[meanIndex[item] * 2 + axis] += perMap[4 * item + axis]
                stdGradient[stdIndex[item] * 2 + axis] += perMap[4 * item + 2 + axis]
            }
        }
        return (Tensor(uncheckedShape: mean.shape, elements: meanGradient), Tensor(uncheckedShape: std.shape, elements: stdGradient))
    })
}

/// The pixel grid of one rendered map and the pullback of one map through it.
private struct GaussianGrid<S: SubpixScalar>: Sendable {
    let xs: [S]
    let ys: [S]
    /// kornia 0.9's `2σ²` divisor, or kornia 0.7.4's `2σ`.
    let version: KorniaVersion

    /// Writes `(μ̄x, μ̄y, σ̄x, σ̄y)` for the cotangent `g` (`H × W`) of the map of `mean`, `std`.
    func pullback(_ g: UnsafePointer<S>, mean: (x: S, y: S), std: (x: S, y: S), into result: UnsafeMutablePointer<S>) {
        let (width, height) = (xs.count, ys.count)
        withUnsafeTemporaryAllocation(of: S.self, capacity: 2 * (width + height)) { scratch in
            guard let gx = scratch.baseAddress else { return }
            let (gy, gxBar, gyBar) = (gx + width, gx + width + height, gx + 2 * width + height)
            profile(xs, mean: mean.x, std: std.x, into: gx)
            profile(ys, mean: mean.y, std: std.y, into: gy)
            gxBar.update(repeating: 0, count: width)
            for row in 0..<height {
                let line = g + row * width
                var rowSum: S = 0
                for column in 0..<width {
                    gxBar[column] += line[column] * gy[row]
                    rowSum += line[column] * gx[column]
                }
                gyBar[row] = rowSum
            }
            (result[0], result[2]) = axisPullback(xs, profile: gx, cotangent: gxBar, mean: mean.x, std: std.x)
            (result[1], result[3]) = axisPullback(ys, profile: gy, cotangent: gyBar, mean: mean.y, std: std.y)
        }
    }

    /// `g(k) = ex(k) / (Σ ex + 1e-8)`, `ex(k) = exp(−(c_k − μ)² / (2σ²))` (0.9), or
    /// `g(k) = ex(k) / Σ ex`, `ex(k) = exp(−(c_k − μ)² / (2σ))` (0.7.4).
    private func profile(_ coords: [S], mean: S, std: S, into weights: UnsafeMutablePointer<S>) {
        guard version >= .v0_9 else {
            let exponentials = kornia07Exponentials(coords, mean: mean, std: std)
            let total = exponentials.reduce(0, +)
            for k in coords.indices { weights[k] = exponentials[k] / total }
            return
        }
        let factor = -S(0.5) / (std * std)
        var total: S = 0
        for (k, coordinate) in coords.enumerated() {
            let distance = coordinate - mean
            weights[k] = S.exp(distance * distance * factor)
            total += weights[k]
        }
        let inverse = 1 / (total + S(1e-8))
        for k in coords.indices { weights[k] *= inverse }
    }

    /// `(μ̄, σ̄)` of one axis from its normalised profile and the profile's cotangent.
    private func axisPullback(
        _ coords: [S], profile: UnsafeMutablePointer<S>, cotangent: UnsafeMutablePointer<S>, mean: S, std: S
    ) -> (mean: S, std: S) {
        var centred: S = 0
        for k in coords.indices { centred += cotangent[k] * profile[k] }
        var (meanSum, stdSum): (S, S) = (0, 0)
        for (k, coordinate) in coords.enumerated() {
            let weight = profile[k] * (cotangent[k] - centred)
            let distance = coordinate - mean
            meanSum += weight * distance
            stdSum += weight * distance * distance
        }
        guard version >= .v0_9 else { return (meanSum / std, stdSum / (2 * std * std)) }
        let inverseVariance = 1 / (std * std)
        return (meanSum * inverseVariance, stdSum * inverseVariance / std)
    }
}
