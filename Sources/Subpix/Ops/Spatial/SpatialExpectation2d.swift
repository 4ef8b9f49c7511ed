/// The expected pixel position under each map's probabilities — kornia's
/// `spatial_expectation2d`.
///
/// For probabilities `p` of `(B, N, H, W)` (see ``spatialSoftmax2d(_:temperature:)``):
///
///     E[x] = Σ p(i, j) · x_j,   E[y] = Σ p(i, j) · y_i
///
/// with `x_j = j`, `y_i = i` in pixels, or `(j / (W − 1) − 0.5) · 2` and
/// `(i / (H − 1) − 0.5) · 2` when normalised to [-1, 1]. A normalised
/// coordinate along an axis of size 1 is 0 in kornia 0.9 and NaN in kornia 0.7.4
/// (`version` chooses).
///
/// ```swift
/// let p = try Tensor<Float>(shape: [1, 1, 3, 3], elements: [0, 0, 0, 0, 0, 0, 0, 1, 0])
/// try spatialExpectation2d(p, normalizedCoordinates: false)   // [[[1, 2]]]
/// ```
///
/// - Returns: `(B, N, 2)` in the order (x, y).
/// - Throws: ``SubpixError`` for an input that is not a non-empty `(B, N, H, W)` tensor.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func spatialExpectation2d<S: SubpixScalar>(
    _ input: Tensor<S>, normalizedCoordinates: Bool = true, version: KorniaVersion = .default
) throws -> Tensor<S> {
    try input.requireShape(rank: 4, layout: "(B, N, H, W)", op: Method.spatialExpectation2d.name)
    return expectation(of: input, normalized: normalizedCoordinates, version: version)
}

/// The (x, y) expectation of every map of a validated `(B, N, H, W)` tensor.
func expectation<S: SubpixScalar>(of input: Tensor<S>, normalized: Bool, version: KorniaVersion = .default) -> Tensor<S> {
    weightedPositions(of: input, normalized: normalized, dividingByMass: false, version: version) { plane, count, weights in
        weights.update(from: plane, count: count)
    }
}

/// `Σ w(i, j) · (x_j, y_i)` for every map of a validated `(B, N, H, W)` tensor, where
/// `weigh` fills a map's weights from its values; divided by `Σ w` when `dividingByMass`.
func weightedPositions<S: SubpixScalar>(
    of input: Tensor<S>, normalized: Bool, dividingByMass: Bool, version: KorniaVersion,
    weigh: (_ plane: UnsafePointer<S>, _ count: Int, _ weights: UnsafeMutablePointer<S>) -> Void
) -> Tensor<S> {
    let (height, width) = (input.shape[2], input.shape[3])
    let xs: [S] = PixelGrid.coordinates(width, normalized: normalized, version: version)
    let ys: [S] = PixelGrid.coordinates(height, normalized: normalized, version: version)
    let (maps, planeSize) = (input.shape[0] * input.shape[1], height * width)
    return input.withUnsafeBufferPointer { source in
        Tensor<S>(validShape: [input.shape[0], input.shape[1], 2]) { output in
            guard let values = source.baseAddress, let out = output.baseAddress else { return }
            xs.withUnsafeBufferPointer { xs in
                guard let xs = xs.baseAddress else { return }
                let perItem = mapsPerItem(maps)
                parallelFor((maps + perItem - 1) / perItem, work: input.count * 8) { item in
                    let weights = UnsafeMutablePointer<S>.allocate(capacity: planeSize)
                    defer { weights.deallocate() }
                    for map in (item * perItem)..<min(maps, (item + 1) * perItem) {
                        weigh(values + map * planeSize, planeSize, weights)
                        var mass: S = 0, sumX: S = 0, sumY: S = 0
                        for row in 0..<height {
                            let (rowMass, rowX) = MapReduction.massAndMoment(weights + row * width, xs, count: width)
                            mass += rowMass
                            sumX += rowX
                            sumY += rowMass * ys[row]
                        }
                        let scale = dividingByMass ? 1 / mass : 1
                        out[2 * map] = sumX * scale
                        out[2 * map + 1] = sumY * scale
                    }
                }
            }
        }
    }
}
