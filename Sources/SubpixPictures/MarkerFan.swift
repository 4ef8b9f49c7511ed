import Foundation

/// Where a picture draws its markers so that none hides another: a marker whose centre
/// lies within a marker radius of an earlier one's (several methods at one peak, in
/// compare mode) joins that one's group, and a group of `n` is fanned out on a circle
/// around its first member's centre, member `k` at angle `2πk/n` clockwise from straight
/// up, `r / sin(π/n)` away (neighbours `2r` apart, so their shapes do not overlap). A
/// marker alone stays on its point.
///
/// ```swift
/// let fan = MarkerFan(centres: [(80, 60), (82, 61), (200, 40)], radius: 10)
/// fan.centres   // [(80, 50), (80, 70), (200, 40)]: the first two side by side
/// ```
public struct MarkerFan: Sendable {
    /// Each marker's centre to draw at, in the order given.
    public let centres: [(x: Int, y: Int)]

    public init(centres points: [(x: Int, y: Int)], radius: Double) {
        var groups: [[Int]] = []
        for (index, point) in points.enumerated() {
            let near = groups.firstIndex { group in
                let anchor = points[group[0]]
                return Double((anchor.x - point.x) * (anchor.x - point.x) + (anchor.y - point.y) * (anchor.y - point.y)) < radius * radius
            }
            if let near { groups[near].append(index) } else { groups.append([index]) }
        }
        var centres = points
        for group in groups where group.count > 1 {
            let anchor = points[group[0]]
            let distance = radius / sin(Double.pi / Double(group.count))
            for (k, index) in group.enumerated() {
                let angle = 2 * Double.pi * Double(k) / Double(group.count)
                centres[index] = (anchor.x + Int((distance * sin(angle)).rounded()), anchor.y - Int((distance * cos(angle)).rounded()))
            }
        }
        self.centres = centres
    }
}
