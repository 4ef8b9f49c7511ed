extension Method {
    /// kornia's `spatial_softmax2d(input, temperature=1.0)`.
    public static let spatialSoftmax2d = Method(
        name: "spatial_softmax2d", family: .kornia, inputRank: 4,
        parameters: [
            .required("input", .tensor, "(B, N, H, W) maps"),
            .defaulted("temperature", .number, .real(1), "multiplies the input before the softmax").bounded(.above(0)),
        ],
        summary: "softmax over the pixels of each (B, N, H, W) map; temperature MULTIPLIES the input",
        details: "out = exp(T·x) / Σ exp(T·x) per map, shape (B, N, H, W).",
        pullback: Pullback(inputs: ["input"]) { a, g in
            let temperature = try a.double("temperature")
            return [try a.tensor("input").visit({ try softmaxGradient($0, temperature, g) }, { try softmaxGradient($0, temperature, g) })]
        }
    ) { a in
        let temperature = try a.double("temperature")
        return try a.tensor("input").visit({ try softmax($0, temperature) }, { try softmax($0, temperature) })
    }
}

// Never specialised here: in-module specialised callers made the release link fail
// (Swift 6.3 referred to exported pre-specialisations it had merged away).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func softmax<S: SubpixScalar>(_ input: Tensor<S>, _ temperature: Double) throws -> [Method.Output] {
    [Method.Output(try spatialSoftmax2d(input, temperature: temperature))]
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func softmaxGradient<S: SubpixScalar>(_ input: Tensor<S>, _ temperature: Double, _ g: [AnyTensor?]) throws -> AnyTensor {
    AnyTensor(try spatialSoftmax2dWithPullback(input, temperature: temperature).pullback(Method.Pullback.first(g, op: Method.spatialSoftmax2d.name)))
}
