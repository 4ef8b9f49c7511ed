extension KeypointMethod {
    /// The soft-argmaxes `diagnose` judges: the keypoint methods of maps that take a
    /// temperature, in the registry's order.
    public static var softArgmaxes: [KeypointMethod] {
        methods(forRank: 4).filter { $0.settings.contains(.temperature) }
    }

    /// The softmax argument scale for temperature `t`: `T · x` where the
    /// temperature multiplies (a larger T sharpens), `x / T` where it divides.
    func softmaxScale(_ t: Double) -> Double { temperatureMultiplies ? t : 1 / t }
}

/// What is wrong with a soft-argmax on one map, in plain language.
public enum Verdict: Sendable, Equatable, CustomStringConvertible {
    /// The softmax is nearly flat: the expectation is pulled `pull` px from the
    /// hard argmax; `temperature` would put 90 % of the mass near it (nil: none does).
    case flat(pull: Double, temperature: Double?, method: KeypointMethod)
    /// The input is already a probability map; a second softmax flattens it.
    case probabilityMap
    /// Several separated modes: the expectation lands between them.
    case multiModal(modes: Int)
    /// The map has NaN or infinite values: the soft-argmax of it is NaN whatever the temperature.
    case nonFinite(nans: Int, infinities: Int)

    /// A few words for a badge: `flat softmax`, `probability map`, `2 modes`, `3 NaN`.
    public var label: String {
        switch self {
        case .nonFinite(let nans, let infinities): [nans > 0 ? "\(nans) NaN" : nil, infinities > 0 ? "\(infinities) inf" : nil].compactMap { $0 }.joined(separator: ", ")
        case .flat: "flat softmax"
        case .probabilityMap: "probability map"
        case .multiModal(let modes): "\(modes) modes"
        }
    }

    public var description: String {
        switch self {
        case .flat(let pull, let temperature, let method):
            let advice = temperature.map {
                String(format: "try temperature %@ %.3g", method.temperatureMultiplies ? ">=" : "<=", $0)
            } ?? "no temperature concentrates it (the maximum is not unique)"
            return String(format: "flat: soft-argmax is pulled %.1f px toward the centre; %@", pull, advice)
        case .probabilityMap:
            return "already a probability map: apply \(Method.spatialExpectation2d.name) instead of \(Method.spatialSoftArgmax2d.name)"
        case .multiModal(let modes):
            return "\(modes) modes: the expectation lands between them; use \(Method.convSoftArgmax2d.name) + NMS"
        case .nonFinite:
            return "the map contains \(label): its soft-argmax is NaN whatever the temperature (find where they come from, or replace them)"
        }
    }
}

/// The measures of one (batch, channel) map and the verdicts they lead to.
///
/// Thresholds (documented in `docs/diagnose.md`):
/// - *probability map*: every value ≥ 0 and the sum within 10⁻³ of 1 (the whole-map soft-argmax only);
/// - *multi-modal*: 2 or more modes — 8-connected regions of values at or above the
///   midpoint between the map's minimum and maximum;
/// - *flat*: less than 90 % of the softmax mass within `radius` px of the hard argmax.
public struct Diagnosis: Sendable, Equatable {
    public var batch: Int
    public var channel: Int
    /// Position of the largest value (the first, row-major, on ties).
    public var hardArgmax: (x: Int, y: Int)
    /// The soft-argmax in pixels with the given temperature and method.
    public var softArgmax: (x: Double, y: Double)
    /// Distance in pixels between the two.
    public var distance: Double
    /// Softmax mass within `radius` px of the hard argmax.
    public var massNearArgmax: Double
    /// Softmax entropy over log(H·W): 0 for one-hot, 1 for a uniform map.
    public var entropy: Double
    public var modes: Int
    public var looksLikeProbability: Bool
    /// The temperature that puts ≥ 90 % of the mass within `radius`, or nil.
    public var suggestedTemperature: Double?
    public var verdicts: [Verdict]

    public static func == (a: Diagnosis, b: Diagnosis) -> Bool {
        a.batch == b.batch && a.channel == b.channel && a.hardArgmax == b.hardArgmax && a.softArgmax == b.softArgmax
            && a.distance == b.distance && a.massNearArgmax == b.massNearArgmax && a.entropy == b.entropy && a.modes == b.modes
            && a.looksLikeProbability == b.looksLikeProbability && a.suggestedTemperature == b.suggestedTemperature
            && a.verdicts == b.verdicts
    }
}
