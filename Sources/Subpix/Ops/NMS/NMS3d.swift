/// Non-maxima suppression of a 3D response volume: the values of its strict
/// local maxima, `0` elsewhere — kornia's `nms3d(input, kernel_size, mask_only=False)`.
///
/// A voxel `p` is kept when
///
///     x[p] > x[q]  for every other q in its kd × ky × kx window,
///
/// with the window and border rule of ``nms2d(_:kernelSize:)`` (kornia 0.9)
/// applied over depth, height and width: `(k - 1) / 2` before the centre and
/// `k / 2` after it per axis, strict maxima only, and a voxel whose whole
/// window does not fit inside the volume is never a maximum.
///
/// ```swift
/// let dog = try Tensor<Float>(shape: [1, 1, 5, 64, 64], elements: responses)
/// let kept = try nms3d(dog, kernelSize: [3, 3, 3])   // same shape, 0 off the maxima
/// ```
///
/// - Parameters:
///   - input: responses of shape `(B, C, D, H, W)`.
///   - kernelSize: window `(kd, ky, kx)`, each at least 1; odd or even.
/// - Throws: ``SubpixError`` for an input that is not a non-empty
///   `(B, C, D, H, W)` tensor or a `kernelSize` that is not three positive sizes.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func nms3d<S: SubpixScalar>(_ input: Tensor<S>, kernelSize: [Int]) throws -> Tensor<S> {
    NMSRunner.suppressed(input, kernel: try validatedWindow3d(input, kernelSize), rule: .interior)
}

/// The strict local maxima of a 3D response volume as a mask — kornia's
/// `nms3d(input, kernel_size, mask_only=True)`.
///
/// `mask[p] = x[p] > x[q]` for every other `q` of the `kd × ky × kx` window
/// around `p`; see ``nms3d(_:kernelSize:)``.
///
/// ```swift
/// let maxima = try nms3dMask(dog, kernelSize: [3, 3, 3])
/// ```
///
/// - Throws: ``SubpixError`` as ``nms3d(_:kernelSize:)`` does.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func nms3dMask<S: SubpixScalar>(_ input: Tensor<S>, kernelSize: [Int]) throws -> Mask {
    NMSRunner.mask(input, kernel: try validatedWindow3d(input, kernelSize), rule: .interior)
}

/// Checks an `nms3d` call and gives its window.
private func validatedWindow3d<S: SubpixScalar>(
    _ input: Tensor<S>, _ kernelSize: [Int]
) throws -> (depth: Int, height: Int, width: Int) {
    try input.requireShape(rank: 5, layout: "(B, C, D, H, W)", op: Method.nms3d.name)
    try NMSRunner.validate(kernelSize: kernelSize, axes: 3, op: Method.nms3d.name)
    return (kernelSize[0], kernelSize[1], kernelSize[2])
}

/// kornia 0.7.4's `nms3d(input, kernel_size)` (values), as 0.7.4's
/// `conv_soft_argmax3d` uses it for its strict-maxima bonus.
///
/// For a 3×3×3 window it is the same as ``nms3d(_:kernelSize:)``. For other
/// windows 0.7.4 took a different path (``NMSBorderRule/replicatePadded``):
/// replicate padding, a window clipped to the volume, the outermost voxels of
/// every axis with `k ≥ 3` suppressed, and only maxima above `0` kept. kornia
/// 0.7.4 fails on even windows there, so they are rejected.
///
/// - Parameters:
///   - input: a validated `(B, C, D, H, W)` tensor.
///   - kernelSize: a validated window of three positive sizes.
///   - op: the calling op, named in the error for an even window.
func nms3dKornia074<S: SubpixScalar>(_ input: Tensor<S>, kernelSize: [Int], op: String) throws -> Tensor<S> {
    NMSRunner.suppressed(input, kernel: window(kernelSize), rule: try kornia074Rule(kernelSize, op: op))
}

/// Where ``nms3dKornia074(_:kernelSize:op:)`` keeps a value: its strict maxima as a mask.
func nms3dKornia074Mask<S: SubpixScalar>(_ input: Tensor<S>, kernelSize: [Int], op: String) throws -> Mask {
    NMSRunner.mask(input, kernel: window(kernelSize), rule: try kornia074Rule(kernelSize, op: op))
}

private func window(_ kernelSize: [Int]) -> (depth: Int, height: Int, width: Int) {
    (kernelSize[0], kernelSize[1], kernelSize[2])
}

/// kornia 0.7.4's border rule for a window: 3×3×3 as 0.9, other odd windows replicate-padded.
private func kornia074Rule(_ kernelSize: [Int], op: String) throws -> NMSBorderRule {
    if kernelSize == [3, 3, 3] { return .interior }
    guard kernelSize.allSatisfy({ $0 % 2 == 1 }) else {
        throw SubpixError(
            op, "expected an odd kernel_size with strict_maxima_bonus > 0 (kornia 0.7.4's strict maxima), got \(formatShape(kernelSize))")
    }
    return .replicatePadded
}

/// kornia's `NonMaximaSuppression3d(kernel_size)` module: ``nms3d(_:kernelSize:)``
/// with the window fixed at construction.
///
/// `mask[p] = x[p] > x[q]` for every other `q` of the `kd × ky × kx` window
/// around `p` (kornia 0.9's strict maxima and border rule).
///
/// ```swift
/// let nms = try NonMaximaSuppression3d(kernelSize: [3, 3, 3])
/// let maxima = try nms.mask(dog)
/// ```
public struct NonMaximaSuppression3d: Sendable, Equatable {
    /// The window `(kd, ky, kx)`.
    public let kernelSize: [Int]

    /// - Throws: ``SubpixError`` unless `kernelSize` is three positive sizes.
    public init(kernelSize: [Int]) throws {
        try NMSRunner.validate(kernelSize: kernelSize, axes: 3, op: "NonMaximaSuppression3d")
        self.kernelSize = kernelSize
    }

    /// The input at its strict maxima, `0` elsewhere (kornia's `forward(x, mask_only=False)`).
    public func callAsFunction<S: SubpixScalar>(_ input: Tensor<S>) throws -> Tensor<S> {
        try nms3d(input, kernelSize: kernelSize)
    }

    /// The strict-maxima mask (kornia's `forward(x, mask_only=True)`).
    public func mask<S: SubpixScalar>(_ input: Tensor<S>) throws -> Mask {
        try nms3dMask(input, kernelSize: kernelSize)
    }
}
