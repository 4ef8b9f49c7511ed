/// The live trails: where each listed keypoint of the shown map was in the
/// frames before, as dots that fade with age (``LiveState/trails``); hidden with the markers.
struct TrailLayer: MapLayer {
    /// 256-colour greys from the newest earlier position to the oldest.
    static let fade: [TerminalColor] = [255, 252, 249, 246, 243, 241, 239, 237]

    func draw(_ model: ViewerModel, _ place: Placement, into buffer: inout CellBuffer) {
        guard model.session.view.markers, let trails = model.live?.trails else { return }
        for trail in trails {
            // Oldest first, so a newer position drawn on the same cell wins; the newest is the keypoint itself.
            for (age, point) in trail.enumerated().dropFirst().reversed() {
                let color = Self.fade[min(age - 1, Self.fade.count - 1)]
                Marker(glyph: "·", color: color, mode: model.colorMode).mark(point.x, point.y, place, &buffer)
            }
        }
    }
}
