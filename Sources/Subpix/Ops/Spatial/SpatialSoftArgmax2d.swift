import CSubpixKernels

/// The soft-argmax of each map — kornia's `spatial_soft_argmax2d`: the
/// expected position under the map's spatial softmax (DSNT).
///
///     (x, y) = Σ softmax(T · x)(i, j) · (x_j, y_i)
///
/// The temperature **multiplies** the input, as in ``spatialSoftmax2d(_:temperature:)``.
/// `eps` is accepted because kornia's signature has it, but kornia never uses
/// it in this function, so it changes nothing here either.
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
    _ input: Tensor<S>, temperature: Double = 1.0, normalizedCoordinates: Bool = true, eps: Double = 1e-8
) throws -> Tensor<S> {
    let op = Method.spatialSoftArgmax2d.name
    try input.requireShape(rank: 4, layout: "(B, N, H, W)", op: op)
    try requirePositiveTemperature(temperature, op: op)
    return fusedSoftArgmax(input, temperature: S(temperature), normalized: normalizedCoordinates)
}

/// softmax and expectation per map without storing the softmax tensor:
/// `(x, y) = Σ e·(x_j, y_i) / Σ e` with `e = exp(T·x − max(T·x))`. Float
/// tensors run the C kernel (``KernelPath``), Double ones the Swift reference.
private func fusedSoftArgmax<S: SubpixScalar>(_ input: Tensor<S>, temperature: S, normalized: Bool) -> Tensor<S> {
    guard S.self == Float.self else { return spatialSoftArgmaxReference(input, temperature: temperature, normalized: normalized) }
    let (height, width) = (input.shape[2], input.shape[3])
    let (maps, perItem) = (input.shape[0] * input.shape[1], mapsPerItem(input.shape[0] * input.shape[1]))
    let xs: [Float] = PixelGrid.coordinates(width, normalized: normalized)
    let ys: [Float] = PixelGrid.coordinates(height, normalized: normalized)
    return input.withUnsafeBufferPointer { source in
        Tensor<S>(validShape: [input.shape[0], input.shape[1], 2]) { output in
            guard let source = source.baseAddress, let target = output.baseAddress,
                  let floats = floatPointers(source, target) else { return }
            let temperature = Float(temperature)
            parallelFor((maps + perItem - 1) / perItem, work: input.count * 8) { item in
                subpix_spatial_soft_argmax_f32(
                    floats.input, item * perItem, min(maps, (item + 1) * perItem), height, width, temperature, xs, ys, floats.output)
            }
        }
    }
}

/// The Swift implementation of ``spatialSoftArgmax2d(_:temperature:normalizedCoordinates:eps:)``:
/// what `Double` tensors run and what tests compare the float32 kernel against.
func spatialSoftArgmaxReference<S: SubpixScalar>(_ input: Tensor<S>, temperature: S, normalized: Bool) -> Tensor<S> {
    weightedPositions(of: input, normalized: normalized, dividingByMass: true) { plane, count, weights in
        let peak = MapReduction.maximum(plane, count: count) * temperature
        S.exponentials(plane, count: count, scale: temperature, offset: peak, into: weights)
    }
}

/// kornia's `SpatialSoftArgmax2d` module: ``spatialSoftArgmax2d(_:temperature:normalizedCoordinates:eps:)``
/// with its parameters fixed.
///
/// ```swift
/// let softArgmax = SpatialSoftArgmax2d(temperature: 10, normalizedCoordinates: false)
/// let xy = try softArgmax(heatmaps)   // (B, N, 2)
/// ```
public struct SpatialSoftArgmax2d: Sendable, Equatable {
    public var temperature: Double
    public var normalizedCoordinates: Bool
    /// Accepted as in kornia; unused (see ``spatialSoftArgmax2d(_:temperature:normalizedCoordinates:eps:)``).
    public var eps: Double

    public init(temperature: Double = 1.0, normalizedCoordinates: Bool = true, eps: Double = 1e-8) {
        self.temperature = temperature
        self.normalizedCoordinates = normalizedCoordinates
        self.eps = eps
    }

    public func callAsFunction<S: SubpixScalar>(_ input: Tensor<S>) throws -> Tensor<S> {
        try spatialSoftArgmax2d(
            input, temperature: temperature, normalizedCoordinates: normalizedCoordinates, eps: eps)
    }
}
