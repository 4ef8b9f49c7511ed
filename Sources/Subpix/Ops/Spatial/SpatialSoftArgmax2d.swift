import CSubpixKernels

/// The soft-argmax of each map — kornia's `spatial_soft_argmax2d`: the
/// expected position under the map's spatial softmax (DSNT).
///
///     (x, y) = Σ softmax(x / T)(i, j) · (x_j, y_i)     (kornia 0.9)
///     (x, y) = Σ softmax(T · x)(i, j) · (x_j, y_i)     (kornia 0.7.4)
///
/// The temperature divides the input in kornia 0.9 and multiplied it in 0.7.4,
/// as in ``spatialSoftmax2d(_:temperature:version:)``; `version` chooses, and
/// also the centre of a normalised one-pixel axis (0 in 0.9, NaN in 0.7.4).
/// `eps` is accepted because the seed's 0.7 signature has it, but kornia never
/// used it in this function (0.9 dropped it), so it changes nothing here either.
///
/// ```swift
/// let x = try Tensor<Float>(shape: [1, 1, 3, 3], elements: [0, 0, 0, 0, 10, 0, 0, 0, 0])
/// try spatialSoftArgmax2d(x, normalizedCoordinates: false)   // [[[1.0000, 1.0000]]]
/// ```
///
/// - Returns: `(B, N, 2)` in the order (x, y).
/// - Throws: ``SubpixError`` for an input that is not a non-empty `(B, N, H, W)`
///   tensor, or a temperature that is not finite and positive.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func spatialSoftArgmax2d<S: SubpixScalar>(
    _ input: Tensor<S>, temperature: Double = 1.0, normalizedCoordinates: Bool = true, eps: Double = 1e-8,
    version: KorniaVersion = .default
) throws -> Tensor<S> {
    let op = Method.spatialSoftArgmax2d.name
    try input.requireShape(rank: 4, layout: "(B, N, H, W)", op: op)
    try requirePositiveTemperature(temperature, op: op)
    return fusedSoftArgmax(
        input, scale: S(version.inputScale(temperature: temperature)), normalized: normalizedCoordinates, version: version)
}

/// softmax and expectation per map without storing the softmax tensor:
/// `(x, y) = Σ e·(x_j, y_i) / Σ e` with `e = exp(s·x − max(s·x))`. Float
/// tensors run the C kernel (``KernelPath``), Double ones the Swift reference.
private func fusedSoftArgmax<S: SubpixScalar>(_ input: Tensor<S>, scale: S, normalized: Bool, version: KorniaVersion) -> Tensor<S> {
    guard S.self == Float.self else {
        return spatialSoftArgmaxReference(input, scale: scale, normalized: normalized, version: version)
    }
    let (height, width) = (input.shape[2], input.shape[3])
    let (maps, perItem) = (input.shape[0] * input.shape[1], mapsPerItem(input.shape[0] * input.shape[1]))
    let xs: [Float] = PixelGrid.coordinates(width, normalized: normalized, version: version)
    let ys: [Float] = PixelGrid.coordinates(height, normalized: normalized, version: version)
    return input.withUnsafeBufferPointer { source in
        Tensor<S>(validShape: [input.shape[0], input.shape[1], 2]) { output in
            guard let source = source.baseAddress, let target = output.baseAddress,
                  let floats = floatPointers(source, target) else { return }
            let factor = Float(scale)
            parallelFor((maps + perItem - 1) / perItem, work: input.count * 8) { item in
                subpix_spatial_soft_argmax_f32(
                    floats.input, item * perItem, min(maps, (item + 1) * perItem), height, width, factor, xs, ys, floats.output)
            }
        }
    }
}

/// The Swift implementation of ``spatialSoftArgmax2d(_:temperature:normalizedCoordinates:eps:version:)``,
/// with the input multiplied by `scale`: what `Double` tensors run and what tests
/// compare the float32 kernel against.
func spatialSoftArgmaxReference<S: SubpixScalar>(
    _ input: Tensor<S>, scale: S, normalized: Bool, version: KorniaVersion = .default
) -> Tensor<S> {
    weightedPositions(of: input, normalized: normalized, dividingByMass: true, version: version) { plane, count, weights in
        let peak = MapReduction.maximum(plane, count: count) * scale
        S.exponentials(plane, count: count, scale: scale, offset: peak, into: weights)
    }
}

/// kornia's `SpatialSoftArgmax2d` module: ``spatialSoftArgmax2d(_:temperature:normalizedCoordinates:eps:version:)``
/// with its parameters fixed.
///
/// ```swift
/// let softArgmax = SpatialSoftArgmax2d(temperature: 10, normalizedCoordinates: false)
/// let xy = try softArgmax(heatmaps)   // (B, N, 2)
/// ```
public struct SpatialSoftArgmax2d: Sendable, Equatable {
    public var temperature: Double
    public var normalizedCoordinates: Bool
    /// Accepted as the seed's 0.7 signature has it; unused (see ``spatialSoftArgmax2d(_:temperature:normalizedCoordinates:eps:version:)``).
    public var eps: Double
    /// The kornia release whose temperature convention applies.
    public var version: KorniaVersion

    public init(temperature: Double = 1.0, normalizedCoordinates: Bool = true, eps: Double = 1e-8, version: KorniaVersion = .default) {
        self.temperature = temperature
        self.normalizedCoordinates = normalizedCoordinates
        self.eps = eps
        self.version = version
    }

    public func callAsFunction<S: SubpixScalar>(_ input: Tensor<S>) throws -> Tensor<S> {
        try spatialSoftArgmax2d(
            input, temperature: temperature, normalizedCoordinates: normalizedCoordinates, eps: eps, version: version)
    }
}
