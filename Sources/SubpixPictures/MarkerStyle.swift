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

    /// Styles for sets of keypoints without a method (`save(..., keypoints=[a, b])`): the
    /// 2D methods' styles in order, all distinct.
    public static let sequence: [MarkerStyle] = KeypointMethod.all.filter { !$0.isVolumetric }.map(of)
}
