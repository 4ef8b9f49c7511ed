extension KeypointMethod {
    /// DARK's Newton step at every NMS maximum.
    public static let dark = PointRefiner(
        float32: { try refineDark($0, coords: $1) }, float64: { try refineDark($0, coords: $1) }
    ).keypointMethod("dark", summary: "every NMS maximum after DARK's Newton step on the log of the blurred map", scriptCall: ScriptCall("refine_dark"), marker: KeypointMarker(.hollowDiamond, 0xFF78A0, "rose"), explanation: .darkStep(udp: false)) { x in
        .call("refine_dark", [.name(x), .name("maxima")])
    }

    /// UDP's DARK step at every NMS maximum.
    public static let darkUDP = PointRefiner(
        float32: { try refineDarkUDP($0, coords: $1) }, float64: { try refineDarkUDP($0, coords: $1) }
    ).keypointMethod("dark_udp", summary: "every NMS maximum after UDP's variant of the step", scriptCall: ScriptCall("refine_dark_udp"), marker: KeypointMarker(.hollowTriangle, 0xC8FF50, "lime"), explanation: .darkStep(udp: true)) { x in
        .call("refine_dark_udp", [.name(x), .name("maxima")])
    }
}

extension HeatmapDecoder {
    /// DARK's Newton step from the maximum (blur kernel 11).
    public static let dark = HeatmapDecoder(
        name: "dark", glyph: "d",
        float32: { maps, _ in try refineDark(maps, coords: heatmapMaximum(maps).coords) },
        float64: { maps, _ in try refineDark(maps, coords: heatmapMaximum(maps).coords) })

    /// UDP's DARK step from the maximum (blur kernel 11).
    public static let darkUDP = HeatmapDecoder(
        name: "dark_udp", glyph: "u",
        float32: { maps, _ in try refineDarkUDP(maps, coords: heatmapMaximum(maps).coords) },
        float64: { maps, _ in try refineDarkUDP(maps, coords: heatmapMaximum(maps).coords) })
}
