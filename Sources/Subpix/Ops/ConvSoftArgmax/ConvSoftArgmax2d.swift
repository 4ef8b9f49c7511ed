/// The soft-argmax of every window of a heatmap — kornia's `conv_soft_argmax2d`.
///
/// With `e = exp((x − max x) / T)` per map (the temperature **divides** here,
/// unlike ``spatialSoftmax2d(_:temperature:)`` where it multiplies), each window
/// `X` of size `kernelSize`, moved by `stride` over the zero-padded map, gives
///
///     ij(X)  = Σ (i, j) · e / (Σ e + eps)
///     val(X) = Σ x · e / (Σ e + eps)
///
/// where `(i, j)` is the window's centre pixel plus kornia's window offsets
/// `2t / (k − 1) − 1` (so a 3-wide window offsets by −1, 0, 1 pixels and a
/// 5-wide one by −1, −0.5, 0, 0.5, 1). Padded cells add nothing to the sums.
/// Output sizes follow the seed's formula
/// `H_out = ⌊(H + 2·padding − (kernel − 1) − 1) / stride⌋ + 1`.
///
/// ```swift
/// let x = try Tensor<Float>(shape: [20, 16, 50, 32], elements: noise)
/// let (coords, values) = try convSoftArgmax2d(x, kernelSize: [3, 3], stride: [2, 2], padding: [1, 1], outputValue: true)
/// coords.shape        // [20, 16, 2, 25, 16]: (x, y) per window
/// values?.shape       // [20, 16, 25, 16]
/// ```
///
/// - Parameters:
///   - input: heatmaps of shape `(B, C, H, W)`.
///   - kernelSize, stride, padding: `(height, width)` of the window; padding at most half the kernel.
///   - temperature: divides the input before `exp`; must be positive.
///   - normalizedCoordinates: map coordinates to [-1, 1] (`2x / (W − 1) − 1`).
///   - eps: added to each window's `Σ e`.
///   - outputValue: also return the soft-pooled values.
/// - Returns: `coords` of shape `(B, C, 2, H_out, W_out)` in the order (x, y),
///   and `values` of shape `(B, C, H_out, W_out)` when `outputValue` is true.
/// - Throws: ``SubpixError`` for an input that is not a non-empty `(B, C, H, W)`
///   tensor, a temperature that is not positive, a kernel or stride below 1,
///   a negative padding or one above half the kernel, or an empty output.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func convSoftArgmax2d<S: SubpixScalar>(
    _ input: Tensor<S>, kernelSize: [Int] = [3, 3], stride: [Int] = [1, 1], padding: [Int] = [1, 1],
    temperature: Double = 1.0, normalizedCoordinates: Bool = true, eps: Double = 1e-8, outputValue: Bool = false
) throws -> (coords: Tensor<S>, values: Tensor<S>?) {
    let op = Method.convSoftArgmax2d.name
    try input.requireShape(rank: 4, layout: "(B, C, H, W)", op: op)
    let axes = try WindowAxis.validated(op: op, input: input.shape, kernel: kernelSize, stride: stride, padding: padding, temperature: temperature)
    let engine = WindowedSoftArgmax<S>(
        depth: .single, height: axes[0], width: axes[1], temperature: S(temperature), eps: S(eps),
        normalized: normalizedCoordinates, volumetric: false)
    return engine.apply(input, outputValue: outputValue)
}

extension WindowAxis {
    /// The axes of a windowed op over the spatial part of `input`, after checking
    /// kernel, stride, padding (``WindowGeometry``), the temperature and a non-empty output.
    static func validated(
        op: String, input: [Int], kernel: [Int], stride: [Int], padding: [Int], temperature: Double
    ) throws -> [WindowAxis] {
        let geometry = try WindowGeometry(op: op, axes: input.count - 2, kernel: kernel, stride: stride, padding: padding)
        try requirePositiveTemperature(temperature, op: op)
        return try geometry.axes(for: Array(input[2...]))
    }
}

extension WindowedSoftArgmax {
    /// Runs the engine over a validated `(B, C, ...)` input, allocating coordinates
    /// `(B, C, axes, outputs...)` and, when asked, values `(B, C, outputs...)`.
    func apply(_ input: Tensor<S>, outputValue: Bool) -> (coords: Tensor<S>, values: Tensor<S>?) {
        let (batch, channels) = (input.shape[0], input.shape[1])
        let outputs = (volumetric ? [depth.outputs] : []) + [height.outputs, width.outputs]
        return apply(input, maps: batch * channels, coordsShape: [batch, channels, coordinateAxes] + outputs,
                     valuesShape: outputValue ? [batch, channels] + outputs : nil)
    }

    /// Runs the engine over a validated input, allocating the outputs.
    func apply(_ input: Tensor<S>, maps: Int, coordsShape: [Int], valuesShape: [Int]?) -> (coords: Tensor<S>, values: Tensor<S>?) {
        var values = valuesShape.map { Tensor<S>(shape: $0, repeating: 0) }
        let coords = input.withUnsafeBufferPointer { source in
            Tensor<S>(validShape: coordsShape) { coords in
                guard let x = source.baseAddress, let target = coords.baseAddress else { return }
                if values == nil {
                    run(x, maps: maps, coords: target, values: nil)
                } else {
                    values?.withUnsafeMutableBufferPointer { run(x, maps: maps, coords: target, values: $0.baseAddress) }
                }
            }
        }
        return (coords, values)
    }
}
