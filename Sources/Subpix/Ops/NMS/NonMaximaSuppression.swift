/// kornia's `NonMaximaSuppression2d(kernel_size)` module: ``nms2d(_:kernelSize:)``
/// with the window fixed at construction.
///
/// `mask[p] = x[p] > x[q]` for every other `q` of the `ky × kx` window around
/// `p` (kornia 0.9's strict maxima and border rule).
///
/// ```swift
/// let nms = try NonMaximaSuppression2d(kernelSize: [3, 3])
/// let kept = try nms(heatmap)        // mask_only=False: values at maxima, 0 elsewhere
/// let peaks = try nms.mask(heatmap)  // mask_only=True
/// ```
public struct NonMaximaSuppression2d: Sendable, Equatable {
    /// The window `(ky, kx)`.
    public let kernelSize: [Int]

    /// - Throws: ``SubpixError`` unless `kernelSize` is two positive sizes.
    public init(kernelSize: [Int]) throws {
        try NMSRunner.validate(kernelSize: kernelSize, axes: 2, op: "NonMaximaSuppression2d")
        self.kernelSize = kernelSize
    }

    /// The input at its strict maxima, `0` elsewhere (kornia's `forward(x, mask_only=False)`).
    public func callAsFunction<S: SubpixScalar>(_ input: Tensor<S>) throws -> Tensor<S> {
        try nms2d(input, kernelSize: kernelSize)
    }

    /// The strict-maxima mask (kornia's `forward(x, mask_only=True)`).
    public func mask<S: SubpixScalar>(_ input: Tensor<S>) throws -> Mask {
        try nms2dMask(input, kernelSize: kernelSize)
    }
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
