extension Method {
    /// kornia's `conv_soft_argmax2d(input, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1),
    /// temperature=1.0, normalized_coordinates=True, eps=1e-8, output_value=False)`.
    public static let convSoftArgmax2d = Method(
        name: "conv_soft_argmax2d", family: .kornia, inputRank: 4,
        parameters: [
            .required("input", .tensor, "(B, C, H, W) maps"),
            .defaulted("kernel_size", .integers(count: 2), .integers([3, 3]), "window (H, W)").bounded(.above(0)),
            .defaulted("stride", .integers(count: 2), .integers([1, 1]), "window stride (H, W)").bounded(.above(0)),
            .defaulted("padding", .integers(count: 2), .integers([1, 1]), "zero padding (H, W), at most half the kernel").bounded(.atLeast(0)),
            .defaulted("temperature", .number, .real(1), "divides the input before the softmax").bounded(.above(0)),
            .defaulted("normalized_coordinates", .flag, .bool(true), "coordinates in [-1, 1] instead of pixels"),
            .defaulted("eps", .number, .real(1e-8), "added to each window's sum of exponentials (kornia 0.9 ignores it)"),
            .defaulted("output_value", .flag, .bool(false), "also return each window's soft-pooled value"),
        ],
        summary: "soft-argmax of every window of (B, C, H, W) -> coords (B, C, 2, Ho, Wo) in (x, y)[, values (B, C, Ho, Wo)]; temperature DIVIDES",
        details: "Ho = floor((H + 2*padding - (kernel_size - 1) - 1) / stride) + 1; padding <= kernel_size / 2. Returns (coords, values) when output_value=True.",
        pullback: Pullback(inputs: ["input"], outputCount: { try $0.bool("output_value") ? 2 : 1 }) { a, g in
            let options = try WindowedOptions(a)
            return [try a.tensor("input").visit({ try windowed2dGradient($0, options, g) }, { try windowed2dGradient($0, options, g) })]
        }
    ) { a in
        let options = try WindowedOptions(a)
        return try a.tensor("input").visit({ try windowed2d($0, options) }, { try windowed2d($0, options) })
    }
}

/// The keyword arguments the windowed soft-argmax ops share, and the kornia release of the call.
struct WindowedOptions: Sendable {
    var kernel: [Int], stride: [Int], padding: [Int]
    var temperature: Double, normalized: Bool, eps: Double, outputValue: Bool
    var version: KorniaVersion

    init(_ a: Method.Arguments) throws {
        (kernel, stride, padding) = (try a.integers("kernel_size"), try a.integers("stride"), try a.integers("padding"))
        (temperature, normalized) = (try a.double("temperature"), try a.bool("normalized_coordinates"))
        (eps, outputValue) = (try a.double("eps"), try a.bool("output_value"))
        version = a.version
    }

    /// `coords` alone, or `coords` and `values` when values were asked for.
    static func outputs<S: SubpixScalar>(_ result: (coords: Tensor<S>, values: Tensor<S>?)) -> [Method.Output] {
        [Method.Output(result.coords)] + (result.values.map { [Method.Output($0)] } ?? [])
    }
}

// Never specialised here (see `SpatialSoftmax2dMethod.swift`).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func windowed2d<S: SubpixScalar>(_ input: Tensor<S>, _ o: WindowedOptions) throws -> [Method.Output] {
    WindowedOptions.outputs(try convSoftArgmax2d(
        input, kernelSize: o.kernel, stride: o.stride, padding: o.padding, temperature: o.temperature,
        normalizedCoordinates: o.normalized, eps: o.eps, outputValue: o.outputValue, version: o.version))
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func windowed2dGradient<S: SubpixScalar>(_ input: Tensor<S>, _ o: WindowedOptions, _ g: [AnyTensor?]) throws -> AnyTensor {
    let (_, pullback) = try convSoftArgmax2dWithPullback(
        input, kernelSize: o.kernel, stride: o.stride, padding: o.padding, temperature: o.temperature,
        normalizedCoordinates: o.normalized, eps: o.eps, outputValue: o.outputValue, version: o.version)
    return AnyTensor(try pullback(Method.Pullback.first(g, op: Method.convSoftArgmax2d.name), Method.Pullback.cotangent(g, 1)))
}

