/// kornia 0.9's `AdaptiveQuadInterp3d(mode="auto", n_iters=5, max_subpixel_shift=0.6,
/// dilation_radius=1, allow_scale_steps=True, max_candidates=None)` module: kornia 0.9's
/// `conv_quad_interp3d` (``convQuadInterp3d(_:nIters:maxSubpixelShift:precomputedNMSMask:dilationRadius:allowScaleSteps:)``)
/// or ``iterativeQuadInterp3d(_:nIters:maxSubpixelShift:allowScaleSteps:precomputedNMSMask:maxCandidates:)``
/// with its settings fixed, as `mode` chooses.
///
/// kornia's `"auto"` takes `conv` on a CUDA device and `patch` elsewhere; subpix
/// computes on the CPU, so `auto` is `patch`. `dilationRadius` applies to `conv`
/// only, `maxCandidates` to `patch` only, as in kornia.
///
/// ```swift
/// let refine = AdaptiveQuadInterp3d(mode: .conv, dilationRadius: 2)
/// let (coords, values) = try refine(dog)
/// ```
public struct AdaptiveQuadInterp3d: Sendable, Equatable {
    /// Which refinement runs: kornia's `"patch"`, `"conv"` or `"auto"`.
    public enum Mode: String, Sendable, CaseIterable {
        /// ``iterativeQuadInterp3d(_:nIters:maxSubpixelShift:allowScaleSteps:precomputedNMSMask:maxCandidates:)``.
        case patch
        /// kornia 0.9's `conv_quad_interp3d`.
        case conv
        /// `conv` on a GPU, `patch` on the CPU: here always `patch`.
        case auto
    }

    public var mode: Mode
    /// Iterations per maximum (≥ 0).
    public var nIters: Int
    /// Shift (≥ 0) beyond which the centre steps to the next voxel.
    public var maxSubpixelShift: Double
    /// How far (voxels, L∞) from a maximum a centre may go in `conv` mode.
    public var dilationRadius: Int
    /// Whether the centre may also step along depth.
    public var allowScaleSteps: Bool
    /// Refine only this many of each map's largest maxima in `patch` mode; `nil` refines all.
    public var maxCandidates: Int?

    /// kornia's defaults. The values are checked when the module is called.
    public init(
        mode: Mode = .auto, nIters: Int = 5, maxSubpixelShift: Double = 0.6, dilationRadius: Int = 1,
        allowScaleSteps: Bool = true, maxCandidates: Int? = nil
    ) {
        self.mode = mode
        self.nIters = nIters
        self.maxSubpixelShift = maxSubpixelShift
        self.dilationRadius = dilationRadius
        self.allowScaleSteps = allowScaleSteps
        self.maxCandidates = maxCandidates
    }

    /// Coordinates `(B, C, 3, D, H, W)` in the order (d, x, y) and values `(B, C, D, H, W)`.
    public func callAsFunction<S: SubpixScalar>(
        _ input: Tensor<S>, precomputedNMSMask: Mask? = nil
    ) throws -> (coords: Tensor<S>, values: Tensor<S>) {
        switch mode {
        case .conv:
            try convQuadInterp3d(
                input, nIters: nIters, maxSubpixelShift: maxSubpixelShift, precomputedNMSMask: precomputedNMSMask,
                dilationRadius: dilationRadius, allowScaleSteps: allowScaleSteps)
        case .patch, .auto:
            try iterativeQuadInterp3d(
                input, nIters: nIters, maxSubpixelShift: maxSubpixelShift, allowScaleSteps: allowScaleSteps,
                precomputedNMSMask: precomputedNMSMask, maxCandidates: maxCandidates)
        }
    }
}
