extension Method {
    /// kornia 0.9's `iterative_quad_interp3d(input, n_iters=5, strict_maxima_bonus=None,
    /// max_subpixel_shift=0.6, allow_scale_steps=True, precomputed_nms_mask=None,
    /// max_candidates=None)`, in both kornia modes (0.7.4 has no such op).
    public static let iterativeQuadInterp3d = Method(
        name: "iterative_quad_interp3d", family: .kornia, inputRank: 5,
        parameters: [
            .required("input", .tensor, "(B, C, D, H, W) responses"),
            .defaulted("n_iters", .integer, .int(5), "how many times a maximum may move one voxel and be solved again").bounded(.atLeast(0)),
            .defaulted("strict_maxima_bonus", .number, .none, "deprecated and ignored")
                .deprecated(since: .v0_9, Method.strictMaximaBonusNote, everywhere: true),
            .defaulted("max_subpixel_shift", .number, .real(0.6), "a larger shift moves the maximum one voxel").bounded(.atLeast(0)),
            .defaulted("allow_scale_steps", .flag, .bool(true), "whether a maximum may move along depth"),
            .defaulted("precomputed_nms_mask", .mask, .none, "a mask from \(suppression(rank: 5).name)(x, (3, 3, 3), mask_only=True)"),
            .defaulted("max_candidates", .integer, .none, "refine only the best ones").bounded(.atLeast(0)),
        ],
        summary: "iterated quadratic interpolation of the 3D maxima of (B, C, D, H, W) (kornia 0.9) -> coords (d, x, y), values",
        details: "A maximum whose shift exceeds max_subpixel_shift moves one voxel and is solved again, up to n_iters times. precomputed_nms_mask: a mask from \(suppression(rank: 5).name)(x, (3, 3, 3), mask_only=True); max_candidates: refine only the best ones. strict_maxima_bonus is deprecated and ignored."
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

extension KeypointMethod {
    /// The iterated quadratic interpolation of every strict 3 × 3 × 3 maximum.
    public static let iterativeQuadInterp3d = KeypointMethod(
        name: Method.iterativeQuadInterp3d.name,
        summary: "iterated quadratic interpolation (kornia 0.9)",
        inputRank: 5, settings: [.nIters, .threshold, .minValue, .topK],
        scriptCall: ScriptCall(Method.iterativeQuadInterp3d.name), normalizes: false, marker: KeypointMarker(.square, 0xBE8CFF, "violet"),
        explanation: .iteratedQuadraticSteps,
        find: { map, settings in try map.visit({ try iteratedPoints($0, settings) }, { try iteratedPoints($0, settings) }) },
        write: { x, settings in
            [ScriptStatement(["coords", "vals"], .call(Method.iterativeQuadInterp3d.name, [.name(x)], ["n_iters": .int(settings.nIters)])),
             ScriptStatement(["kp"], .keypoints([.name("coords"), .name("vals")], maskOf: x, window: [3, 3, 3],
                                                settings.filterKeywords))]
        })
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func iteratedPoints<S: SubpixScalar>(_ map: Tensor<S>, _ s: KeypointSettings) throws -> (keypoints: KeypointList, outputShape: [Int]) {
    let mask = try nms3dMask(map, kernelSize: [3, 3, 3])
    let (coords, values) = try iterativeQuadInterp3d(
        map, nIters: s.nIters, maxSubpixelShift: 0.6, allowScaleSteps: true, precomputedNMSMask: mask, maxCandidates: nil)
    return (try keypoints(coords: coords, values: values, mask: mask, topK: s.topK, minValue: s.minValue), coords.shape)
}
