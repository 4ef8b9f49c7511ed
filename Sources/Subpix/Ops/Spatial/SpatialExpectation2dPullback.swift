/// ``spatialExpectation2d(_:normalizedCoordinates:version:)`` and its pullback.
///
/// The expectation is linear in the probabilities, so for a cotangent
/// `(ḡx, ḡy)` of each map's `(E[x], E[y])` the gradient is the grid itself:
///
///     p̄(i, j) = ḡx · x_j + ḡy · y_i
///
/// with the coordinates of the forward (pixels, or normalised to [-1, 1]; along a
/// normalised axis of size 1, 0 in kornia 0.9 and NaN in 0.7.4, as the forward).
///
/// ```swift
/// let (xy, pullback) = try spatialExpectation2dWithPullback(p, normalizedCoordinates: false)
/// let gradient = try pullback(cotangent)   // (B, N, H, W)
/// ```
///
/// - Returns: the `(B, N, 2)` expectation and a pullback from a `(B, N, 2)`
///   cotangent to the `(B, N, H, W)` gradient.
/// - Throws: as ``spatialExpectation2d(_:normalizedCoordinates:version:)``; the pullback
///   throws ``SubpixError`` for a cotangent of another shape.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func spatialExpectation2dWithPullback<S: SubpixScalar>(
    _ input: Tensor<S>, normalizedCoordinates: Bool = true, version: KorniaVersion = .default
) throws -> (value: Tensor<S>, pullback: @Sendable (Tensor<S>) throws -> Tensor<S>) {
    let expectation = try spatialExpectation2d(input, normalizedCoordinates: normalizedCoordinates, version: version)
    let shape = input.shape
    return (expectation, { cotangent in
        try cotangent.requireCotangent(of: expectation.shape, op: Method.spatialExpectation2d.name)
        return gridPullback(shape: shape, normalized: normalizedCoordinates, version: version, cotangent: cotangent) { _, mapSize, weights in
            weights.update(repeating: 1, count: mapSize)
            return 1
        }
    })
}

/// `out(i, j) = s · w(i, j) · (ḡx · (x_j − cx) + ḡy · (y_i − cy))` for every map of a
/// `(B, N, H, W)` shape, where `(ḡx, ḡy)` is the map's `(B, N, 2)` cotangent,
/// `(cx, cy)` the map's entry of `centre` (0 without one), and `weigh` fills the
/// map's weights `w` and returns `s` — the shared step of the expectation's and
/// the soft-argmax's pullbacks.
func gridPullback<S: SubpixScalar>(
    shape: [Int], normalized: Bool, version: KorniaVersion, cotangent: Tensor<S>, centre: Tensor<S>? = nil,
    weigh: (_ map: Int, _ mapSize: Int, _ weights: UnsafeMutablePointer<S>) -> S
) -> Tensor<S> {
    let (height, width) = (shape[2], shape[3])
    let xs: [S] = PixelGrid.coordinates(width, normalized: normalized, version: version)
    let ys: [S] = PixelGrid.coordinates(height, normalized: normalized, version: version)
    let mapSize = height * width
    let maps = shape[0] * shape[1]
    return cotangent.withUnsafeBufferPointer { g in
        xs.withUnsafeBufferPointer { xs in
            Tensor<S>(validShape: shape) { output in
                guard let g = g.baseAddress, let xs = xs.baseAddress, let out = output.baseAddress else { return }
                parallelFor(maps, work: maps * mapSize * 4) { map in
                    let plane = out + map * mapSize
                    let scale = weigh(map, mapSize, plane)
                    let (gx, gy) = (g[2 * map] * scale, g[2 * map + 1] * scale)
                    let (cx, cy) = centre.map { ($0.elements[2 * map], $0.elements[2 * map + 1]) } ?? (0, 0)
                    for row in 0..<height {
                        // w · (ḡx · (x_j − cx) + ḡy · (y_i − cy)) = w · (ḡx · x_j + constant of the row)
                        let rowTerm = gy * (ys[row] - cy) - gx * cx
                        let line = plane + row * width
                        for column in 0..<width { line[column] *= gx * xs[column] + rowTerm }
                    }
                }
            }
        }
    }
}
