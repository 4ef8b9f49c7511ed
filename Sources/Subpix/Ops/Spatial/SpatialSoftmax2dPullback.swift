/// ``spatialSoftmax2d(_:temperature:version:)`` and its pullback: the vector-Jacobian
/// product that turns a cotangent `g` of the probabilities into the gradient of
/// `Σ g · p` with respect to the input.
///
/// With `p = softmax(s · x)` over each map's pixels, where `s = 1/T` (kornia 0.9)
/// or `s = T` (kornia 0.7.4),
///
///     ∂p(k) / ∂x(l) = s · p(k) · (δ(k, l) − p(l)),
///     x̄(l) = s · p(l) · (g(l) − Σ_k g(k) · p(k))
///
/// — the softmax's own Jacobian, computed in one pass per map from the
/// probabilities (no tape). The max subtracted inside the softmax cancels from
/// the result, so large inputs give the same gradient as small ones.
///
/// ```swift
/// let (p, pullback) = try spatialSoftmax2dWithPullback(x, temperature: 2)
/// let gradient = try pullback(cotangent)   // shape of x
/// ```
///
/// - Returns: the probabilities and a pullback that takes a cotangent of their
///   shape `(B, N, H, W)` and returns the input's gradient.
/// - Throws: as ``spatialSoftmax2d(_:temperature:version:)``; the pullback throws
///   ``SubpixError`` for a cotangent of another shape.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func spatialSoftmax2dWithPullback<S: SubpixScalar>(
    _ input: Tensor<S>, temperature: Double = 1.0, version: KorniaVersion = .default
) throws -> (value: Tensor<S>, pullback: @Sendable (Tensor<S>) throws -> Tensor<S>) {
    let probabilities = try spatialSoftmax2d(input, temperature: temperature, version: version)
    let scale = S(version.inputScale(temperature: temperature))
    return (probabilities, { cotangent in
        try cotangent.requireCotangent(of: probabilities.shape, op: Method.spatialSoftmax2d.name)
        return softmaxPullback(probabilities: probabilities, cotangent: cotangent, scale: scale)
    })
}

/// `s · p · (g − Σ g·p)` per map of `(B, N, H, W)` probabilities.
private func softmaxPullback<S: SubpixScalar>(probabilities: Tensor<S>, cotangent: Tensor<S>, scale: S) -> Tensor<S> {
    let mapSize = probabilities.shape[2] * probabilities.shape[3]
    let maps = probabilities.count / mapSize
    return probabilities.withUnsafeBufferPointer { p in
        cotangent.withUnsafeBufferPointer { g in
            Tensor<S>(validShape: probabilities.shape) { output in
                guard let p = p.baseAddress, let g = g.baseAddress, let out = output.baseAddress else { return }
                parallelFor(maps, work: probabilities.count * 4) { map in
                    let (p, g, out) = (p + map * mapSize, g + map * mapSize, out + map * mapSize)
                    let (_, weighted) = MapReduction.massAndMoment(p, g, count: mapSize)
                    for k in 0..<mapSize { out[k] = scale * p[k] * (g[k] - weighted) }
                }
            }
        }
    }
}
