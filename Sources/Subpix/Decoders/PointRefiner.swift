/// A field decoder that refines points on their maps, in both element types:
/// `(maps (B, K, H, W), coords (B, K, N, 2)) -> refined coords`.
struct PointRefiner: Sendable {
    let float32: @Sendable (Tensor<Float>, Tensor<Float>) throws -> Tensor<Float>
    let float64: @Sendable (Tensor<Double>, Tensor<Double>) throws -> Tensor<Double>

    /// The field's decoders that refine the strict maxima of the kernel window
    /// (with `top_k`, `min_value` and the threshold), each on the map around its peak.
    func keypointMethod(
        _ name: String, summary: String, scriptCall: KeypointMethod.ScriptCall, marker: KeypointMarker,
        explanation: KeypointMethod.Explanation, call: @escaping @Sendable (_ map: String) -> ScriptExpression
    ) -> KeypointMethod {
        KeypointMethod(
            name: name, summary: summary, inputRank: 4, settings: [.kernelSize, .threshold, .minValue, .topK], scriptCall: scriptCall,
            normalizes: false, marker: marker, explanation: explanation,
            find: { map, settings in
                try map.visit({ try refinedMaxima($0, settings, name, float32) }, { try refinedMaxima($0, settings, name, float64) })
            },
            write: { x, settings in
                [ScriptStatement(["maxima"], .keypoints([.name(x)], maskOf: x, window: settings.kernelSize, settings.filterKeywords)),
                 ScriptStatement(["kp"], call(x))]
            })
    }
}

/// The strict maxima of `map` refined by `refine` (``KeypointList/refined(on:op:by:)``),
/// valued at their maxima, and the shape of the refiner's coordinates.
private func refinedMaxima<S: SubpixScalar>(
    _ map: Tensor<S>, _ settings: KeypointSettings, _ name: String, _ refine: (Tensor<S>, Tensor<S>) throws -> Tensor<S>
) throws -> (keypoints: KeypointList, outputShape: [Int]) {
    let maxima = try maximaPoints(map, settings)
    return (try maxima.refined(on: map, op: name, by: refine), [1, 1, maxima.count, 2])
}
