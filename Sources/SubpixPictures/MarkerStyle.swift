import Subpix

/// How one set of keypoints is marked: a shape and a colour (made to contrast with the
/// map underneath wherever it is drawn, see ``RGB/contrasting(against:ratio:)``).
public struct MarkerStyle: Sendable, Equatable {
    public var shape: MarkerShape
    public var color: RGB

    public init(_ shape: MarkerShape, _ color: RGB) {
        self.shape = shape
        self.color = color
    }

    /// Ground-truth peaks (of `gaussians(...)` maps).
    public static let truth = MarkerStyle(.bullseye, RGB(255, 48, 48))

    /// Each keypoint method's marker: a shape and hue of its own among the methods that
    /// are shown together (the eleven 2D methods and the ground truth; the three 3D ones).
    public static func of(_ method: KeypointMethod) -> MarkerStyle {
        MarkerStyle(method.marker.shape, RGB(hex: method.marker.color))
    }

    /// Draws the shape of `radius` pixels centred on pixel (x, y) in its colour made to
    /// contrast (≥ 3 : 1) with `background`, outlined one pixel wide in black or white,
    /// whichever stands out more from it; rows from `limit` down are left alone.
    public func draw(into image: inout RGBImage, x: Int, y: Int, radius: Double, on background: RGB, above limit: Int = .max) {
        let fill = color.contrasting(against: background)
        let outline = RGB.black.contrastRatio(with: fill) >= RGB.white.contrastRatio(with: fill) ? RGB.black : RGB.white
        let reach = Int((1.3 * radius).rounded(.up)) + 1
        func covers(_ dx: Int, _ dy: Int) -> Bool { shape.covers(dx: Double(dx), dy: Double(dy), radius: radius) }
        for dy in -reach...reach where y + dy < limit {
            for dx in -reach...reach {
                if covers(dx, dy) {
                    image[x + dx, y + dy] = fill
                } else if covers(dx - 1, dy) || covers(dx + 1, dy) || covers(dx, dy - 1) || covers(dx, dy + 1) {
                    image[x + dx, y + dy] = outline
                }
            }
        }
    }

    /// Styles for sets of keypoints without a method (`save(..., keypoints=[a, b])`): the
    /// 2D methods' styles in order, all distinct.
    public static let sequence: [MarkerStyle] = KeypointMethod.all.filter { !$0.isVolumetric }.map(of)
}
