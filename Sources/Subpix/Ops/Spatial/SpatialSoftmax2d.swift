/// The softmax over the pixels of each map — kornia's `spatial_softmax2d`.
///
/// For a map `x` of `(B, N, H, W)` and temperature `T`, per (batch, channel):
///
///     p(i, j) = exp(x(i, j)/T − m) / Σ exp(x/T − m),   m = max(x/T)      (kornia 0.9)
///     p(i, j) = exp(T · x(i, j) − m) / Σ exp(T · x − m),   m = max(T · x)  (kornia 0.7.4)
///
/// kornia 0.9 **divides** the input by the temperature (a smaller `T` sharpens),
/// as `conv_soft_argmax2d`/`3d` do; kornia 0.7.4 **multiplied** (a larger `T`
/// sharpened). `version` chooses. Unlike `torch.nn.Softmax2d`, the softmax runs
/// over the spatial positions of each channel, not over the channels of each position.
///
/// ```swift
/// let x = try Tensor<Float>(shape: [1, 1, 3, 3], elements: [0, 0, 0, 0, 0, 0, 0, 1, 2])
/// try spatialSoftmax2d(x)   // 0.0585 ... 0.1589, 0.4319
/// try spatialSoftmax2d(x, temperature: 2, version: .v0_9)   // exp(x / 2) / Σ exp(x / 2)
/// ```
///
/// - Throws: ``SubpixError`` for an input that is not a non-empty `(B, N, H, W)`
///   tensor, or a temperature that is not finite and positive.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func spatialSoftmax2d<S: SubpixScalar>(
    _ input: Tensor<S>, temperature: Double = 1.0, version: KorniaVersion = .default
) throws -> Tensor<S> {
    let op = Method.spatialSoftmax2d.name
    try input.requireShape(rank: 4, layout: "(B, N, H, W)", op: op)
    try requirePositiveTemperature(temperature, op: op)
    let maps = input.shape[0] * input.shape[1]
    let mapSize = input.shape[2] * input.shape[3]
    let scale = S(version.inputScale(temperature: temperature))
    return input.withUnsafeBufferPointer { source in
        Tensor<S>(validShape: input.shape) { output in
            guard let x = source.baseAddress, let p = output.baseAddress else { return }
            parallelFor(maps, work: input.count * 8) { map in
                let offset = map * mapSize
                softmax(x + offset, scale: scale, count: mapSize, into: p + offset)
            }
        }
    }
}

/// `out = softmax(scale · x)` over `count` values, with the max subtracted first.
@inline(__always)
func softmax<S: SubpixScalar>(_ x: UnsafePointer<S>, scale: S, count: Int, into out: UnsafeMutablePointer<S>) {
    S.exponentials(x, count: count, scale: scale, offset: MapReduction.maximum(x, count: count) * scale, into: out)
    var total: S = 0
    for index in 0..<count { total += out[index] }
    let inverse = 1 / total
    for index in 0..<count { out[index] *= inverse }
}
