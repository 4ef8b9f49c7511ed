import Subpix

/// A coordinate of a 2D keypoint.
public enum CoordinateAxis: String, Sendable, CaseIterable {
    case x, y

    /// 0 for x, 1 for y: the coordinate's place in an `(x, y)` pair.
    public var index: Int { self == .x ? 0 : 1 }

    /// The axis after this one (`x` → `y` → `x`).
    public var next: CoordinateAxis { self == .x ? .y : .x }
}

/// The gradient overlay's and `influence(...)`'s helpers around the methods'
/// influence maps (``KeypointMethod/influence(of:axis:in:with:)``).
public enum Influence {
    /// The methods with an influence map: the 2D ones.
    public static var methods: [KeypointMethod] { KeypointMethod.all.filter { $0.influence != nil } }

    /// `(Σ |g| within radius of (x, y), Σ |g| elsewhere)` over `height × width` maps
    /// (one or several, one after the other).
    public static func mass(
        _ maps: [Double], height: Int, width: Int, near point: (x: Double, y: Double), radius: Double = 2
    ) -> (near: Double, elsewhere: Double) {
        var (near, elsewhere) = (0.0, 0.0)
        let plane = max(1, height * width)
        for (index, value) in maps.enumerated() {
            let (row, column) = (index % plane).quotientAndRemainder(dividingBy: max(1, width))
            let (dx, dy) = (Double(column) - point.x, Double(row) - point.y)
            if dx * dx + dy * dy <= radius * radius { near += abs(value) } else { elsewhere += abs(value) }
        }
        return (near, elsewhere)
    }
}
