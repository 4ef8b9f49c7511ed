import Subpix
import SubpixLanguage
import SubpixPictures

/// One change of a view setting, made from a typed value: `.temperature(0.8)`,
/// `.kernelSize([5, 5])`, `.method(.nms2d)`.
///
/// The viewer's keys, its live frames and the command line change the view with
/// these, through ``Session/apply(_:)``: no statement text is built or parsed.
/// A change holds its field and the value a script would assign, so the one set
/// of rules in ``ViewSettingsFields`` checks typed changes and `view.<field> = ...`
/// statements alike, and the journal prints it as the statement it corresponds
/// to (``statement(_:)``).
///
/// ```swift
/// try session.apply([.kernelSize([5, 5]), .padding([2, 2])])
/// session.journal.last   // "view.kernel_size, view.padding = (5, 5), (2, 2)"
/// ```
public struct ViewChange: Sendable, Equatable {
    /// The snake_case name of the field it sets (`kernel_size`).
    public let field: String
    /// The value, as a script assigns it (`(5, 5)`).
    public let value: Value

    /// A change the session's own script calls imply (``ScriptViewSettings``), whose value is a script's.
    init(field: String, value: Value) {
        self.field = field
        self.value = value
    }
}

/// One factory per ``ViewSettings`` field, named after it and taking its type;
/// each sets the `view.<field>` of the same snake_case name.
extension ViewChange {
    /// The tensor variable shown (`nil`: the last assigned tensor).
    public static func input(_ name: String?) -> ViewChange { ViewChange(field: "input", value: name.map(Value.string) ?? .none) }
    /// The keypoint method overlaid and listed.
    public static func method(_ method: KeypointMethod) -> ViewChange { ViewChange(field: "method", value: .string(method.name)) }
    /// Every applicable method at once.
    public static func compare(_ on: Bool) -> ViewChange { ViewChange(field: "compare", value: .bool(on)) }
    /// The soft-argmax temperature, > 0.
    public static func temperature(_ temperature: Double) -> ViewChange { ViewChange(field: "temperature", value: .float(temperature)) }
    /// The window (H, W).
    public static func kernelSize(_ size: [Int]) -> ViewChange { ViewChange(field: "kernel_size", value: pair(size)) }
    /// The window stride (H, W).
    public static func stride(_ stride: [Int]) -> ViewChange { ViewChange(field: "stride", value: pair(stride)) }
    /// The zero padding (H, W), at most half the kernel.
    public static func padding(_ padding: [Int]) -> ViewChange { ViewChange(field: "padding", value: pair(padding)) }
    /// The window depth of the 3D methods.
    public static func depthKernel(_ size: Int) -> ViewChange { ViewChange(field: "depth_kernel", value: .int(size)) }
    /// The window stride along depth.
    public static func depthStride(_ stride: Int) -> ViewChange { ViewChange(field: "depth_stride", value: .int(stride)) }
    /// The zero padding along depth, at most half the depth kernel.
    public static func depthPadding(_ padding: Int) -> ViewChange { ViewChange(field: "depth_padding", value: .int(padding)) }
    /// Coordinates in [-1, 1] instead of pixels.
    public static func normalizedCoordinates(_ on: Bool) -> ViewChange { ViewChange(field: "normalized_coordinates", value: .bool(on)) }
    /// The strict-maxima bonus (`nil`: the method's kornia default).
    public static func strictMaximaBonus(_ bonus: Double?) -> ViewChange { ViewChange(field: "strict_maxima_bonus", value: optional(bonus)) }
    /// The iterations of `iterative_quad_interp3d`.
    public static func nIters(_ iterations: Int) -> ViewChange { ViewChange(field: "n_iters", value: .int(iterations)) }
    /// The selected batch.
    public static func batch(_ index: Int) -> ViewChange { ViewChange(field: "batch", value: .int(index)) }
    /// The selected channel.
    public static func channel(_ index: Int) -> ViewChange { ViewChange(field: "channel", value: .int(index)) }
    /// The selected depth slice of a volume.
    public static func depth(_ index: Int) -> ViewChange { ViewChange(field: "depth", value: .int(index)) }
    /// How many slices around `depth` show their 3D keypoints.
    public static func depthBand(_ slices: Int) -> ViewChange { ViewChange(field: "depth_band", value: .int(slices)) }
    /// At most this many keypoints per map.
    public static func topK(_ count: Int) -> ViewChange { ViewChange(field: "top_k", value: .int(count)) }
    /// A fraction of the map's maximum below which windowed methods drop keypoints (`nil`: off);
    /// of the tensor's maximum, or a value itself, by ``thresholdMode(_:)``.
    public static func threshold(_ fraction: Double?) -> ViewChange { ViewChange(field: "threshold", value: optional(fraction)) }
    /// What the threshold is measured against.
    public static func thresholdMode(_ mode: ThresholdMode) -> ViewChange { ViewChange(field: "threshold_mode", value: .string(mode.rawValue)) }
    /// The least prominence (noise σ) of a map's peak for it to list keypoints (`nil`: not checked).
    public static func confidence(_ prominence: Double?) -> ViewChange { ViewChange(field: "confidence", value: optional(prominence)) }
    /// The least share of the tensor's tallest peak height for a map to list keypoints (`nil`: not checked).
    public static func confidenceShare(_ share: Double?) -> ViewChange { ViewChange(field: "confidence_share", value: optional(share)) }
    /// The value below which keypoints are dropped (`nil`: keep all).
    public static func minValue(_ floor: Double?) -> ViewChange { ViewChange(field: "min_value", value: optional(floor)) }
    /// The colour ramp.
    public static func palette(_ palette: PaletteName) -> ViewChange { ViewChange(field: "palette", value: .string(palette.rawValue)) }
    /// What the colour scale spans: `None`, `"tensor"` or `(low, high)` in a script.
    public static func range(_ range: ColorRange) -> ViewChange {
        let value: Value = switch range {
        case .map: .none
        case .tensor: .string("tensor")
        case .fixed(let low, let high): .tuple([.float(low), .float(high)])
        }
        return ViewChange(field: "range", value: value)
    }
    /// How a block of data pixels becomes one screen pixel.
    public static func resample(_ reduction: BlockReduction) -> ViewChange { ViewChange(field: "resample", value: .string(reduction.rawValue)) }
    /// Draw the keypoint and ground-truth markers.
    public static func markers(_ on: Bool) -> ViewChange { ViewChange(field: "markers", value: .bool(on)) }
    /// The gradient overlay's axis (`nil`: off).
    public static func influence(_ axis: CoordinateAxis?) -> ViewChange { ViewChange(field: "influence", value: axis.map { .string($0.rawValue) } ?? .none) }

    private static func pair(_ values: [Int]) -> Value { .tuple(values.map(Value.int)) }
    private static func optional(_ number: Double?) -> Value { number.map(Value.float) ?? .none }
}

extension ViewSettings {
    /// Every field as the change that sets it to its value here, in the order `help(view)` lists them.
    public var changes: [ViewChange] { ViewSettingsFields.all.map { $0.current(self) } }

    /// Whether applying `change` would give the field another value than it has.
    public func isChanged(by change: ViewChange) -> Bool {
        (try? value(of: change.field)) != change.value
    }
}
