/// ``spatialSoftArgmax2d(_:temperature:normalizedCoordinates:eps:)`` and its
/// pullback: what training a keypoint network through DSNT back-propagates.
///
/// With `p = softmax(T · x)` per map and `(X, Y) = Σ p · (x_j, y_i)`, a cotangent
/// `(ḡx, ḡy)` of a map's `(X, Y)` gives
///
///     x̄(i, j) = T · p(i, j) · (ḡx · (x_j − X) + ḡy · (y_i − Y))
///
/// — each pixel pulls the keypoint in proportion to its probability and its
/// offset from the keypoint. It sums to zero over the map (adding a constant to
/// a map moves nothing). One fused pass per map recomputes the max-subtracted
/// exponentials of the forward; the softmax tensor is never stored.
///
/// ```swift
/// let (xy, pullback) = try spatialSoftArgmax2dWithPullback(heatmaps, temperature: 10)
/// let gradient = try pullback(cotangent)   // (B, N, 2) in, (B, N, H, W) out
/// ```
///
/// - Returns: the `(B, N, 2)` coordinates and a pullback from a `(B, N, 2)`
///   cotangent to the `(B, N, H, W)` gradient.
/// - Throws: as ``spatialSoftArgmax2d(_:temperature:normalizedCoordinates:eps:)``;
///   the pullback throws ``SubpixError`` for a cotangent of another shape.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func spatialSoftArgmax2dWithPullback<S: SubpixScalar>(
    _ input: Tensor<S>, temperature: Double = 1.0, normalizedCoordinates: Bool = true, eps: Double = 1e-8
) throws -> (value: Tensor<S>, pullback: @Sendable (Tensor<S>) throws -> Tensor<S>) {
    let coords = try spatialSoftArgmax2d(
        input, temperature: temperature, normalizedCoordinates: normalizedCoordinates, eps: eps)
    let scale = S(temperature)
    return (coords, { cotangent in
        try cotangent.requireCotangent(of: coords.shape, op: "spatial_soft_argmax2d")
        return input.withUnsafeBufferPointer { source in
            gridPullback(shape: input.shape, normalized: normalizedCoordinates, cotangent: cotangent, centre: coords) {
                map, mapSize, weights in
                guard let x = source.baseAddress.map({ $0 + map * mapSize }) else { return 0 }
                let peak = MapReduction.maximum(x, count: mapSize) * scale
                S.exponentials(x, count: mapSize, scale: scale, offset: peak, into: weights)
                return scale / MapReduction.sum(weights, count: mapSize)
            }
        }
    })
}
