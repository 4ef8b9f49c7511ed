extension KeypointMethod {
    /// mmpose's quarter-pixel step at every NMS maximum.
    public static let quarter = PointRefiner(
        float32: { try refineQuarter($0, coords: $1) }, float64: { try refineQuarter($0, coords: $1) }
    ).keypointMethod("quarter", summary: "every NMS maximum moved ¼ pixel toward its higher neighbour per axis (mmpose)", scriptCall: ScriptCall("refine_quarter"), marker: KeypointMarker(.square, 0xFF8C00, "orange"), explanation: .quarterStep) { x in
        .call("refine_quarter", [.name(x), .name("maxima")])
    }
}

extension HeatmapDecoder {
    /// The maximum moved a quarter pixel toward the higher neighbour (`refine_keypoints`).
    public static let quarter = HeatmapDecoder(
        name: "quarter", glyph: "q",
        float32: { maps, _ in try refineQuarter(maps, coords: heatmapMaximum(maps).coords) },
        float64: { maps, _ in try refineQuarter(maps, coords: heatmapMaximum(maps).coords) })
}
