import Subpix

/// The keypoint methods the viewer can run and overlay, by their kornia names.
///
/// To add a method: a case here, its ``inputRank`` and ``parameters``, its
/// computation in `ViewMethod+Extraction.swift` and its script form in
/// `ViewMethod+Script.swift` (the compiler points at each switch), and a
/// marker in `MarkerStyle.of(_:)`. The field's decoders share
/// their computation with the accuracy lab (``HeatmapDecoder``), see
/// `ViewMethod+FieldDecoders.swift`.
public enum ViewMethod: String, Sendable, CaseIterable {
    case spatialSoftArgmax2d = "spatial_soft_argmax2d"
    case convSoftArgmax2d = "conv_soft_argmax2d"
    case nms2d = "nms2d"
    // The field's decoders (`docs/field.md`), under the accuracy lab's names.
    /// mmpose's quarter-pixel step at every NMS maximum.
    case quarter
    /// OpenPIV's 3-point parabola at every NMS maximum.
    case parabola
    /// OpenPIV's 3-point Gaussian (log-parabola) at every NMS maximum.
    case gaussian
    /// OpenPIV's 3-point centre of mass at every NMS maximum.
    case centroid3
    /// photutils' centre of mass of the whole map (one point).
    case centroidCOM = "centroid_com"
    /// photutils' least-squares quadratic around every NMS maximum.
    case quadratic
    /// DARK's Newton step at every NMS maximum.
    case dark
    /// UDP's DARK step at every NMS maximum.
    case darkUDP = "dark_udp"
    case convSoftArgmax3d = "conv_soft_argmax3d"
    case convQuadInterp3d = "conv_quad_interp3d"
    case iterativeQuadInterp3d = "iterative_quad_interp3d"

    /// The rank of the tensor the method reads: 4 for `(B, C, H, W)` maps, 5 for `(B, C, D, H, W)` volumes.
    public var inputRank: Int {
        switch self {
        case .spatialSoftArgmax2d, .convSoftArgmax2d, .nms2d: 4
        case .quarter, .parabola, .gaussian, .centroid3, .centroidCOM, .quadratic, .dark, .darkUDP: 4
        case .convSoftArgmax3d, .convQuadInterp3d, .iterativeQuadInterp3d: 5
        }
    }

    /// True for the methods that need a `(B, C, D, H, W)` volume.
    public var isVolumetric: Bool { inputRank == 5 }

    /// The view settings that change this method's keypoints, in the order the
    /// side panel shows them; the others do not apply to it and are not shown.
    public var parameters: [MethodParameter] {
        switch self {
        case .spatialSoftArgmax2d: [.temperature]
        case .convSoftArgmax2d: [.temperature, .kernelSize, .stride, .padding, .threshold, .minValue, .topK]
        case .nms2d: [.kernelSize, .threshold, .minValue, .topK]
        case .quarter, .parabola, .gaussian, .centroid3, .quadratic, .dark, .darkUDP: [.kernelSize, .threshold, .minValue, .topK]
        case .centroidCOM: []
        case .convSoftArgmax3d: [.temperature, .kernelSize, .stride, .padding, .depthWindow, .strictMaximaBonus, .threshold, .minValue, .topK]
        case .convQuadInterp3d: [.strictMaximaBonus, .threshold, .minValue, .topK]
        case .iterativeQuadInterp3d: [.nIters, .threshold, .minValue, .topK]
        }
    }

    /// kornia's strict-maxima bonus when `view.strict_maxima_bonus` is None, for the methods that take one.
    public var defaultStrictMaximaBonus: Double? {
        switch self {
        case .convSoftArgmax3d: KorniaDefaults.convSoftArgmax3dStrictMaximaBonus
        case .convQuadInterp3d: KorniaDefaults.quadInterpStrictMaximaBonus
        default: nil
        }
    }

    /// The strict-maxima bonus this method runs with under `view`: the view's,
    /// else kornia's default, else 0 (the methods that take none).
    public func strictMaximaBonus(_ view: ViewSettings) -> Double {
        view.strictMaximaBonus ?? defaultStrictMaximaBonus ?? 0
    }

    /// The methods that apply to a tensor of this rank, in the order `m` cycles through them.
    public static func methods(forRank rank: Int) -> [ViewMethod] {
        allCases.filter { $0.inputRank == rank }
    }

    /// The method a tensor of this rank opens with: the windowed soft-argmax for
    /// maps, one quadratic-interpolation step for volumes; nil for other ranks.
    public static func initial(forRank rank: Int) -> ViewMethod? {
        switch rank {
        case 4: .convSoftArgmax2d
        case 5: .convQuadInterp3d
        default: nil
        }
    }
}

/// A group of view settings a method reads (what the panel shows for it).
public enum MethodParameter: Sendable, CaseIterable {
    case temperature, kernelSize, stride, padding
    /// `depth_kernel`, `depth_stride`, `depth_padding` of the 3D window.
    case depthWindow
    case strictMaximaBonus, nIters
    /// `threshold`: keypoints below this fraction of the map's maximum are
    /// dropped (the windowed methods, whose values are window responses).
    case threshold
    /// `min_value`: keypoints below this value are dropped.
    case minValue
    case topK
}
