extension KeypointMethod {
    /// photutils' least-squares quadratic around every NMS maximum.
    public static let quadratic = PointRefiner(
        float32: { try centroidQuadratic($0, coords: $1) }, float64: { try centroidQuadratic($0, coords: $1) }
    ).keypointMethod("quadratic", scriptCall: ScriptCall("centroid_quadratic"), marker: (.star, 0xA0A0FF), explanation: .wholeMap) { x in
        .call("centroid_quadratic", [.name(x)], keywords: [ScriptKeyword("coords", .name("maxima"))])
    }
}

extension HeatmapDecoder {
    /// photutils' least-squares quadratic around the maximum (5 × 5 box).
    public static let quadratic = HeatmapDecoder(
        name: "quadratic", glyph: "Q", float32: { maps, _ in try centroidQuadratic(maps) }, float64: { maps, _ in try centroidQuadratic(maps) })
}
