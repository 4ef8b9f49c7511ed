/// Sub-voxel refinement of the strict 3×3×3 maxima of a response volume, each
/// followed to a neighbouring voxel while its shift points there — kornia 0.9's
/// `conv_quad_interp3d(input, n_iters=5, strict_maxima_bonus=None,
/// max_subpixel_shift=0.6, precomputed_nms_mask=None, dilation_radius=1,
/// allow_scale_steps=True)`.
///
/// It is ``iterativeQuadInterp3d(_:nIters:maxSubpixelShift:allowScaleSteps:precomputedNMSMask:maxCandidates:)``
/// with one more way to be rejected: kornia solves the fits only at the interior
/// voxels within `dilationRadius` (L∞) of a maximum, so a maximum whose centre
/// moves anywhere else keeps its grid coordinates and input value. With
/// `dilationRadius ≥ nIters` the two functions agree. kornia 0.9 deprecated
/// `strict_maxima_bonus` and ignores it, so there is no such parameter here.
///
/// `nIters` has no default here, unlike kornia's 5, so that a call cannot be
/// mistaken for kornia 0.7.4's one-step ``convQuadInterp3d(_:strictMaximaBonus:eps:)``.
///
/// ```swift
/// let (coords, values) = try convQuadInterp3d(dog, nIters: 5)   // kornia 0.9's defaults
/// ```
///
/// - Parameters:
///   - input: responses of shape `(B, C, D, H, W)`.
///   - nIters: iterations per maximum (≥ 0).
///   - maxSubpixelShift: shift (≥ 0) beyond which the centre steps to the next voxel.
///   - precomputedNMSMask: strict maxima of `input` to refine (shape of `input`).
///   - dilationRadius: how far (in voxels, L∞) from a maximum a centre may go; a
///     negative radius refines nothing, as in kornia.
///   - allowScaleSteps: whether the centre may also step along depth.
/// - Returns: `coords` of shape `(B, C, 3, D, H, W)` in the order (d, x, y),
///   and `values` of shape `(B, C, D, H, W)`.
/// - Throws: ``SubpixError`` for an input that is not a non-empty
///   `(B, C, D, H, W)` tensor, a negative `nIters`, a negative or NaN
///   `maxSubpixelShift`, or a mask of another shape.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func convQuadInterp3d<S: SubpixScalar>(
    _ input: Tensor<S>, nIters: Int, maxSubpixelShift: Double = 0.6, precomputedNMSMask: Mask? = nil,
    dilationRadius: Int = 1, allowScaleSteps: Bool = true
) throws -> (coords: Tensor<S>, values: Tensor<S>) {
    try requireQuadOptions(
        Method.convQuadInterp3d.name, input, nIters: nIters, maxSubpixelShift: maxSubpixelShift, precomputedNMSMask: precomputedNMSMask)
    return refineMaxima(
        input, nIters: nIters, maxSubpixelShift: maxSubpixelShift, allowScaleSteps: allowScaleSteps,
        precomputedNMSMask: precomputedNMSMask, maxCandidates: nil, reach: QuadReach(radius: dilationRadius))
}
