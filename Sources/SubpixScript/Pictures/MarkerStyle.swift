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

    /// Each viewer method's marker: a shape and hue of its own among the methods that
    /// are shown together (the eleven 2D methods and the ground truth; the three 3D ones).
    public static func of(_ method: ViewMethod) -> MarkerStyle {
        switch method {
        case .spatialSoftArgmax2d: MarkerStyle(.plus, RGB(0, 230, 255))
        case .convSoftArgmax2d: MarkerStyle(.cross, RGB(255, 90, 210))
        case .nms2d: MarkerStyle(.ring, RGB(90, 255, 90))
        case .quarter: MarkerStyle(.square, RGB(255, 140, 0))
        case .parabola: MarkerStyle(.triangle, RGB(120, 200, 255))
        case .gaussian: MarkerStyle(.diamond, RGB(120, 255, 180))
        case .centroid3: MarkerStyle(.triangleDown, RGB(255, 200, 120))
        case .centroidCOM: MarkerStyle(.asterisk, RGB(255, 255, 255))
        case .quadratic: MarkerStyle(.star, RGB(160, 160, 255))
        case .dark: MarkerStyle(.hollowDiamond, RGB(255, 120, 160))
        case .darkUDP: MarkerStyle(.hollowTriangle, RGB(200, 255, 80))
        case .convSoftArgmax3d: MarkerStyle(.diamond, RGB(255, 170, 0))
        case .convQuadInterp3d: MarkerStyle(.triangle, RGB(255, 255, 60))
        case .iterativeQuadInterp3d: MarkerStyle(.square, RGB(190, 140, 255))
        }
    }

    /// Styles for sets of keypoints without a method (`save(..., keypoints=[a, b])`): the
    /// 2D methods' styles in order, all distinct.
    public static let sequence: [MarkerStyle] = ViewMethod.allCases.filter { !$0.isVolumetric }.map(of)
}
