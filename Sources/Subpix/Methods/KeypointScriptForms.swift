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
    /// `keypoints(arguments..., mask=nms(source, window, mask_only=True), keywords...)`.
    static func keypoints(
        _ arguments: [ScriptExpression], nms: String, of source: String, window: [Int], _ keywords: [ScriptKeyword]
    ) -> ScriptExpression {
        let mask = ScriptExpression.call(nms, [.name(source), .literal(.integers(window))], ["mask_only": .bool(true)])
        return .call("keypoints", arguments, keywords: [ScriptKeyword("mask", mask)] + keywords)
    }
}
