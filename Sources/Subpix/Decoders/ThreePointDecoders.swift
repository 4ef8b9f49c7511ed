extension KeypointMethod {
    /// OpenPIV's 3-point parabola at every NMS maximum.
    public static let parabola = threePoint("parabola", .parabolic, summary: "one point per map: OpenPIV's 3-point parabola at the maximum", marker: KeypointMarker(.triangle, 0x78C8FF, "light blue"))
    /// OpenPIV's 3-point Gaussian (log-parabola) at every NMS maximum.
    public static let gaussian = threePoint("gaussian", .gaussian, summary: "one point per map: OpenPIV's 3-point log-parabola (exact on a Gaussian)", marker: KeypointMarker(.diamond, 0x78FFB4, "mint"))
    /// OpenPIV's 3-point centre of mass at every NMS maximum.
    public static let centroid3 = threePoint("centroid3", .centroid, summary: "one point per map: centre of mass of the maximum and its neighbours", marker: KeypointMarker(.triangleDown, 0xFFC878, "sand"))

    /// `subpixel_peak(x, method=fit, coords=maxima)` as the decoder `name`.
    private static func threePoint(_ name: String, _ fit: SubpixelPeakMethod, summary: String, marker: KeypointMarker) -> KeypointMethod {
        PointRefiner(
            float32: { try subpixelPeak($0, coords: $1, method: fit) }, float64: { try subpixelPeak($0, coords: $1, method: fit) }
        ).keypointMethod(name, summary: summary, scriptCall: ScriptCall("subpixel_peak", choice: ("method", fit.rawValue)), marker: marker,
                             explanation: .threePointFit(fit)) { x in
            .call("subpixel_peak", [.name(x)], keywords: [
                ScriptKeyword("method", .literal(.text(fit.rawValue))), ScriptKeyword("coords", .name("maxima"))])
        }
    }
}

extension HeatmapDecoder {
    /// OpenPIV's 3-point parabola per axis.
    public static let parabola = threePoint("parabola", "p", .parabolic)
    /// OpenPIV's 3-point Gaussian (log-parabola) per axis.
    public static let gaussian = threePoint("gaussian", "g", .gaussian)
    /// OpenPIV's 3-point centre of mass per axis.
    public static let centroid3 = threePoint("centroid3", "c", .centroid)

    private static func threePoint(_ name: String, _ glyph: Character, _ fit: SubpixelPeakMethod) -> HeatmapDecoder {
        HeatmapDecoder(name: name, glyph: glyph,
                       float32: { maps, _ in try subpixelPeak(maps, method: fit) }, float64: { maps, _ in try subpixelPeak(maps, method: fit) })
    }
}
