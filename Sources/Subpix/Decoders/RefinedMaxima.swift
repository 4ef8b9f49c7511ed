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
                try map.visit({ try refinedMaxima($0, settings, float32) }, { try refinedMaxima($0, settings, float64) })
            },
            write: { x, settings in
                [ScriptStatement(["maxima"], .keypoints([.name(x)], maskOf: x, window: settings.kernelSize, settings.filterKeywords)),
                 ScriptStatement(["kp"], call(x))]
            })
    }
}

/// The strict maxima of `map` refined by `refine`, as keypoints valued at their
/// maxima; refined points that are not finite are dropped and counted.
private func refinedMaxima<S: SubpixScalar>(
    _ map: Tensor<S>, _ settings: KeypointSettings, _ refine: (Tensor<S>, Tensor<S>) throws -> Tensor<S>
) throws -> (keypoints: KeypointList, outputShape: [Int]) {
    let maxima = try maximaPoints(map, settings)
    let coords = try Tensor<S>(shape: [1, 1, maxima.count, 2], elements: maxima.flatMap { [S($0.x), S($0.y)] })
    let refined = try refine(map, coords)
    let points = maxima.points.enumerated().map { index, point in
        Keypoint(batch: 0, channel: 0, x: Double(refined.elements[2 * index]), y: Double(refined.elements[2 * index + 1]), value: point.value)
    }
    let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
    return (KeypointList(finite, droppedNonFinite: maxima.droppedNonFinite + points.count - finite.count), coords.shape)
}
