import Foundation
import Subpix

/// A marker shape as the terminal and pictures draw it: one glyph that fills a
/// terminal cell, and the same shape in pixels.
extension MarkerShape {
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
        case .triangleDown: "▼"
        case .hollowDiamond: "◇"
        case .hollowTriangle: "△"
        case .star: "★"
        case .asterisk: "✱"
        }
    }

    /// Whether the pixel at offset (dx, dy) from the marker's centre belongs to the
    /// shape of `radius` pixels (the bullseye's ring reaches 1.2 `radius`, around other
    /// markers at the same place); strokes are about a third of the radius thick.
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
        case .bullseye: return abs(distance - radius * 1.2) <= stroke || distance <= radius * 0.3
        case .triangleDown: return Self.triangle.covers(dx: dx, dy: -dy, radius: radius)
        case .hollowDiamond: return abs(ax + ay - radius) <= stroke * 1.4
        case .hollowTriangle:
            return Self.triangle.covers(dx: dx, dy: dy, radius: radius)
                && !Self.triangle.covers(dx: dx, dy: (dy - radius * 0.15) * 1.6, radius: radius)
        case .star:
            // Five points, one straight up: the radius swings between 0.45 r (notches) and r (tips).
            let turn = (atan2(dx, -dy) / (2 * .pi / 5)).truncatingRemainder(dividingBy: 1)
            let tip = abs(abs(turn) - 0.5) * 2
            return distance <= radius * (0.45 + 0.55 * tip * tip)
        case .asterisk:
            return Self.plus.covers(dx: dx, dy: dy, radius: radius) || Self.cross.covers(dx: dx, dy: dy, radius: radius)
        }
    }
}
