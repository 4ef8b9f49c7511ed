extension Method {
    /// kornia's `conv_soft_argmax3d(input, kernel_size=(3, 3, 3), stride=(1, 1, 1), padding=(1, 1, 1),
    /// temperature=1.0, normalized_coordinates=False, eps=1e-8, output_value=True, strict_maxima_bonus=0.0)`
    /// (kornia 0.9: `strict_maxima_bonus=None`, deprecated and ignored).
    public static let convSoftArgmax3d = Method(
        name: "conv_soft_argmax3d", family: .kornia, inputRank: 5,
        parameters: [
            .required("input", .tensor, "(B, C, D, H, W) volumes"),
            .defaulted("kernel_size", .integers(count: 3), .integers([3, 3, 3]), "window (D, H, W)").bounded(.above(0)),
            .defaulted("stride", .integers(count: 3), .integers([1, 1, 1]), "window stride (D, H, W)").bounded(.above(0)),
            .defaulted("padding", .integers(count: 3), .integers([1, 1, 1]), "zero padding (D, H, W), at most half the kernel").bounded(.atLeast(0)),
            .defaulted("temperature", .number, .real(1), "divides the input before the softmax").bounded(.above(0)),
            .defaulted("normalized_coordinates", .flag, .bool(false), "coordinates in [-1, 1] instead of voxels"),
            .defaulted("eps", .number, .real(1e-8), "added to each window's sum of exponentials (kornia 0.9 ignores it)"),
            .defaulted("output_value", .flag, .bool(true), "also return each window's soft-pooled value"),
            .defaulted("strict_maxima_bonus", .number, .real(KorniaDefaults.convSoftArgmax3dStrictMaximaBonus),
                       "values at strict 3D maxima are multiplied by (1 + bonus) (kornia 0.9: deprecated, ignored)")
                .defaulting(to: .none, in: .v0_9)
                .deprecated(since: .v0_9, strictMaximaBonusNote),
        ],
        summary: "soft-argmax of every 3D window of (B, C, D, H, W) -> coords (B, C, 3, Do, Ho, Wo) in (d, x, y)[, values]; temperature DIVIDES",
        details: "kornia 0.7: values at strict 3D maxima are multiplied by (1 + strict_maxima_bonus). Sizes follow the same formula per axis.",
        pullback: Pullback(inputs: ["input"], outputCount: { try $0.bool("output_value") ? 2 : 1 }) { a, g in
            let (options, bonus) = (try WindowedOptions(a), try strictMaximaBonus(a))
            return [try a.tensor("input").visit({ try windowed3dGradient($0, options, bonus, g) }, { try windowed3dGradient($0, options, bonus, g) })]
        }
    ) { a in
        let (options, bonus) = (try WindowedOptions(a), try strictMaximaBonus(a))
        return try a.tensor("input").visit({ try windowed3d($0, options, bonus) }, { try windowed3d($0, options, bonus) })
    }
}

/// The call's strict-maxima bonus: kornia 0.7.4's number; kornia 0.9 deprecated it
/// and ignores it (0, whatever was given).
private func strictMaximaBonus(_ a: Method.Arguments) throws -> Double {
    guard a.version == .v0_7 else { return 0 }
    return try a.double("strict_maxima_bonus")
}

// Never specialised here (see `SpatialSoftmax2dMethod.swift`).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func windowed3d<S: SubpixScalar>(_ input: Tensor<S>, _ o: WindowedOptions, _ bonus: Double) throws -> [Method.Output] {
    WindowedOptions.outputs(try convSoftArgmax3d(
        input, kernelSize: o.kernel, stride: o.stride, padding: o.padding, temperature: o.temperature,
        normalizedCoordinates: o.normalized, eps: o.eps, outputValue: o.outputValue, strictMaximaBonus: bonus, version: o.version))
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func windowed3dGradient<S: SubpixScalar>(
    _ input: Tensor<S>, _ o: WindowedOptions, _ bonus: Double, _ g: [AnyTensor?]
) throws -> AnyTensor {
    let (_, pullback) = try convSoftArgmax3dWithPullback(
        input, kernelSize: o.kernel, stride: o.stride, padding: o.padding, temperature: o.temperature,
        normalizedCoordinates: o.normalized, eps: o.eps, outputValue: o.outputValue, strictMaximaBonus: bonus, version: o.version)
    return AnyTensor(try pullback(Method.Pullback.first(g, op: Method.convSoftArgmax3d.name), Method.Pullback.cotangent(g, 1)))
}

extension KeypointMethod {
    /// The windows of `conv_soft_argmax3d` whose pooled value is a strict 3 × 3 × 3 maximum.
    public static let convSoftArgmax3d = KeypointMethod(
        name: Method.convSoftArgmax3d.name,
        summary: "3D window soft-argmax at 3×3×3 maxima of the pooled values",
        inputRank: 5,
        settings: [.temperature, .kernelSize, .stride, .padding, .depthWindow, .strictMaximaBonus, .threshold, .minValue, .topK],
        scriptCall: ScriptCall(Method.convSoftArgmax3d.name), defaultStrictMaximaBonus: KorniaDefaults.convSoftArgmax3dStrictMaximaBonus,
        normalizes: true, marker: KeypointMarker(.diamond, 0xFFAA00, "orange"), explanation: .none,
        find: { map, settings in try map.visit({ try windowPoints3d($0, settings) }, { try windowPoints3d($0, settings) }) },
        write: { x, settings in
            let bonus = settings.strictMaximaBonus ?? KorniaDefaults.convSoftArgmax3dStrictMaximaBonus
            return [
                ScriptStatement(["coords", "vals"], .call(Method.convSoftArgmax3d.name, [.name(x)], keywords: [
                    ScriptKeyword("kernel_size", .literal(.integers([settings.depthKernel] + settings.kernelSize))),
                    ScriptKeyword("stride", .literal(.integers([settings.depthStride] + settings.stride))),
                    ScriptKeyword("padding", .literal(.integers([settings.depthPadding] + settings.padding))),
                    ScriptKeyword("temperature", .literal(.real(settings.temperature))),
                    settings.normalizedKeyword, ScriptKeyword("output_value", .literal(.bool(true)))]
                    // kornia 0.9 deprecated the bonus: a script for it leaves it out.
                    + (settings.version == .v0_7 ? [ScriptKeyword("strict_maxima_bonus", .literal(.real(bonus)))] : []))),
                ScriptStatement(["kp"], .keypoints([.name("coords"), .name("vals")], maskOf: "vals", window: [3, 3, 3],
                                                   settings.filterKeywords)),
            ]
        })
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func windowPoints3d<S: SubpixScalar>(_ map: Tensor<S>, _ s: KeypointSettings) throws -> (keypoints: KeypointList, outputShape: [Int]) {
    let (coords, values) = try convSoftArgmax3d(
        map, kernelSize: [s.depthKernel] + s.kernelSize, stride: [s.depthStride] + s.stride, padding: [s.depthPadding] + s.padding,
        temperature: s.temperature, normalizedCoordinates: false, eps: 1e-8, outputValue: true,
        strictMaximaBonus: s.strictMaximaBonus ?? KorniaDefaults.convSoftArgmax3dStrictMaximaBonus, version: s.version)
    let pooled = values ?? map
    let points = try keypoints(coords: coords, values: pooled, mask: nms3dMask(pooled, kernelSize: [3, 3, 3]), topK: s.topK, minValue: s.minValue)
    return (points, coords.shape)
}
