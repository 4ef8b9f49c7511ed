/// The registry: every method, listed once in each order it is shown in. This is
/// the one file (beside each method's own) that names methods; everything else
/// reaches them through these lists and the roles below.
extension Method {
    /// Every method, in the order `help()` and the docs list them.
    public static let all: [Method] = [
        spatialSoftmax2d, spatialExpectation2d, spatialSoftArgmax2d, renderGaussian2d,
        convSoftArgmax2d, convSoftArgmax3d, convQuadInterp3d, iterativeQuadInterp3d,
        nms2d, nms3d, nms3dMinmax,
    ]

    /// The method called `name`.
    ///
    /// - Throws: ``SubpixError`` naming the methods there are, for an unknown name.
    public static func named(_ name: String) throws -> Method {
        guard let method = all.first(where: { $0.name == name }) else {
            throw SubpixError("methods", "expected one of \(all.map(\.name).joined(separator: ", ")), got '\(name)'")
        }
        return method
    }

    /// The strict-maxima suppression of `(B, C, H, W)` maps (rank 4) or of
    /// `(B, C, D, H, W)` volumes (rank 5, and any other): the op whose
    /// `mask_only=True` masks `keypoints(..., mask=)` takes.
    public static func suppression(rank: Int) -> Method {
        rank == 4 ? nms2d : nms3d
    }

    /// The method examples call: kornia's windowed soft-argmax, the op subpix is built around.
    public static let featured = convSoftArgmax2d
}

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

    /// The method after this one in `methods` (the order `m` cycles), wrapping
    /// around; the first when this one is not among them; nil when `methods` is empty.
    public func next(in methods: [KeypointMethod]) -> KeypointMethod? {
        guard !methods.isEmpty else { return nil }
        return methods[((methods.firstIndex(of: self) ?? -1) + 1) % methods.count]
    }

    /// The integer strict maxima of a map (the suppression of ``Method/suppression(rank:)``): a hard argmax.
    public static let hardArgmax = nms2d

    /// The method a map opens with: the windowed soft-argmax.
    public static let initialForMaps = convSoftArgmax2d
    /// The method a volume opens with: one quadratic-interpolation step.
    public static let initialForVolumes = convQuadInterp3d

    /// The method a tensor of this rank opens with (``initialForMaps`` for maps,
    /// ``initialForVolumes`` for volumes); nil for other ranks.
    public static func initial(forRank rank: Int) -> KeypointMethod? {
        switch rank {
        case 4: initialForMaps
        case 5: initialForVolumes
        default: nil
        }
    }
}

extension HeatmapDecoder {
    /// Every decoder, in the order the accuracy lab reports them.
    public static let all: [HeatmapDecoder] = [
        argmax, .quarter, .parabola, .gaussian, .centroid3, .centroidCOM, .quadratic, .dark, .darkUDP,
        .spatialSoftArgmax2d, .convSoftArgmax2d, .nms2d,
    ]
}
