import CSubpixKernels

/// ``spatialSoftArgmax2d(_:temperature:normalizedCoordinates:eps:version:)`` and its
/// pullback: what training a keypoint network through DSNT back-propagates.
///
/// With `p = softmax(s · x)` per map (`s = 1/T` in kornia 0.9, `s = T` in 0.7.4)
/// and `(X, Y) = Σ p · (x_j, y_i)`, a cotangent `(ḡx, ḡy)` of a map's `(X, Y)` gives
///
///     x̄(i, j) = s · p(i, j) · (ḡx · (x_j − X) + ḡy · (y_i − Y))
///
/// — each pixel pulls the keypoint in proportion to its probability and its
/// offset from the keypoint. It sums to zero over the map (adding a constant to
/// a map moves nothing). One fused pass per map recomputes the max-subtracted
/// exponentials of the forward (one exponential per element; float32 in the C
/// kernel `subpix_spatial_soft_argmax_backward_f32`); the softmax tensor is never stored.
///
/// ```swift
/// let (xy, pullback) = try spatialSoftArgmax2dWithPullback(heatmaps, temperature: 10)
/// let gradient = try pullback(cotangent)   // (B, N, 2) in, (B, N, H, W) out
/// ```
///
/// - Returns: the `(B, N, 2)` coordinates and a pullback from a `(B, N, 2)`
///   cotangent to the `(B, N, H, W)` gradient.
/// - Throws: as ``spatialSoftArgmax2d(_:temperature:normalizedCoordinates:eps:version:)``;
///   the pullback throws ``SubpixError`` for a cotangent of another shape.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func spatialSoftArgmax2dWithPullback<S: SubpixScalar>(
    _ input: Tensor<S>, temperature: Double = 1.0, normalizedCoordinates: Bool = true, eps: Double = 1e-8,
    version: KorniaVersion = .default
) throws -> (value: Tensor<S>, pullback: @Sendable (Tensor<S>) throws -> Tensor<S>) {
    let coords = try spatialSoftArgmax2d(
        input, temperature: temperature, normalizedCoordinates: normalizedCoordinates, eps: eps, version: version)
    let scale = S(version.inputScale(temperature: temperature))
    return (coords, { cotangent in
        try cotangent.requireCotangent(of: coords.shape, op: Method.spatialSoftArgmax2d.name)
        return spatialSoftArgmaxGradient(
            input, scale: scale, normalized: normalizedCoordinates, version: version, coords: coords, cotangent: cotangent)
    })
}

/// The pullback's gradient: `Float` tensors run the C kernel (``KernelPath``),
/// `Double` ones the Swift reference.
private func spatialSoftArgmaxGradient<S: SubpixScalar>(
    _ input: Tensor<S>, scale: S, normalized: Bool, version: KorniaVersion, coords: Tensor<S>, cotangent: Tensor<S>
) -> Tensor<S> {
    guard S.self == Float.self else {
        return spatialSoftArgmaxGradientReference(
            input, scale: scale, normalized: normalized, version: version, coords: coords, cotangent: cotangent)
    }
    let (height, width) = (input.shape[2], input.shape[3])
    let (maps, perItem) = (input.shape[0] * input.shape[1], mapsPerItem(input.shape[0] * input.shape[1]))
    let xs: [Float] = PixelGrid.coordinates(width, normalized: normalized, version: version)
    let ys: [Float] = PixelGrid.coordinates(height, normalized: normalized, version: version)
    return input.withUnsafeBufferPointer { source in
        coords.withUnsafeBufferPointer { coords in
            cotangent.withUnsafeBufferPointer { cotangent in
                Tensor<S>(validShape: input.shape) { output in
                    guard let source = source.baseAddress, let target = output.baseAddress,
                          let floats = floatPointers(source, target),
                          let coords = coords.baseAddress.map(floatPointer), let cotangent = cotangent.baseAddress.map(floatPointer)
                    else { return }
                    let factor = Float(scale)
                    parallelFor((maps + perItem - 1) / perItem, work: input.count * 8) { item in
                        subpix_spatial_soft_argmax_backward_f32(
                            floats.input, item * perItem, min(maps, (item + 1) * perItem), height, width, factor,
                            xs, ys, coords, cotangent, floats.output)
                    }
                }
            }
        }
    }
}

/// The Swift implementation of the pullback, with the input multiplied by `scale`:
/// what `Double` tensors run and what tests compare the float32 kernel against.
func spatialSoftArgmaxGradientReference<S: SubpixScalar>(
    _ input: Tensor<S>, scale: S, normalized: Bool, version: KorniaVersion = .default, coords: Tensor<S>, cotangent: Tensor<S>
) -> Tensor<S> {
    input.withUnsafeBufferPointer { source in
        gridPullback(shape: input.shape, normalized: normalized, version: version, cotangent: cotangent, centre: coords) { map, mapSize, weights in
            guard let x = source.baseAddress.map({ $0 + map * mapSize }) else { return 0 }
            let peak = MapReduction.maximum(x, count: mapSize) * scale
            S.exponentials(x, count: mapSize, scale: scale, offset: peak, into: weights)
            return scale / MapReduction.sum(weights, count: mapSize)
        }
    }
}
