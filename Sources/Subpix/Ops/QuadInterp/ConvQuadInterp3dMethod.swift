extension Method {
    /// kornia 0.7.4's `conv_quad_interp3d(input, strict_maxima_bonus=10.0, eps=1e-7)`.
    public static let convQuadInterp3d = Method(
        name: "conv_quad_interp3d", family: .kornia, inputRank: 5,
        parameters: [
            .required("input", .tensor, "(B, C, D, H, W) responses"),
            .defaulted("strict_maxima_bonus", .number, .real(KorniaDefaults.quadInterpStrictMaximaBonus),
                       "added to the value of each solved strict maximum"),
            .defaulted("eps", .number, .real(1e-7), "accepted and unused, as in kornia"),
        ],
        summary: "one quadratic-interpolation step at the strict 3x3x3 maxima of (B, C, D, H, W) -> coords (B, C, 3, D, H, W) in (d, x, y), values",
        details: "Solves H·dx = -g (central differences) at each maximum; shifts above 0.7 are discarded; value y + 0.5·gᵀdx, plus strict_maxima_bonus at solved maxima (kornia 0.7.4). eps is accepted and unused, as in kornia."
    ) { a in
        let (bonus, eps) = (try a.double("strict_maxima_bonus"), try a.double("eps"))
        return try a.tensor("input").visit({ try quadStep($0, bonus, eps) }, { try quadStep($0, bonus, eps) })
    }
}

// Never specialised here (see `SpatialSoftmax2dMethod.swift`).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func quadStep<S: SubpixScalar>(_ input: Tensor<S>, _ bonus: Double, _ eps: Double) throws -> [Method.Output] {
    let (coords, values) = try convQuadInterp3d(input, strictMaximaBonus: bonus, eps: eps)
    return [Method.Output(coords), Method.Output(values)]
}

extension KeypointMethod {
    /// One quadratic-interpolation step at every strict 3 × 3 × 3 maximum.
    public static let convQuadInterp3d = KeypointMethod(
        name: Method.convQuadInterp3d.name,
        summary: "one quadratic-interpolation step at 3×3×3 strict maxima",
        inputRank: 5, settings: [.strictMaximaBonus, .threshold, .minValue, .topK],
        scriptCall: ScriptCall(Method.convQuadInterp3d.name), defaultStrictMaximaBonus: KorniaDefaults.quadInterpStrictMaximaBonus,
        addsBonusToValues: true, normalizes: false, marker: KeypointMarker(.triangle, 0xFFFF3C, "yellow"), explanation: .quadraticStep,
        find: { map, settings in try map.visit({ try quadPoints($0, settings) }, { try quadPoints($0, settings) }) },
        write: { x, settings in
            let bonus = settings.strictMaximaBonus ?? KorniaDefaults.quadInterpStrictMaximaBonus
            return [
                ScriptStatement(["coords", "vals"], .call(Method.convQuadInterp3d.name, [.name(x)], ["strict_maxima_bonus": .real(bonus)])),
                ScriptStatement(["kp"], .keypoints([.name("coords"), .name("vals")], maskOf: x, window: [3, 3, 3],
                                                   settings.filterKeywords)),
            ]
        })
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func quadPoints<S: SubpixScalar>(_ map: Tensor<S>, _ s: KeypointSettings) throws -> (keypoints: KeypointList, outputShape: [Int]) {
    let bonus = s.strictMaximaBonus ?? KorniaDefaults.quadInterpStrictMaximaBonus
    let (coords, values) = try convQuadInterp3d(map, strictMaximaBonus: bonus, eps: 1e-7)
    let points = try keypoints(coords: coords, values: values, mask: nms3dMask(map, kernelSize: [3, 3, 3]), topK: s.topK, minValue: s.minValue)
    return (points, coords.shape)
}