extension KeypointMethod {
    /// The windows of `conv_soft_argmax2d` whose pooled value is a maximum among
    /// the windows within `2k − 1` (one window per peak), found band by band.
    public static let convSoftArgmax2d = KeypointMethod(
        name: Method.convSoftArgmax2d.name,
        summary: "window soft-argmax at the windows whose soft-pooled value is a strict maximum of its `(2k−1)×(2k−1)` neighbourhood of windows (NMS; `k` the kernel size, wide enough that one window per peak survives), top_k per map (temperature divides)",
        inputRank: 4,
        settings: [.temperature, .kernelSize, .stride, .padding, .threshold, .minValue, .topK],
        scriptCall: ScriptCall(Method.convSoftArgmax2d.name), normalizes: true, marker: KeypointMarker(.cross, 0xFF5AD2, "pink"), explanation: .window,
        influence: KeypointInfluence { input, keypoint, axis, settings in
            try input.visit({ try windowInfluence($0, keypoint, axis, settings) }, { try windowInfluence($0, keypoint, axis, settings) })
        },
        find: { map, settings in try map.visit({ try windowPoints($0, settings) }, { try windowPoints($0, settings) }) },
        findEveryMap: { maps, settings, floors in
            try maps.visit({ try denseWindowPoints($0, settings, floors) }, { try denseWindowPoints($0, settings, floors) })
        },
        write: { x, settings in
            let suppression = settings.kernelSize.map { 2 * $0 - 1 }
            return [
                ScriptStatement(["coords", "vals"], .call(Method.convSoftArgmax2d.name, [.name(x)], keywords: [
                    ScriptKeyword("kernel_size", .literal(.integers(settings.kernelSize))),
                    ScriptKeyword("stride", .literal(.integers(settings.stride))),
                    ScriptKeyword("padding", .literal(.integers(settings.padding))),
                    ScriptKeyword("temperature", .literal(.real(settings.temperature))),
                    settings.normalizedKeyword, ScriptKeyword("output_value", .literal(.bool(true)))])),
                ScriptStatement(["kp"], .keypoints([.name("coords"), .name("vals")], maskOf: "vals", window: suppression,
                                                   settings.filterKeywords)),
            ]
        })
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func windowPoints<S: SubpixScalar>(_ map: Tensor<S>, _ s: KeypointSettings) throws -> (keypoints: KeypointList, outputShape: [Int]) {
    try convSoftArgmax2dKeypoints(
        map, kernelSize: s.kernelSize, stride: s.stride, padding: s.padding, temperature: s.temperature, eps: s.eps,
        suppression: s.kernelSize.map { 2 * $0 - 1 }, topK: s.topK, minValue: s.minValue, bandElements: 1 << 16, version: s.version)
}

private func denseWindowPoints<S: SubpixScalar>(_ maps: Tensor<S>, _ s: KeypointSettings, _ floors: [Double]) throws -> KeypointList {
    try convSoftArgmax2dDenseKeypoints(
        maps, kernelSize: s.kernelSize, stride: s.stride, padding: s.padding, temperature: s.temperature, eps: s.eps,
        suppression: s.kernelSize.map { 2 * $0 - 1 }, topK: s.topK, minValue: s.minValue, mapFloors: floors, version: s.version)
}

/// The influence of the window of the keypoint's map whose coordinates are the keypoint's.
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func windowInfluence<S: SubpixScalar>(_ input: Tensor<S>, _ keypoint: Keypoint, _ axis: Int, _ s: KeypointSettings) throws -> AnyTensor {
    let (value, pullback) = try convSoftArgmax2dWithPullback(
        input, kernelSize: s.kernelSize, stride: s.stride, padding: s.padding, temperature: s.temperature,
        normalizedCoordinates: s.normalizedCoordinates, eps: s.eps, outputValue: false, version: s.version)
    let index = try windowIndex(of: keypoint, in: value.coords, axis: axis, normalized: s.normalizedCoordinates,
                                inputSize: (input.shape[2], input.shape[3]))
    return AnyTensor(try pullback(KeypointInfluence.oneHot(value.coords.shape, at: index), nil))
}

/// The flat index in `coords` (`(B, C, 2, H', W')`) of the keypoint's `axis`
/// coordinate: the window of its map whose (x, y) are nearest the keypoint's
/// (in pixels; the coordinates are normalised to [-1, 1] when `normalized`).
private func windowIndex<S: SubpixScalar>(
    of keypoint: Keypoint, in coords: Tensor<S>, axis: Int, normalized: Bool, inputSize: (height: Int, width: Int)
) throws -> Int {
    let map = try KeypointInfluence.mapIndex(keypoint, coords.shape)
    var keypoint = keypoint
    if normalized {
        keypoint.x = 2 * keypoint.x / max(Double(inputSize.width - 1), 1e-8) - 1
        keypoint.y = 2 * keypoint.y / max(Double(inputSize.height - 1), 1e-8) - 1
    }
    let windows = coords.shape[3] * coords.shape[4]
    let base = map * 2 * windows
    var best: (distance: Double, window: Int)?
    for window in 0..<windows {
        let (dx, dy) = (Double(coords.elements[base + window]) - keypoint.x, Double(coords.elements[base + windows + window]) - keypoint.y)
        let distance = dx * dx + dy * dy
        if distance < best?.distance ?? .infinity { best = (distance, window) }
    }
    guard let best else { throw SubpixError("influence", "expected a keypoint of \(Method.convSoftArgmax2d.name)'s windows, got none near (\(keypoint.x), \(keypoint.y))") }
    return base + axis * windows + best.window
}

extension HeatmapDecoder {
    /// kornia's windowed soft-argmax (3 × 3, stride 1, padding 1, temperature 1),
    /// read at the window centred on the maximum.
    public static let convSoftArgmax2d = HeatmapDecoder(
        name: Method.convSoftArgmax2d.name, glyph: "w", float32: { try windowAtMaximum($0, $1.version) }, float64: { try windowAtMaximum($0, $1.version) })
}

/// The `(B, K, 2, H, W)` window coordinates read at each map's first maximum.
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func windowAtMaximum<S: SubpixScalar>(_ heatmaps: Tensor<S>, _ version: KorniaVersion) throws -> Tensor<S> {
    let (windows, _) = try convSoftArgmax2d(
        heatmaps, kernelSize: [3, 3], stride: [1, 1], padding: [1, 1], temperature: 1, normalizedCoordinates: false,
        eps: 1e-8, outputValue: false, version: version)
    let (height, width) = (heatmaps.shape[2], heatmaps.shape[3])
    let peaks = try HeatmapBatch(heatmaps, op: Method.convSoftArgmax2d.name)
    let plane = height * width
    var index = 0
    return peaks.pointPerMap { map in
        defer { index += 1 }
        let peak = map.firstMaximum
        let base = index * 2 * plane + peak.y * width + peak.x
        return (windows.elements[base], windows.elements[base + plane])
    }
}
