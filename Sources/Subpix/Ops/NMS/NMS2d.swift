/// Non-maxima suppression of a 2D response map: the values of its strict
/// local maxima, `0` elsewhere — kornia's `nms2d(input, kernel_size, mask_only=False)`.
///
/// A position `p` is kept when
///
///     x[p] > x[q]  for every other q in its ky × kx window,
///
/// where the window spans `(k - 1) / 2` positions before `p` and `k / 2` after
/// it on each axis (so an even `k` reaches one further down / right). As in
/// kornia 0.9, only strict maxima survive — every pixel of a plateau is
/// suppressed — and a position whose whole window does not fit inside the map
/// (the first `(k - 1) / 2` and last `k / 2` rows and columns) is never a
/// maximum. A window of 1×1 keeps everything. A NaN in a window suppresses its
/// centre.
///
/// The output keeps the input value at each maximum and is `0` elsewhere,
/// which is larger than a negative maximum: use ``nms2dMask(_:kernelSize:)``
/// (kornia's `mask_only=True`) for a signed response.
///
/// ```swift
/// let x = try Tensor<Float>(shape: [1, 1, 3, 3], elements: [0, 0, 0,
///                                                           0, 5, 1,
///                                                           0, 0, 0])
/// try nms2d(x, kernelSize: [3, 3])   // 5 at the centre, 0 elsewhere
/// ```
///
/// - Parameters:
///   - input: responses of shape `(B, C, H, W)`.
///   - kernelSize: window `(ky, kx)`, each at least 1; odd or even.
/// - Returns: a tensor of the input's shape.
/// - Throws: ``SubpixError`` for an input that is not a non-empty `(B, C, H, W)`
///   tensor or a `kernelSize` that is not two positive sizes.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func nms2d<S: SubpixScalar>(_ input: Tensor<S>, kernelSize: [Int]) throws -> Tensor<S> {
    NMSRunner.suppressed(input, kernel: try validatedWindow2d(input, kernelSize), rule: .interior)
}

/// The strict local maxima of a 2D response map as a mask — kornia's
/// `nms2d(input, kernel_size, mask_only=True)`.
///
/// `mask[p] = x[p] > x[q]` for every other `q` of the `ky × kx` window around
/// `p`; see ``nms2d(_:kernelSize:)`` for the window and the border rule.
///
/// ```swift
/// let peaks = try nms2dMask(heatmap, kernelSize: [5, 5])   // Tensor<Bool>, shape of heatmap
/// ```
///
/// - Throws: ``SubpixError`` as ``nms2d(_:kernelSize:)`` does.
// No exported pre-specialisations: in-module callers specialise it themselves (Swift 6.3
// referred to its exported ones from specialised in-module callers without emitting them).
public func nms2dMask<S: SubpixScalar>(_ input: Tensor<S>, kernelSize: [Int]) throws -> Mask {
    NMSRunner.mask(input, kernel: try validatedWindow2d(input, kernelSize), rule: .interior)
}

/// Checks an `nms2d` call and gives its window as a one-plane 3D window.
private func validatedWindow2d<S: SubpixScalar>(
    _ input: Tensor<S>, _ kernelSize: [Int]
) throws -> (depth: Int, height: Int, width: Int) {
    try input.requireShape(rank: 4, layout: "(B, C, H, W)", op: "nms2d")
    try NMSRunner.validate(kernelSize: kernelSize, axes: 2, op: "nms2d")
    return (1, kernelSize[0], kernelSize[1])
}
