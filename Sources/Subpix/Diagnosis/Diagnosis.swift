import Foundation

extension KeypointMethod {
    /// The soft-argmaxes `diagnose` judges: the keypoint methods of maps that take a
    /// temperature, in the registry's order.
    public static var softArgmaxes: [KeypointMethod] {
        methods(forRank: 4).filter { $0.settings.contains(.temperature) }
    }

    /// The softmax argument scale for temperature `t` in kornia `version`: `T · x` where
    /// the temperature multiplies (a larger T sharpens), `x / T` where it divides.
    func softmaxScale(_ t: Double, in version: KorniaVersion) -> Double { temperatureMultiplies(in: version) ? t : 1 / t }
}

/// What is wrong with a soft-argmax on one map, in plain language.
public enum Verdict: Sendable, Equatable, CustomStringConvertible {
    /// The softmax is too flat: the soft-argmax lands `error` px from the refined peak,
    /// further than the hard argmax (`argmaxError` px); `suggestion` is the temperature
    /// that brings it nearest, checked to beat the hard argmax (nil: none does).
    case flat(error: Double, argmaxError: Double, suggestion: TemperatureSuggestion?)
    /// A windowed soft-argmax whose temperature is too high for the map's value range:
    /// no window's weights differ by a factor of 4 (`range / temperature < ln 4`), so no
    /// point can move half a pixel from its window's centre and every point stays near a
    /// pixel centre, like a hard argmax. `suggestion` is a lower temperature, checked to
    /// beat the hard argmax (nil: none does on the map's peak).
    case pinned(temperature: Double, range: Double, suggestion: TemperatureSuggestion?)
    /// The input is already a probability map; a second softmax flattens it.
    case probabilityMap
    /// Several separated modes: the expectation lands between them.
    case multiModal(modes: Int)
    /// The map has NaN or infinite values: a soft-argmax over them (the whole map's, or a
    /// window's that holds one) is NaN whatever the temperature.
    case nonFinite(nans: Int, infinities: Int)

    /// A few words for a badge: `flat softmax`, `T too high`, `probability map`, `2 modes`, `3 NaN`.
    public var label: String {
        switch self {
        case .nonFinite(let nans, let infinities): [nans > 0 ? "\(nans) NaN" : nil, infinities > 0 ? "\(infinities) inf" : nil].compactMap { $0 }.joined(separator: ", ")
        case .flat: "flat softmax"
        case .pinned: "T too high"
        case .probabilityMap: "probability map"
        case .multiModal(let modes): "\(modes) modes"
        }
    }

    public var description: String {
        switch self {
        case .flat(let error, let argmaxError, let suggestion):
            let advice = suggestion.map {
                String(format: "temperature=%g puts it %.3f px from the peak", $0.temperature, $0.error)
            } ?? "no temperature does better: use the hard argmax"
            return String(format: "flat: soft-argmax is %.2f px from the peak, the hard argmax %.2f px; %@", error, argmaxError, advice)
        case .pinned(let temperature, let range, let suggestion):
            let advice = suggestion.map {
                String(format: "lower T: temperature=%g puts it %.3f px from the peak", $0.temperature, $0.error)
            } ?? String(format: "lower T below %.3g", range / log(4))
            return String(format: "pinned: temperature %g on a map of range %.3g: windows weigh pixels almost evenly (within ×%.3g), points stay near pixel centres; %@",
                          temperature, range, exp(range / temperature), advice)
        case .probabilityMap:
            return "already a probability map: apply \(Method.spatialExpectation2d.name) instead of \(Method.spatialSoftArgmax2d.name)"
        case .multiModal(let modes):
            return "\(modes) modes: the expectation lands between them; use \(Method.convSoftArgmax2d.name) + NMS"
        case .nonFinite:
            return "the map contains \(label): a soft-argmax over them is NaN whatever the temperature (find where they come from, or replace them)"
        }
    }
}

/// The measures of one (batch, channel) map and the verdicts they lead to.
///
/// Thresholds (documented in `docs/diagnose.md`):
/// - *probability map*: every value ≥ 0 and the sum within 10⁻³ of 1 (the whole-map soft-argmax only);
/// - *multi-modal* (the whole-map soft-argmax only): 2 or more modes — 8-connected regions of values at or above the
///   midpoint between the map's minimum and maximum;
/// - *pinned* (the windowed soft-argmax only): the map's value range over the temperature
///   is below ln 4, so no window can move a point half a pixel from its centre;
/// - *flat*: the soft-argmax is more than 0.01 px further from the refined peak than the hard argmax is.
public struct Diagnosis: Sendable, Equatable {
    public var batch: Int
    public var channel: Int
    /// Position of the largest value (the first, row-major, on ties).
    public var hardArgmax: (x: Int, y: Int)
    /// The soft-argmax in pixels with the given temperature and method (for
    /// `conv_soft_argmax2d`, its 3×3 window on the hard argmax).
    public var softArgmax: (x: Double, y: Double)
    /// Distance in pixels between the two.
    public var distance: Double
    /// The peak refined around the hard argmax, independently of any temperature: per
    /// axis the vertex of a parabola through the log-values (the values if one is ≤ 0).
    public var refinedPeak: (x: Double, y: Double)
    /// Pixels between the soft-argmax and the refined peak.
    public var softError: Double
    /// Pixels between the hard argmax and the refined peak.
    public var argmaxError: Double
    /// Softmax mass within `radius` px of the hard argmax (NaN for a windowed method,
    /// which the whole-map measures do not describe).
    public var massNearArgmax: Double
    /// Softmax entropy over log(H·W): 0 for one-hot, 1 for a uniform map (NaN for a windowed method).
    public var entropy: Double
    /// The map's modes (nil for a windowed method).
    public var modes: Int?
    public var looksLikeProbability: Bool
    /// The temperature whose soft-argmax lands nearest the refined peak, with its
    /// error, when it beats the hard argmax (only given with a ``Verdict/flat`` or
    /// ``Verdict/pinned`` verdict).
    public var suggestion: TemperatureSuggestion?
    public var verdicts: [Verdict]

    /// The suggested temperature, or nil.
    public var suggestedTemperature: Double? { suggestion?.temperature }

    public static func == (a: Diagnosis, b: Diagnosis) -> Bool {
        a.batch == b.batch && a.channel == b.channel && a.hardArgmax == b.hardArgmax && a.softArgmax == b.softArgmax
            && a.distance == b.distance && a.refinedPeak == b.refinedPeak && a.softError == b.softError
            && a.argmaxError == b.argmaxError && a.massNearArgmax == b.massNearArgmax && a.entropy == b.entropy && a.modes == b.modes
            && a.looksLikeProbability == b.looksLikeProbability && a.suggestion == b.suggestion
            && a.verdicts == b.verdicts
    }
}
