extension Method {
    /// kornia's `conv_quad_interp3d`: 0.9's `(input, n_iters=5, strict_maxima_bonus=None,
    /// max_subpixel_shift=0.6, precomputed_nms_mask=None, dilation_radius=1, allow_scale_steps=True)`,
    /// iterated, and 0.7.4's `(input, strict_maxima_bonus=10.0, eps=1e-7)`, one step.
    public static let convQuadInterp3d = Method(
        name: "conv_quad_interp3d", family: .kornia, inputRank: 5,
        parameters: [
            .required("input", .tensor, "(B, C, D, H, W) responses"),
            .defaulted("n_iters", .integer, .int(5), "how many times a maximum may move one voxel and be solved again").bounded(.atLeast(0)).only(in: .v0_9),
            .defaulted("strict_maxima_bonus", .number, .real(KorniaDefaults.quadInterpStrictMaximaBonus),
                       "added to the value of each solved strict maximum (kornia 0.7; 0.9 ignores it)")
                .defaulting(to: .none, in: .v0_9)
                .deprecated(since: .v0_9, strictMaximaBonusNote),
            .defaulted("max_subpixel_shift", .number, .real(0.6), "a larger shift moves the maximum one voxel").bounded(.atLeast(0)).only(in: .v0_9),
            .defaulted("precomputed_nms_mask", .mask, .none, "a mask from \(suppression(rank: 5).name)(x, (3, 3, 3), mask_only=True)").only(in: .v0_9),
            .defaulted("dilation_radius", .integer, .int(1), "how far (voxels) from a maximum its centre may move").only(in: .v0_9),
            .defaulted("allow_scale_steps", .flag, .bool(true), "whether a maximum may move along depth").only(in: .v0_9),
            .defaulted("eps", .number, .real(1e-7), "accepted and unused, as in kornia").only(in: .v0_7),
        ],
        summary: "quadratic interpolation of the strict 3x3x3 maxima of (B, C, D, H, W) -> coords (B, C, 3, D, H, W) in (d, x, y), values",
        details: """
            kornia 0.9: iterative_quad_interp3d's refinement, where a maximum whose centre moves more than dilation_radius \
            voxels from every maximum is not refined; strict_maxima_bonus is deprecated and ignored. kornia 0.7: one step, \
            H·dx = -g (central differences) at each maximum; shifts above 0.7 are discarded; value y + 0.5·gᵀdx, plus \
            strict_maxima_bonus at solved maxima. eps is accepted and unused, as in kornia.
            """
    ) { a in
        let input = try a.tensor("input")
        guard a.version >= .v0_9 else {
            let (bonus, eps) = (try a.double("strict_maxima_bonus"), try a.double("eps"))
            return try input.visit({ try quadStep($0, bonus, eps) }, { try quadStep($0, bonus, eps) })
        }
        let options = try IteratedOptions(a)
        return try input.visit({ try iterated($0, options) }, { try iterated($0, options) })
    }

    /// What kornia 0.9 says of a `strict_maxima_bonus` it ignores.
    static let strictMaximaBonusNote =
        "is ignored: no bonus is added to the returned values; select strict maxima with an \(suppression(rank: 5).name) mask instead"
}

private struct IteratedOptions: Sendable {
    var iterations: Int, shift: Double, mask: Mask?, radius: Int, steps: Bool

    init(_ a: Method.Arguments) throws {
        (iterations, shift, mask) = (try a.int("n_iters"), try a.double("max_subpixel_shift"), try a.optionalMask("precomputed_nms_mask"))
        (radius, steps) = (try a.int("dilation_radius"), try a.bool("allow_scale_steps"))
    }
}

// Never specialised here (see `SpatialSoftmax2dMethod.swift`).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func quadStep<S: SubpixScalar>(_ input: Tensor<S>, _ bonus: Double, _ eps: Double) throws -> [Method.Output] {
    let (coords, values) = try convQuadInterp3d(input, strictMaximaBonus: bonus, eps: eps)
    return [Method.Output(coords), Method.Output(values)]
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func iterated<S: SubpixScalar>(_ input: Tensor<S>, _ o: IteratedOptions) throws -> [Method.Output] {
    let (coords, values) = try convQuadInterp3d(
        input, nIters: o.iterations, maxSubpixelShift: o.shift, precomputedNMSMask: o.mask, dilationRadius: o.radius, allowScaleSteps: o.steps)
    return [Method.Output(coords), Method.Output(values)]
}

extension KeypointMethod {
    /// kornia 0.9's iterated quadratic interpolation, or 0.7's one step plus the
    /// strict-maxima bonus, at every strict 3 × 3 × 3 maximum.
    public static let convQuadInterp3d = KeypointMethod(
        name: Method.convQuadInterp3d.name,
        summary: "quadratic interpolation at 3×3×3 strict maxima (kornia 0.9: iterated; 0.7: one step)",
        inputRank: 5, settings: [.nIters, .strictMaximaBonus, .threshold, .minValue, .topK],
        scriptCall: ScriptCall(Method.convQuadInterp3d.name), defaultStrictMaximaBonus: KorniaDefaults.quadInterpStrictMaximaBonus,
        addsBonusToValues: true, normalizes: false, marker: KeypointMarker(.triangle, 0xFFFF3C, "yellow"), explanation: .quadraticStep,
        find: { map, settings in try map.visit({ try quadPoints($0, settings) }, { try quadPoints($0, settings) }) },
        write: { x, settings in
            let call: ScriptExpression = settings.version >= .v0_9
                ? .call(Method.convQuadInterp3d.name, [.name(x)], ["n_iters": .int(settings.nIters)])
                : .call(Method.convQuadInterp3d.name, [.name(x)],
                        ["strict_maxima_bonus": .real(settings.strictMaximaBonus ?? KorniaDefaults.quadInterpStrictMaximaBonus)])
            return [
                ScriptStatement(["coords", "vals"], call),
                ScriptStatement(["kp"], .keypoints([.name("coords"), .name("vals")], maskOf: x, window: [3, 3, 3],
                                                   settings.filterKeywords)),
            ]
        })
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func quadPoints<S: SubpixScalar>(_ map: Tensor<S>, _ s: KeypointSettings) throws -> (keypoints: KeypointList, outputShape: [Int]) {
    let (coords, values) = s.version >= .v0_9
        ? try convQuadInterp3d(map, nIters: s.nIters)
        : try convQuadInterp3d(map, strictMaximaBonus: s.strictMaximaBonus ?? KorniaDefaults.quadInterpStrictMaximaBonus, eps: 1e-7)
    let points = try keypoints(coords: coords, values: values, mask: nms3dMask(map, kernelSize: [3, 3, 3]), topK: s.topK, minValue: s.minValue)
    return (points, coords.shape)
}
