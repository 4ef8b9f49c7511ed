extension KeypointMethod {
    /// photutils' centre of mass of the whole map: one point, valued 1 as
    /// `keypoints(coords)` gives it (none when the map has no mass, NaN).
    public static let centroidCOM = KeypointMethod(
        name: "centroid_com",
        summary: "one point per map: centre of mass of the whole map (photutils)",
        inputRank: 4, settings: [], scriptCall: ScriptCall("centroid_com"), normalizes: false,
        marker: KeypointMarker(.asterisk, 0xFFFFFF, "white"), explanation: .wholeMap,
        find: { map, _ in try map.visit(centreOfMassPoint, centreOfMassPoint) },
        write: { x, _ in [ScriptStatement(["kp"], .call("keypoints", [.call("centroid_com", [.name(x)])]))] })
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func centreOfMassPoint<S: SubpixScalar>(_ map: Tensor<S>) throws -> (keypoints: KeypointList, outputShape: [Int]) {
    let coords = try centroidCOM(map)
    return (try keypoints(spatialSoftArgmax: coords, values: nil), coords.shape)
}

extension HeatmapDecoder {
    /// photutils' centre of mass of the whole map.
    public static let centroidCOM = HeatmapDecoder(
        name: "centroid_com", glyph: "m", float32: { maps, _ in try Subpix.centroidCOM(maps) }, float64: { maps, _ in try Subpix.centroidCOM(maps) })
}
