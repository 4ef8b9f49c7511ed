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
