/// The soft-argmax of every window of a volume — kornia's `conv_soft_argmax3d`.
///
/// As ``convSoftArgmax2d(_:kernelSize:stride:padding:temperature:normalizedCoordinates:eps:outputValue:version:)``
/// with a third (depth / scale) axis, each kornia release's way (each window's
/// softmax on its own in 0.9; `e = exp((x − max x) / T)` per map and `+ eps` in 0.7.4):
///
///     ijk(X) = centre + Σ p · offset,   val(X) = Σ p · x
///
/// In kornia 0.7.4, when `strictMaximaBonus > 0`, `val` is multiplied by
/// `1 + strictMaximaBonus · m` where `m` is the input at the window centre if
/// that voxel is a strict maximum of its `kernelSize` neighbourhood (odd
/// kernels only) and 0 otherwise. kornia 0.9 deprecated the bonus and ignores it.
///
/// **Difference from kornia 0.7.4:** kornia picks the maxima of depth levels
/// `skip ..< out − skip` (`skip = (D_in − D_out) / 2`) of the stride-subsampled
/// maxima, which misaligns them with the output — and even changes their count —
/// when depth padding shrinks `D`. This port reads the maximum at each output
/// window's own centre voxel, which is what kornia computes whenever depth
/// padding is `kernel / 2` (and so on every case where its shapes agree).
///
/// ```swift
/// let x = try Tensor<Float>(shape: [20, 16, 3, 50, 32], elements: noise)
/// let (coords, values) = try convSoftArgmax3d(x, kernelSize: [3, 3, 3], stride: [1, 2, 2], padding: [0, 1, 1])
/// coords.shape   // [20, 16, 3, 1, 25, 16]: (d, x, y) per window
/// ```
///
/// - Parameters:
///   - input: volumes of shape `(B, C, D, H, W)`.
///   - kernelSize, stride, padding: `(depth, height, width)` of the window.
///   - temperature: divides the input before `exp`; must be positive.
///   - normalizedCoordinates: map coordinates to [-1, 1].
///   - eps: added to each window's `Σ e` (kornia 0.7.4; 0.9 ignores it).
///   - outputValue: also return the soft-pooled values (kornia's default: true).
///   - strictMaximaBonus: multiplies values at strict maxima by `1 + bonus · value`
///     (kornia 0.7.4; 0.9 ignores it).
///   - version: the kornia release whose numbers to give.
/// - Returns: `coords` of shape `(B, C, 3, D_out, H_out, W_out)` in the order
///   (d, x, y), and `values` of shape `(B, C, D_out, H_out, W_out)` when `outputValue`.
/// - Throws: ``SubpixError`` as the 2D op does, and for a positive bonus with an even kernel.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func convSoftArgmax3d<S: SubpixScalar>(
    _ input: Tensor<S>, kernelSize: [Int] = [3, 3, 3], stride: [Int] = [1, 1, 1], padding: [Int] = [1, 1, 1],
    temperature: Double = 1.0, normalizedCoordinates: Bool = false, eps: Double = 1e-8, outputValue: Bool = true,
    strictMaximaBonus: Double = KorniaDefaults.convSoftArgmax3dStrictMaximaBonus, version: KorniaVersion = .default
) throws -> (coords: Tensor<S>, values: Tensor<S>?) {
    let op = Method.convSoftArgmax3d.name
    try input.requireShape(rank: 5, layout: "(B, C, D, H, W)", op: op)
    let axes = try WindowAxis.validated(
        op: op, input: input.shape, kernel: kernelSize, stride: stride, padding: padding, temperature: temperature, version: version)
    let engine = WindowedSoftArgmax<S>(
        depth: axes[0], height: axes[1], width: axes[2], temperature: temperature, eps: eps,
        normalized: normalizedCoordinates, volumetric: true, version: version)
    var (coords, values) = engine.apply(input, outputValue: outputValue)
    if version == .v0_7, strictMaximaBonus > 0, var pooled = values {
        values = nil   // `pooled` is then the only reference and is scaled in place
        let maxima = try nms3dKornia074(input, kernelSize: kernelSize, op: op)
        applyStrictMaximaBonus(S(strictMaximaBonus), maxima: maxima, axes: axes, to: &pooled)
        values = pooled
    }
    return (coords, values)
}

/// `values *= 1 + bonus · maxima[centre]`, where `centre` is the input voxel at
/// the centre of each output window (`o · stride − padding + kernel / 2` per axis).
private func applyStrictMaximaBonus<S: SubpixScalar>(
    _ bonus: S, maxima: Tensor<S>, axes: [WindowAxis], to values: inout Tensor<S>
) {
    let (depth, height, width) = (axes[0], axes[1], axes[2])
    let inputMap = depth.length * height.length * width.length
    let outputMap = depth.outputs * height.outputs * width.outputs
    let maps = values.count / outputMap
    values.withUnsafeMutableBufferPointer { values in
        for map in 0..<maps {
            for od in 0..<depth.outputs {
                guard let d = depth.centreCell(od) else { continue }
                for oy in 0..<height.outputs {
                    guard let y = height.centreCell(oy) else { continue }
                    for ox in 0..<width.outputs {
                        guard let x = width.centreCell(ox) else { continue }
                        let peak = maxima.elements[map * inputMap + (d * height.length + y) * width.length + x]
                        values[map * outputMap + (od * height.outputs + oy) * width.outputs + ox] *= 1 + bonus * peak
                    }
                }
            }
        }
    }
}
