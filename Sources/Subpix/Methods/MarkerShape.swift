/// The shape of a keypoint marker (each ``KeypointMethod`` has its own; the
/// script layer draws them as terminal glyphs and in pictures).
public enum MarkerShape: String, Sendable, CaseIterable {
    case plus, cross, ring, diamond, triangle, square, bullseye
    case triangleDown, hollowDiamond, hollowTriangle, star, asterisk
}
