/// A way to find keypoints in one map, described once: what the viewer overlays
/// and lists, `m` cycles through, `w` writes as a script, and the side panel
/// shows the settings of.
///
/// Each method is declared in its own file, next to the op it runs
/// (`ConvSoftArgmax2dMethod.swift`) or, for the field's decoders, under
/// `Methods/Decoders/`; ``all`` lists them in the order `m` cycles.
///
/// ```swift
/// let method = try KeypointMethod.named("dark")
/// let found = try method.keypoints(of: map, with: KeypointSettings())
/// ```
public struct KeypointMethod: Sendable, Hashable, CustomStringConvertible {
    /// A setting a method reads, as the side panel groups them.
    public enum Setting: Sendable, CaseIterable {
        case temperature, kernelSize, stride, padding
        /// `depth_kernel`, `depth_stride`, `depth_padding` of the 3D window.
        case depthWindow
        case strictMaximaBonus, nIters
        /// Keypoints below this fraction of the map's maximum are dropped.
        case threshold
        /// Keypoints below this value are dropped.
        case minValue
        case topK

        /// The kornia parameter a setting stands for where kornia releases differ on it.
        var versionedParameter: String? {
            switch self {
            case .strictMaximaBonus: "strict_maxima_bonus"
            case .nIters: "n_iters"
            default: nil
            }
        }
    }

    /// What the explain pane (`x`) shows for a method at the cursor.
    public enum Explanation: Sendable, Equatable {
        /// The soft-argmax window centred on the cursor: values, exponentials, weights.
        case window
        /// One quadratic-interpolation step at the voxel under the cursor.
        case quadraticStep
        /// The iterated quadratic steps at the voxel under the cursor.
        case iteratedQuadraticSteps
        /// OpenPIV's three samples per axis at the cursor and the curve through them.
        case threePointFit(SubpixelPeakMethod)
        /// DARK's gradient, Hessian and Newton step at the cursor (UDP's variant when `udp`).
        case darkStep(udp: Bool)
        /// mmpose's neighbours and quarter step at the cursor.
        case quarterStep
        /// A field decoder of the whole map (or of a fit box around its maximum): nothing per pixel.
        case wholeMap
        /// Nothing to explain.
        case none
    }

    /// How a script selects the method: a call of `op` (with `choice`'s argument, when
    /// one op serves several methods: `subpixel_peak(method='parabolic')`).
    public struct ScriptCall: Sendable {
        public let op: String
        public let choice: (parameter: String, value: String)?

        public init(_ op: String, choice: (parameter: String, value: String)? = nil) {
            self.op = op
            self.choice = choice
        }
    }

    /// The method's name: kornia's for its ops, the accuracy lab's for the field's decoders.
    public let name: String
    /// One line: what each of its points is (the viewer's legend in `docs/viewer.md`).
    public let summary: String
    /// 4 for `(B, C, H, W)` maps, 5 for `(B, C, D, H, W)` volumes.
    public let inputRank: Int
    /// The settings that change its keypoints, in the order the side panel shows them.
    public let settings: [Setting]
    /// The call that selects it in a script.
    public let scriptCall: ScriptCall
    /// kornia's strict-maxima bonus when the view sets none (the methods that take one).
    public let defaultStrictMaximaBonus: Double?
    /// What its temperature does to the map: kornia 0.7's `spatial_soft_argmax2d` multiplies, the windowed ops divide.
    public let temperatureMultiplies: Bool

    /// Whether its temperature multiplies the map in kornia `version`: only 0.7's
    /// `spatial_soft_argmax2d` (``temperatureMultiplies``); in 0.9 temperature divides in every op.
    public func temperatureMultiplies(in version: KorniaVersion) -> Bool {
        temperatureMultiplies && version == .v0_7
    }
    /// The settings that change its keypoints in kornia `version`: those whose kornia
    /// parameter that release has and heeds (0.9 ignores the strict-maxima bonus;
    /// 0.7's `conv_quad_interp3d` has no `n_iters`).
    public func settings(in version: KorniaVersion) -> [Setting] {
        settings.filter { setting in
            guard let name = setting.versionedParameter, let parameter = kornia?.parameters.first(where: { $0.name == name }) else { return true }
            return parameter.isAvailable(in: version) && parameter.deprecationWarning(in: version) == nil
        }
    }

    /// What the explain pane shows for it in kornia `version`: 0.9's `conv_quad_interp3d`
    /// iterates as `iterative_quad_interp3d` does, 0.7's takes one step.
    public func explanation(in version: KorniaVersion) -> Explanation {
        explanation == .quadraticStep && version >= .v0_9 ? .iteratedQuadraticSteps : explanation
    }

