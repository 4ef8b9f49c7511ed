/// The shape of a keypoint marker: one glyph that fills a terminal cell, and the same
/// shape drawn in pixels for pictures.
public enum MarkerShape: String, Sendable, CaseIterable {
    case plus, cross, ring, diamond, triangle, square, bullseye

    /// The terminal glyph (one cell wide).
    public var glyph: Character {
        switch self {
        case .plus: "+"
        case .cross: "×"
        case .ring: "○"
        case .diamond: "◆"
        case .triangle: "▲"
        case .square: "■"
        case .bullseye: "◎"
        }
    }

    /// Whether the pixel at offset (dx, dy) from the marker's centre belongs to the
    /// shape of `radius` pixels; strokes are about a third of the radius thick.
    public func covers(dx: Double, dy: Double, radius: Double) -> Bool {
        let stroke = max(1, radius / 3) / 2
        let (ax, ay) = (abs(dx), abs(dy))
        let distance = (dx * dx + dy * dy).squareRoot()
        switch self {
        case .plus: return (ax <= stroke && ay <= radius) || (ay <= stroke && ax <= radius)
        case .cross: return abs(ax - ay) <= stroke * 1.4 && max(ax, ay) <= radius * 0.75
        case .ring: return abs(distance - radius * 0.8) <= stroke
        case .diamond: return ax + ay <= radius
        case .triangle: return dy >= -radius && dy <= radius * 0.7 && ax <= (dy + radius) * 0.6
        case .square: return max(ax, ay) <= radius * 0.7
        case .bullseye: return abs(distance - radius * 0.9) <= stroke || distance <= radius * 0.3
        }
    }
}
