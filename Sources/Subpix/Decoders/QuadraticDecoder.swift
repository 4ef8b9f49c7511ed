extension KeypointMethod {
    /// photutils' least-squares quadratic around every NMS maximum.
    public static let quadratic = PointRefiner(
        float32: { try centroidQuadratic($0, coords: $1) }, float64: { try centroidQuadratic($0, coords: $1) }
    ).keypointMethod("quadratic", summary: "one point per map: maximum of a 5×5 least-squares quadratic (photutils)", scriptCall: ScriptCall("centroid_quadratic"), marker: KeypointMarker(.star, 0xA0A0FF, "lavender"), explanation: .wholeMap) { x in
        .call("centroid_quadratic", [.name(x)], keywords: [ScriptKeyword("coords", .name("maxima"))])
    }
}

extension HeatmapDecoder {
    /// photutils' least-squares quadratic around the maximum (5 × 5 box).
    public static let quadratic = HeatmapDecoder(
        name: "quadratic", glyph: "Q", float32: { maps, _ in try centroidQuadratic(maps) }, float64: { maps, _ in try centroidQuadratic(maps) })
}