    /// Whether the values it gives in kornia `version` include its strict-maxima
    /// bonus (``addsBonusToValues``, where that release heeds the bonus).
    public func addsBonusToValues(in version: KorniaVersion) -> Bool {
        addsBonusToValues && settings(in: version).contains(.strictMaximaBonus)
    }

    /// Whether it takes its expectation over the whole map (`spatial_soft_argmax2d`),
    /// which doubly-softmaxed and multi-modal maps mislead: `diagnose` gives those
    /// verdicts for it alone, as a windowed soft-argmax is misled by neither.
    public let averagesWholeMap: Bool
    /// Whether the values it gives include its strict-maxima bonus, added at every
    /// keypoint (`conv_quad_interp3d`), so a threshold must add it too.
    public let addsBonusToValues: Bool
    /// Whether it can give coordinates normalised to [-1, 1].
    public let normalizes: Bool
    /// Its marker in the viewer and in pictures.
    public let marker: KeypointMarker
    public let explanation: Explanation
    /// The gradient of a keypoint's coordinate with respect to the map, for the
    /// methods the gradient overlay and `influence(...)` show.
    public let influence: KeypointInfluence?
    /// The keypoints of one `(1, 1, ...)` map, and the shape of the op's coordinate output.
    let find: @Sendable (AnyTensor, KeypointSettings) throws -> (keypoints: KeypointList, outputShape: [Int])
    /// The keypoints of every map of a `(B, C, ...)` tensor in one call, each map's
    /// at least its own floor (batch-major; +∞: none) and at most `top_k` of them
    /// (``keypointsOfEveryMap(_:with:filters:)``); nil for the methods that run map by map.
    let findEveryMap: (@Sendable (AnyTensor, KeypointSettings, [Double]) throws -> KeypointList)?
    /// The script lines that list the same keypoints from the variable named by the first argument.
    let write: @Sendable (String, KeypointSettings) -> [ScriptStatement]

    public init(
        name: String, summary: String, inputRank: Int, settings: [Setting], scriptCall: ScriptCall, defaultStrictMaximaBonus: Double? = nil,
        temperatureMultiplies: Bool = false, averagesWholeMap: Bool = false, addsBonusToValues: Bool = false, normalizes: Bool, marker: KeypointMarker,
        explanation: Explanation, influence: KeypointInfluence? = nil,
        find: @escaping @Sendable (AnyTensor, KeypointSettings) throws -> (keypoints: KeypointList, outputShape: [Int]),
        findEveryMap: (@Sendable (AnyTensor, KeypointSettings, [Double]) throws -> KeypointList)? = nil,
        write: @escaping @Sendable (String, KeypointSettings) -> [ScriptStatement]
    ) {
        self.name = name
        self.summary = summary
        self.inputRank = inputRank
        self.settings = settings
        self.scriptCall = scriptCall
        self.defaultStrictMaximaBonus = defaultStrictMaximaBonus
        self.temperatureMultiplies = temperatureMultiplies
        self.averagesWholeMap = averagesWholeMap
        self.addsBonusToValues = addsBonusToValues
        self.normalizes = normalizes
        self.marker = marker
        self.explanation = explanation
        self.influence = influence
        self.find = find
        self.findEveryMap = findEveryMap
        self.write = write
    }

    public var description: String { name }

    /// The kornia op its script calls, whose parameters (kinds, bounds, docs) its
    /// settings follow; nil for the field's decoders, which are no kornia ops.
    public var kornia: Method? {
        Method.all.first { $0.name == scriptCall.op }
    }

    /// True for the methods that need a `(B, C, D, H, W)` volume.
    public var isVolumetric: Bool { inputRank == 5 }

    /// The keypoints of `map`, one `(1, 1, H, W)` map or `(1, 1, D, H, W)` volume,
    /// in pixels, best first, and the shape of the op's coordinate output.
    public func keypoints(of map: AnyTensor, with settings: KeypointSettings) throws -> (keypoints: KeypointList, outputShape: [Int]) {
        try find(map, settings)
    }

    /// The script statements that compute the same keypoints from the variable `input`,
    /// ending with `kp = keypoints(...)`.
    public func script(input: String, with settings: KeypointSettings) -> [ScriptStatement] {
        write(input, settings)
    }

    /// The strict-maxima bonus it runs with when the view's is `bonus`: the view's,
    /// else kornia's default, else 0 (the methods that take none).
    public func strictMaximaBonus(_ bonus: Double?) -> Double {
        bonus ?? defaultStrictMaximaBonus ?? 0
    }

    public static func == (lhs: KeypointMethod, rhs: KeypointMethod) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
