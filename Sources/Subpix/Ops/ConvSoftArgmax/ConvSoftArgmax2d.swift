/// The soft-argmax of every window of a heatmap — kornia's `conv_soft_argmax2d`.
///
/// Each window `X` of size `kernelSize`, moved by `stride` over the padded map,
/// gives, with the softmax weights `p = e / Σ_X e`,
///
///     ij(X)  = centre + Σ p · offset,   val(X) = Σ p · x
///
/// (the temperature **divides** the input). Padded cells add nothing. How `e`,
/// the offsets and the centre are taken is kornia's, by `version`:
///
/// - kornia 0.9 (`.v0_9`): `e = exp((x − max_X x) / T)`, each window's softmax on
///   its own; offsets in whole pixels, `t − (k − 1) / 2`; the centre
///   `o · stride − padding + (k − 1) / 2`, the grid continuing into the padding;
///   `eps` is ignored.
/// - kornia 0.7.4 (`.v0_7`): `e = exp((x − max x) / T)` with the map's maximum and
///   `p = e / (Σ e + eps)`, so a window far below the map's maximum collapses to
///   its centre; offsets `2t / (k − 1) − 1` (a 5-wide window offsets by −1, −0.5,
///   0, 0.5, 1 pixels); the centre averaged over a zero-padded grid.
///
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
///   - eps: added to each window's `Σ e` (kornia 0.7.4; 0.9 ignores it).
///   - outputValue: also return the soft-pooled values.
///   - version: the kornia release whose numbers to give.
/// - Returns: `coords` of shape `(B, C, 2, H_out, W_out)` in the order (x, y),
///   and `values` of shape `(B, C, H_out, W_out)` when `outputValue` is true.
/// - Throws: ``SubpixError`` for an input that is not a non-empty `(B, C, H, W)`
///   tensor, a temperature that is not positive, a kernel or stride below 1,
///   a negative padding or one above half the kernel, or an empty output.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func convSoftArgmax2d<S: SubpixScalar>(
    _ input: Tensor<S>, kernelSize: [Int] = [3, 3], stride: [Int] = [1, 1], padding: [Int] = [1, 1],
    temperature: Double = 1.0, normalizedCoordinates: Bool = true, eps: Double = 1e-8, outputValue: Bool = false,
    version: KorniaVersion = .default
) throws -> (coords: Tensor<S>, values: Tensor<S>?) {
    let op = Method.convSoftArgmax2d.name
    try input.requireShape(rank: 4, layout: "(B, C, H, W)", op: op)
    let axes = try WindowAxis.validated(
        op: op, input: input.shape, kernel: kernelSize, stride: stride, padding: padding, temperature: temperature, version: version)
    let engine = WindowedSoftArgmax<S>(
        depth: .single, height: axes[0], width: axes[1], temperature: temperature, eps: eps,
        normalized: normalizedCoordinates, volumetric: false, version: version)
    return engine.apply(input, outputValue: outputValue)
}

extension WindowAxis {
    /// The axes of a windowed op over the spatial part of `input`, with kornia
    /// `version`'s cell offsets, after checking kernel, stride, padding
    /// (``WindowGeometry``), the temperature and a non-empty output.
    static func validated(
        op: String, input: [Int], kernel: [Int], stride: [Int], padding: [Int], temperature: Double, version: KorniaVersion
    ) throws -> [WindowAxis] {
        let geometry = try WindowGeometry(
            op: op, axes: input.count - 2, kernel: kernel, stride: stride, padding: padding, offsets: WindowOffsets(version))
        try requirePositiveTemperature(temperature, op: op)
        return try geometry.axes(for: Array(input[2...]))
    }
}

extension WindowedSoftArgmax {
    /// Runs the engine over a validated `(B, C, ...)` input, allocating coordinates
    /// `(B, C, axes, outputs...)` and, when asked, values `(B, C, outputs...)`.
    func apply(_ input: Tensor<S>, outputValue: Bool) -> (coords: Tensor<S>, values: Tensor<S>?) {
        let result = applyFindingOwnWindows(input, outputValue: outputValue)
        return (result.coords, result.values)
    }

    /// ``apply(_:outputValue:)``, and the flat output indices of the windows computed
    /// on their own (kornia 0.9's weak windows, ``ownWindows(_:rows:into:kernel:band:)``).
    func applyFindingOwnWindows(_ input: Tensor<S>, outputValue: Bool) -> (coords: Tensor<S>, values: Tensor<S>?, own: [Int]) {
        let (batch, channels) = (input.shape[0], input.shape[1])
        let outputs = (volumetric ? [depth.outputs] : []) + [height.outputs, width.outputs]
        let coordsShape = [batch, channels, coordinateAxes] + outputs
        var values = outputValue ? Tensor<S>(shape: [batch, channels] + outputs, repeating: 0) : nil
        var own: [Int] = []
        let coords = input.withUnsafeBufferPointer { source in
            Tensor<S>(validShape: coordsShape) { coords in
                guard let x = source.baseAddress, let target = coords.baseAddress else { return }
                if values == nil {
                    own = run(x, maps: batch * channels, coords: target, values: nil)
                } else {
                    values?.withUnsafeMutableBufferPointer { own = run(x, maps: batch * channels, coords: target, values: $0.baseAddress) }
                }
            }
        }
        return (coords, values, own)
    }
}
