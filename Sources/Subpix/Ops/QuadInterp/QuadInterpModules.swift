/// kornia 0.7.4's `ConvQuadInterp3d(strict_maxima_bonus=10.0, eps=1e-7)` module:
/// ``convQuadInterp3d(_:strictMaximaBonus:eps:)`` with its settings fixed. kornia
/// 0.9's `ConvQuadInterp3d(n_iters=5, max_subpixel_shift=0.6, dilation_radius=1,
/// allow_scale_steps=True)` is ``AdaptiveQuadInterp3d`` in its `.conv` mode.
///
/// At each strict 3×3×3 maximum, `H δ = −g`, `coords = (d + δs, x + δx, y + δy)`,
/// `value = f + ½ gᵀδ + bonus`.
///
/// ```swift
/// let refine = ConvQuadInterp3d(strictMaximaBonus: 1)
/// let (coords, values) = try refine(dog)
/// ```
public struct ConvQuadInterp3d: Sendable, Equatable {
    /// Added to the value of each solved strict maximum when positive.
    public var strictMaximaBonus: Double
    /// Accepted for kornia's signature; it changes nothing (see ``convQuadInterp3d(_:strictMaximaBonus:eps:)``).
    public var eps: Double

    /// kornia's defaults: bonus 10, eps 1e-7.
    public init(strictMaximaBonus: Double = KorniaDefaults.quadInterpStrictMaximaBonus, eps: Double = 1e-7) {
        self.strictMaximaBonus = strictMaximaBonus
        self.eps = eps
    }

    /// Coordinates `(B, C, 3, D, H, W)` in the order (d, x, y) and values `(B, C, D, H, W)`.
    public func callAsFunction<S: SubpixScalar>(_ input: Tensor<S>) throws -> (coords: Tensor<S>, values: Tensor<S>) {
        try convQuadInterp3d(input, strictMaximaBonus: strictMaximaBonus, eps: eps)
    }
}

/// kornia 0.9's `IterativeQuadInterp3d(n_iters=5, max_subpixel_shift=0.6,
/// allow_scale_steps=True, max_candidates=None)` module:
/// ``iterativeQuadInterp3d(_:nIters:maxSubpixelShift:allowScaleSteps:precomputedNMSMask:maxCandidates:)``
/// with its settings fixed.
///
/// Each strict maximum is refined by Newton steps `H δ = −g`, moving one voxel
/// while some `|δᵢ| > maxSubpixelShift`, for at most `nIters` steps.
///
/// ```swift
/// let refine = IterativeQuadInterp3d(nIters: 3)
/// let (coords, values) = try refine(dog, precomputedNMSMask: try nms3dMask(dog, kernelSize: [3, 3, 3]))
/// ```
public struct IterativeQuadInterp3d: Sendable, Equatable {
    /// Iterations per maximum (≥ 0).
    public var nIters: Int
    /// Shift (≥ 0) beyond which the centre steps to the next voxel.
    public var maxSubpixelShift: Double
    /// Whether the centre may also step along depth.
    public var allowScaleSteps: Bool
    /// Refine only this many of each map's largest maxima; `nil` refines all.
    public var maxCandidates: Int?

    /// kornia's defaults: 5 iterations, shift threshold 0.6, scale steps allowed, every maximum refined.
    /// The values are checked when the module is called.
    public init(nIters: Int = 5, maxSubpixelShift: Double = 0.6, allowScaleSteps: Bool = true, maxCandidates: Int? = nil) {
        self.nIters = nIters
        self.maxSubpixelShift = maxSubpixelShift
        self.allowScaleSteps = allowScaleSteps
        self.maxCandidates = maxCandidates
    }

    /// Coordinates `(B, C, 3, D, H, W)` in the order (d, x, y) and values `(B, C, D, H, W)`.
    public func callAsFunction<S: SubpixScalar>(
        _ input: Tensor<S>, precomputedNMSMask: Mask? = nil
    ) throws -> (coords: Tensor<S>, values: Tensor<S>) {
        try iterativeQuadInterp3d(
            input, nIters: nIters, maxSubpixelShift: maxSubpixelShift, allowScaleSteps: allowScaleSteps,
            precomputedNMSMask: precomputedNMSMask, maxCandidates: maxCandidates)
    }
}
