extension Method {
    /// kornia's `spatial_softmax2d(input, temperature)`: 0.9's `temperature=None`
    /// (1) divides the input, 0.7.4's `temperature=1.0` multiplies it.
    public static let spatialSoftmax2d = Method(
        name: "spatial_softmax2d", family: .kornia, inputRank: 4,
        parameters: [
            .required("input", .tensor, "(B, N, H, W) maps"),
            .defaulted("temperature", .number, .real(1), "divides the input (kornia 0.9; None is 1) or multiplies it (0.7)")
                .defaulting(to: .none, in: .v0_9).bounded(.above(0)),
        ],
        summary: "softmax over the pixels of each (B, N, H, W) map; temperature divides (kornia 0.9) or multiplies (0.7)",
        details: "out = exp(x/T) / Σ exp(x/T) per map, shape (B, N, H, W); kornia 0.7 computed exp(T·x) / Σ exp(T·x).",
        pullback: Pullback(inputs: ["input"]) { a, g in
            let (temperature, version) = (try a.optionalDouble("temperature") ?? 1, a.version)
            return [try a.tensor("input").visit(
                { try softmaxGradient($0, temperature, version, g) }, { try softmaxGradient($0, temperature, version, g) })]
        }
    ) { a in
        let (temperature, version) = (try a.optionalDouble("temperature") ?? 1, a.version)
        return try a.tensor("input").visit({ try softmax($0, temperature, version) }, { try softmax($0, temperature, version) })
    }
}

// Never specialised here: in-module specialised callers made the release link fail
// (Swift 6.3 referred to exported pre-specialisations it had merged away).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func softmax<S: SubpixScalar>(_ input: Tensor<S>, _ temperature: Double, _ version: KorniaVersion) throws -> [Method.Output] {
    [Method.Output(try spatialSoftmax2d(input, temperature: temperature, version: version))]
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func softmaxGradient<S: SubpixScalar>(
    _ input: Tensor<S>, _ temperature: Double, _ version: KorniaVersion, _ g: [AnyTensor?]
) throws -> AnyTensor {
    let (_, pullback) = try spatialSoftmax2dWithPullback(input, temperature: temperature, version: version)
    return AnyTensor(try pullback(Method.Pullback.first(g, op: Method.spatialSoftmax2d.name)))
}
