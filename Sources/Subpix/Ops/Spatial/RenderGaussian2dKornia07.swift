/// kornia 0.7.4's `render_gaussian2d`, which ``renderGaussian2d(mean:std:size:normalizedCoordinates:version:)``
/// runs with `version: .v0_7`: the exponent is divided by `2σ`, not `2σ²`, and
/// the map is normalised as a whole:
///
///     ex(j) = exp(−(x_j − μx)² / (2σx)),   ey(i) = exp(−(y_i − μy)² / (2σy)),
///     out(i, j) = ex(j) · ey(i) / max(Σ ex · Σ ey, 1e-32)
///
/// so `std` acts as a variance. Without a shift by the largest exponent, a mean
/// far from the grid underflows every weight and the map is 0. The grid is
/// kornia 0.7.4's `create_meshgrid` (a normalised one-pixel axis is NaN).
/// `mean`, `std` and `lead` (their broadcast leading axes) are already checked.
func renderGaussian2dKornia07<S: SubpixScalar>(
    mean: Tensor<S>, std: Tensor<S>, size: (height: Int, width: Int), normalizedCoordinates: Bool, lead: [Int]
) -> Tensor<S> {
    let (height, width) = size
    let xs: [S] = PixelGrid.coordinates(width, normalized: normalizedCoordinates, version: .v0_7)
    let ys: [S] = PixelGrid.coordinates(height, normalized: normalizedCoordinates, version: .v0_7)
    let meanIndex = Broadcast.sourceIndices(from: Array(mean.shape.dropLast()), to: lead)
    let stdIndex = Broadcast.sourceIndices(from: Array(std.shape.dropLast()), to: lead)
    let planeSize = height * width
    return Tensor<S>(validShape: lead + [height, width]) { output in
        guard let out = output.baseAddress else { return }
        parallelFor(meanIndex.count, work: meanIndex.count * planeSize * 2) { item in
            let (m, s) = (meanIndex[item] * 2, stdIndex[item] * 2)
            let ex = kornia07Exponentials(xs, mean: mean.elements[m], std: std.elements[s])
            let ey = kornia07Exponentials(ys, mean: mean.elements[m + 1], std: std.elements[s + 1])
            let total = Swift.max(ex.reduce(0, +) * ey.reduce(0, +), S(1e-32))
            let plane = out + item * planeSize
            for row in 0..<height {
                for column in 0..<width { plane[row * width + column] = ex[column] * ey[row] / total }
            }
        }
    }
}

/// `exp(−(c − μ)² / (2σ))` at each coordinate `c`, as kornia 0.7.4 wrote it (`k = −0.5 / σ`).
func kornia07Exponentials<S: SubpixScalar>(_ coords: [S], mean: S, std: S) -> [S] {
    let factor = -S(0.5) * (1 / std)
    return coords.map { coordinate in
        let distance = coordinate - mean
        return S.exp(distance * distance * factor)
    }
}
