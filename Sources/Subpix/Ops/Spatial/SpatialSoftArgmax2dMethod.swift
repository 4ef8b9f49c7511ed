extension Method {
    /// kornia's `spatial_soft_argmax2d`: 0.9's `(input, temperature=None, normalized_coordinates=True)`,
    /// whose temperature divides, and the seed's 0.7 `(input, temperature=1.0, normalized_coordinates=True,
    /// eps=1e-8)`, whose temperature multiplies.
    public static let spatialSoftArgmax2d = Method(
        name: "spatial_soft_argmax2d", family: .kornia, inputRank: 4,
        parameters: [
            .required("input", .tensor, "(B, N, H, W) maps"),
            .defaulted("temperature", .number, .real(1), "divides the input (kornia 0.9; None is 1) or multiplies it (0.7)")
                .defaulting(to: .none, in: .v0_9).bounded(.above(0)),
            .defaulted("normalized_coordinates", .flag, .bool(true), "coordinates in [-1, 1] instead of pixels"),
            .defaulted("eps", .number, .real(1e-8), "accepted as the seed's signature has it; kornia never uses it").only(in: .v0_7),
        ],
        summary: "soft-argmax (x, y) of each (B, N, H, W) map -> (B, N, 2); temperature divides (kornia 0.9) or multiplies (0.7)",
        details: "\(spatialExpectation2d.name)(\(spatialSoftmax2d.name)(input, temperature)). kornia 0.7's eps is accepted there and never used.",
        pullback: Pullback(inputs: ["input"]) { a, g in
            let options = try SoftArgmaxOptions(a)
            return [try a.tensor("input").visit({ try softArgmaxGradient($0, options, g) }, { try softArgmaxGradient($0, options, g) })]
        }
    ) { a in
        let options = try SoftArgmaxOptions(a)
        return try a.tensor("input").visit({ try softArgmax($0, options) }, { try softArgmax($0, options) })
    }
}

private struct SoftArgmaxOptions: Sendable {
    var temperature: Double, normalized: Bool, version: KorniaVersion

    init(_ a: Method.Arguments) throws {
        (temperature, normalized, version) = (try a.optionalDouble("temperature") ?? 1, try a.bool("normalized_coordinates"), a.version)
    }
}

// Never specialised here (see `SpatialSoftmax2dMethod.swift`).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func softArgmax<S: SubpixScalar>(_ input: Tensor<S>, _ o: SoftArgmaxOptions) throws -> [Method.Output] {
    [Method.Output(try spatialSoftArgmax2d(input, temperature: o.temperature, normalizedCoordinates: o.normalized, version: o.version))]
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func softArgmaxGradient<S: SubpixScalar>(_ input: Tensor<S>, _ o: SoftArgmaxOptions, _ g: [AnyTensor?]) throws -> AnyTensor {
    let (_, pullback) = try spatialSoftArgmax2dWithPullback(
        input, temperature: o.temperature, normalizedCoordinates: o.normalized, version: o.version)
    return AnyTensor(try pullback(Method.Pullback.first(g, op: Method.spatialSoftArgmax2d.name)))
}

extension KeypointMethod {
    /// One soft-argmax point per map (`spatial_soft_argmax2d`), valued 1.
    public static let spatialSoftArgmax2d = KeypointMethod(
        name: Method.spatialSoftArgmax2d.name,
        summary: "one point per channel: the expectation of the softmax over the whole map",
        inputRank: 4, settings: [.temperature],
        scriptCall: ScriptCall(Method.spatialSoftArgmax2d.name), temperatureMultiplies: true, averagesWholeMap: true, normalizes: true,
        marker: KeypointMarker(.plus, 0x00E6FF, "cyan"), explanation: .none,
        influence: KeypointInfluence { input, keypoint, axis, settings in
            try input.visit({ try softArgmaxInfluence($0, keypoint, axis, settings) }, { try softArgmaxInfluence($0, keypoint, axis, settings) })
        },
        find: { map, settings in try map.visit({ try softArgmaxPoints($0, settings) }, { try softArgmaxPoints($0, settings) }) },
        write: { x, settings in
            [ScriptStatement(["coords"], .call(Method.spatialSoftArgmax2d.name, [.name(x)], keywords: [
                ScriptKeyword("temperature", .literal(.real(settings.temperature))), settings.normalizedKeyword])),
             ScriptStatement(["kp"], .call("keypoints", [.name("coords")]))]
        })
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func softArgmaxPoints<S: SubpixScalar>(_ map: Tensor<S>, _ settings: KeypointSettings) throws -> (keypoints: KeypointList, outputShape: [Int]) {
    let coords = try spatialSoftArgmax2d(
        map, temperature: settings.temperature, normalizedCoordinates: false, eps: 1e-8, version: settings.version)
    return (try keypoints(spatialSoftArgmax: coords, values: nil), coords.shape)
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func softArgmaxInfluence<S: SubpixScalar>(_ input: Tensor<S>, _ keypoint: Keypoint, _ axis: Int, _ s: KeypointSettings) throws -> AnyTensor {
    let (coords, pullback) = try spatialSoftArgmax2dWithPullback(
        input, temperature: s.temperature, normalizedCoordinates: s.normalizedCoordinates, eps: 1e-8, version: s.version)
    let map = try KeypointInfluence.mapIndex(keypoint, coords.shape)
    return AnyTensor(try pullback(KeypointInfluence.oneHot(coords.shape, at: 2 * map + axis)))
}

extension HeatmapDecoder {
    /// kornia's soft-argmax over the whole map, in the reading's kornia release.
    public static let spatialSoftArgmax2d = HeatmapDecoder(
        name: Method.spatialSoftArgmax2d.name, glyph: "s", float32: { try softArgmaxPoint($0, $1) }, float64: { try softArgmaxPoint($0, $1) })
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func softArgmaxPoint<S: SubpixScalar>(_ maps: Tensor<S>, _ reading: HeatmapDecoder.Reading) throws -> Tensor<S> {
    try spatialSoftArgmax2d(maps, temperature: reading.temperature, normalizedCoordinates: false, eps: 1e-8, version: reading.version)
}
