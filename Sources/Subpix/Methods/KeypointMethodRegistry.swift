extension KeypointMethod {
    /// Every keypoint method, in the order `m` cycles through them.
    public static let all: [KeypointMethod] = [
        spatialSoftArgmax2d, convSoftArgmax2d, nms2d,
        quarter, parabola, gaussian, centroid3, centroidCOM, quadratic, dark, darkUDP,
        convSoftArgmax3d, convQuadInterp3d, iterativeQuadInterp3d,
    ]

    /// The method called `name`, if there is one.
    public static func named(_ name: String) -> KeypointMethod? {
        all.first { $0.name == name }
    }

    /// The methods that apply to a tensor of this rank, in the order `m` cycles through them.
    public static func methods(forRank rank: Int) -> [KeypointMethod] {
        all.filter { $0.inputRank == rank }
    }

    /// The method a tensor of this rank opens with: the windowed soft-argmax for
    /// maps, one quadratic-interpolation step for volumes; nil for other ranks.
    public static func initial(forRank rank: Int) -> KeypointMethod? {
        switch rank {
        case 4: convSoftArgmax2d
        case 5: convQuadInterp3d
        default: nil
        }
    }
}
