/// The pieces the keypoint methods' scripts share.
extension KeypointSettings {
    /// `top_k=N` and, when a bound applies, `min_value=V`.
    var filterKeywords: [ScriptKeyword] {
        [ScriptKeyword("top_k", .literal(.int(topK)))] + (minValue.map { [ScriptKeyword("min_value", .literal(.real($0)))] } ?? [])
    }

    /// `normalized_coordinates=B`.
    var normalizedKeyword: ScriptKeyword {
        ScriptKeyword("normalized_coordinates", .literal(.bool(normalizedCoordinates)))
    }
}

extension ScriptExpression {
    /// `keypoints(arguments..., mask=suppression(source, window, mask_only=True), keywords...)`,
    /// with the strict-maxima suppression of the window's rank (``Method/suppression(rank:)``).
    static func keypoints(
        _ arguments: [ScriptExpression], maskOf source: String, window: [Int], _ keywords: [ScriptKeyword]
    ) -> ScriptExpression {
        let suppression = Method.suppression(rank: window.count + 2).name
        let mask = ScriptExpression.call(suppression, [.name(source), .literal(.integers(window))], ["mask_only": .bool(true)])
        return .call("keypoints", arguments, keywords: [ScriptKeyword("mask", mask)] + keywords)
    }
}
