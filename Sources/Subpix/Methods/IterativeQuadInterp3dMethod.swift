extension Method {
    /// kornia 0.9's `iterative_quad_interp3d(input, n_iters=5, max_subpixel_shift=0.6,
    /// allow_scale_steps=True, precomputed_nms_mask=None, max_candidates=None)`.
    public static let iterativeQuadInterp3d = Method(
        name: "iterative_quad_interp3d", family: .kornia, inputRank: 5,
        parameters: [
            .required("input", .tensor, "(B, C, D, H, W) responses"),
            .defaulted("n_iters", .integer, .int(5), "how many times a maximum may move one voxel and be solved again"),
            .defaulted("max_subpixel_shift", .number, .real(0.6), "a larger shift moves the maximum one voxel"),
            .defaulted("allow_scale_steps", .flag, .bool(true), "whether a maximum may move along depth"),
            .defaulted("precomputed_nms_mask", .mask, .none, "a mask from nms3d(x, (3, 3, 3), mask_only=True)"),
            .defaulted("max_candidates", .integer, .none, "refine only the best ones"),
        ],
        summary: "iterated quadratic interpolation of the 3D maxima of (B, C, D, H, W) (kornia 0.9) -> coords (d, x, y), values",
        details: "A maximum whose shift exceeds max_subpixel_shift moves one voxel and is solved again, up to n_iters times. precomputed_nms_mask: a mask from nms3d(x, (3, 3, 3), mask_only=True); max_candidates: refine only the best ones."
    ) { a in
        let options = try IterativeOptions(a)
        return try a.tensor("input").visit({ try iterate($0, options) }, { try iterate($0, options) })
    }
}

private struct IterativeOptions: Sendable {
    var iterations: Int, shift: Double, steps: Bool, mask: Mask?, candidates: Int?

    init(_ a: Method.Arguments) throws {
        (iterations, shift, steps) = (try a.int("n_iters"), try a.double("max_subpixel_shift"), try a.bool("allow_scale_steps"))
        (mask, candidates) = (try a.optionalMask("precomputed_nms_mask"), try a.optionalInt("max_candidates"))
    }
}

// Never specialised here (see `SpatialSoftmax2dMethod.swift`).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func iterate<S: SubpixScalar>(_ input: Tensor<S>, _ o: IterativeOptions) throws -> [Method.Output] {
    let (coords, values) = try iterativeQuadInterp3d(
        input, nIters: o.iterations, maxSubpixelShift: o.shift, allowScaleSteps: o.steps,
        precomputedNMSMask: o.mask, maxCandidates: o.candidates)
    return [Method.Output(coords), Method.Output(values)]
}
