import Foundation
import Subpix
import SubpixLanguage
import SubpixPictures

/// What the viewer's colour scale spans (`view.range`).
public enum ColorRange: Sendable, Hashable {
    /// Each map (and each depth slice) its own finite min … max (`None`).
    case map
    /// The finite min … max of the whole tensor, so maps compare (`"tensor"`).
    case tensor
    /// A fixed range (`(0, 1)`).
    case fixed(Double, Double)

    /// The next mode of the viewer's key: map → tensor → (0, 1) → map.
    public var next: ColorRange {
        switch self {
        case .map: .tensor
        case .tensor: .fixed(0, 1)
        case .fixed: .map
        }
    }

    /// How the colour bar names it.
    public var label: String {
        switch self {
        case .map: "per map"
        case .tensor: "per tensor"
        case .fixed(let low, let high): String(format: "fixed %g…%g", low, high)
        }
    }
}

/// Everything the viewer shows, as plain values in the shared `Session`.
///
/// Each field is settable by an ordinary script statement, `view.<field> = value`,
/// with the field's snake_case name (`view.temperature = 2.5`,
/// `view.kernel_size = (5, 5)`, `view.method = "conv_quad_interp3d"`), or by the
/// typed ``ViewChange`` journaled as that statement, so a viewer session is a
/// script that `subpix run` can replay.
public struct ViewSettings: Sendable, Hashable {
    /// Name of the session variable being viewed (`nil`: the session's last tensor).
    public var input: String?
    /// The method whose keypoints are overlaid and listed.
    public var method: KeypointMethod = .initialForMaps
    /// Overlay the keypoints of every applicable method at once, to compare them.
    public var compare: Bool = false
    /// Draw the keypoint and ground-truth markers (off: the map alone).
    public var markers: Bool = true
    /// The gradient overlay: the influence `∂(x or y of the keypoint nearest the
    /// cursor) / ∂map` drawn over the heatmap (`nil`: off).
    public var influence: CoordinateAxis?
    /// Soft-argmax temperature: it divides the map (in kornia 0.7's `spatial_soft_argmax2d` it multiplies).
    public var temperature: Double = 1.0
    /// The kornia release the methods follow: the session's (``Session/kornia``), so
    /// what the view computes keys on it; not a `view.<field>` (`--kornia` chooses it).
    public internal(set) var kornia: KorniaVersion = .default
    /// Window size (H, W) of `conv_soft_argmax2d`/`3d` and `nms2d`.
    public var kernelSize: [Int] = [3, 3]
    /// Window stride (H, W).
    public var stride: [Int] = [1, 1]
    /// Zero padding (H, W).
    public var padding: [Int] = [1, 1]
    /// Window depth, stride and padding along D for the 3D methods.
    public var depthKernel: Int = 3
    public var depthStride: Int = 1
    public var depthPadding: Int = 1
    /// Report coordinates normalised to [-1, 1] instead of pixels.
    public var normalizedCoordinates: Bool = false
    /// Strict-maxima bonus; `nil` uses the method's kornia default (0 for
    /// `conv_soft_argmax3d`, 10 for the quad-interp methods).
    public var strictMaximaBonus: Double?
    /// Iterations of `iterative_quad_interp3d`.
    public var nIters: Int = 5
    /// Selected batch, channel and depth slice.
    public var batch: Int = 0
    public var channel: Int = 0
    public var depth: Int = 0
    /// 3D keypoints within this many slices of `depth` are shown on the slice.
    public var depthBand: Int = 0
    /// At most this many keypoints per map are listed and drawn.
    public var topK: Int = 50
    /// Keypoints of the windowed methods whose value is below this fraction of
    /// the map's largest value are dropped (`nil`: no threshold); with
    /// ``thresholdMode`` a fraction of the tensor's largest value, or a value itself.
    public var threshold: Double? = 0.1
    /// What ``threshold`` is measured against.
    public var thresholdMode: ThresholdMode = .map
    /// A map lists keypoints only when its peak stands at least this many noise σ
    /// over its median (``ConfidenceRule/minimumProminence``; `nil`: not checked).
    public var confidence: Double? = 8
    /// …and when its height is at least this share of the tensor's tallest map
    /// height (``ConfidenceRule/minimumShare``; `nil`: not checked).
    public var confidenceShare: Double? = 0.05
    /// Keypoints whose value is below this are dropped (`nil`: keep all).
    public var minValue: Double?
    public var palette: PaletteName = .auto
    /// The values the colour scale spans: each map's own range, the whole tensor's, or a fixed one.
    public var range: ColorRange = .map
    /// How a block of data pixels becomes one screen pixel when the map is larger than the pane.
    public var resample: BlockReduction = .max

    public init() {}
}

extension ViewSettings {
    /// The rule that decides whether a map has a peak at all (``confidence``, ``confidenceShare``).
    public var confidenceRule: ConfidenceRule {
        ConfidenceRule(minimumProminence: confidence, minimumShare: confidenceShare)
    }

    /// The padding that goes with a new kernel size: on each axis whose padding is at
    /// kernel // 2 it follows to the new kernel's half, elsewhere it stays, lowered only
    /// as far as the new kernel requires. The one rule for `k`/`K` and for a statement
    /// that sets `view.kernel_size` without `view.padding`.
    public func padding(forKernel kernel: [Int]) -> [Int] {
        (0..<2).map { axis in
            let largest = WindowAxis.largestPadding(kernel: kernel[axis])
            return padding[axis] == WindowAxis.largestPadding(kernel: kernelSize[axis]) ? largest : min(padding[axis], largest)
        }
    }

    /// The value of the setting a script calls `view.<field>` (`"kernel_size"` → `(3, 3)`).
    ///
    /// - Throws: ``ScriptError`` for an unknown field, with a suggestion.
    public func value(of field: String) throws -> Value {
        try ViewSettingsFields.value(of: field, in: self)
    }
}
