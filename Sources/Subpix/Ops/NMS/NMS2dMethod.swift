extension Method {
    /// kornia's `nms2d(input, kernel_size, mask_only=False)`.
    public static let nms2d = Method(
        name: "nms2d", family: .kornia, inputRank: 4,
        parameters: [
            .required("input", .tensor, "(B, C, H, W) maps"),
            .required("kernel_size", .integers(count: 2), "window (H, W)").bounded(.above(0)),
            .defaulted("mask_only", .flag, .bool(false), "return the mask of maxima instead of the suppressed map"),
        ],
        summary: "strict local maxima of each (B, C, H, W) map within kernel_size: values there and 0 elsewhere, or a mask",
        details: "A pixel survives when it is larger than every other pixel of its window (kornia 0.9): plateaus and pixels whose window does not fit inside the map never do. mask_only=True gives a mask for keypoints(..., mask=); use it for signed responses, where 0 would beat a negative maximum."
    ) { a in
        let (kernel, maskOnly) = (try a.integers("kernel_size"), try a.bool("mask_only"))
        return try a.tensor("input").visit({ try suppress2d($0, kernel, maskOnly) }, { try suppress2d($0, kernel, maskOnly) })
    }
}

// Never specialised here (see `SpatialSoftmax2dMethod.swift`).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func suppress2d<S: SubpixScalar>(_ input: Tensor<S>, _ kernel: [Int], _ maskOnly: Bool) throws -> [Method.Output] {
    [maskOnly ? .mask(try nms2dMask(input, kernelSize: kernel)) : Method.Output(try nms2d(input, kernelSize: kernel))]
}

extension KeypointMethod {
    /// The strict maxima of the kernel window (a hard argmax), found band by band.
    public static let nms2d = KeypointMethod(
        name: Method.nms2d.name,
        summary: "integer strict local maxima",
        inputRank: 4, settings: [.kernelSize, .threshold, .minValue, .topK],
        scriptCall: ScriptCall(Method.nms2d.name), normalizes: true, marker: KeypointMarker(.ring, 0x5AFF5A, "green"), explanation: .none,
        // A hard argmax: piecewise constant, its gradient is zero everywhere.
        influence: KeypointInfluence { input, _, _, settings in
            try input.visit({ try hardArgmaxInfluence($0, settings) }, { try hardArgmaxInfluence($0, settings) })
        },
        find: { map, settings in
            (try map.visit({ try maximaPoints($0, settings) }, { try maximaPoints($0, settings) }), map.shape)
        },
        write: { x, settings in
            [ScriptStatement(["kp"], .keypoints([.name(x)], maskOf: x, window: settings.kernelSize,
                                                settings.filterKeywords + [settings.normalizedKeyword]))]
        })
}

/// The strict maxima of `map`'s kernel window, as keypoints (the field's decoders start from them too).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
func maximaPoints<S: SubpixScalar>(_ map: Tensor<S>, _ settings: KeypointSettings) throws -> KeypointList {
    try nms2dKeypoints(pixelsOf: map, kernelSize: settings.kernelSize, topK: settings.topK, minValue: settings.minValue)
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func hardArgmaxInfluence<S: SubpixScalar>(_ input: Tensor<S>, _ settings: KeypointSettings) throws -> AnyTensor {
    _ = try nms2dMask(input, kernelSize: settings.kernelSize)
    return AnyTensor(Tensor<S>(shape: input.shape, repeating: 0))
}

extension HeatmapDecoder {
    /// The strongest strict 3 × 3 maximum (kornia `nms2d`), integer pixels.
    public static let nms2d = HeatmapDecoder(
        name: Method.nms2d.name, glyph: "n", float32: { maps, _ in try strongestMaximum(maps) }, float64: { maps, _ in try strongestMaximum(maps) })
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func strongestMaximum<S: SubpixScalar>(_ maps: Tensor<S>) throws -> Tensor<S> {
    try heatmapMaximum(try nms2d(maps, kernelSize: [3, 3])).coords
}
