extension Method {
    /// kornia's `spatial_expectation2d(input, normalized_coordinates=True)`.
    public static let spatialExpectation2d = Method(
        name: "spatial_expectation2d", family: .kornia, inputRank: 4,
        parameters: [
            .required("input", .tensor, "(B, N, H, W) probability maps"),
            .defaulted("normalized_coordinates", .flag, .bool(true), "coordinates in [-1, 1] instead of pixels"),
        ],
        summary: "expected (x, y) of each (B, N, H, W) probability map -> (B, N, 2)",
        details: "Σ p·(x, y) per map; pixels, or [-1, 1] when normalized_coordinates (a one-pixel axis is 0 in kornia 0.9, NaN in 0.7).",
        pullback: Pullback(inputs: ["input"]) { a, g in
            let (normalized, version) = (try a.bool("normalized_coordinates"), a.version)
            return [try a.tensor("input").visit(
                { try expectationGradient($0, normalized, version, g) }, { try expectationGradient($0, normalized, version, g) })]
        }
    ) { a in
        let (normalized, version) = (try a.bool("normalized_coordinates"), a.version)
        return try a.tensor("input").visit({ try expectation($0, normalized, version) }, { try expectation($0, normalized, version) })
    }
}

// Never specialised here (see `SpatialSoftmax2dMethod.swift`).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func expectation<S: SubpixScalar>(_ input: Tensor<S>, _ normalized: Bool, _ version: KorniaVersion) throws -> [Method.Output] {
    [Method.Output(try spatialExpectation2d(input, normalizedCoordinates: normalized, version: version))]
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func expectationGradient<S: SubpixScalar>(
    _ input: Tensor<S>, _ normalized: Bool, _ version: KorniaVersion, _ g: [AnyTensor?]
) throws -> AnyTensor {
    AnyTensor(try spatialExpectation2dWithPullback(input, normalizedCoordinates: normalized, version: version)
        .pullback(Method.Pullback.first(g, op: Method.spatialExpectation2d.name)))
}
