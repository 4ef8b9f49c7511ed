import Foundation

/// A temperature `diagnose` suggests, with the error it was checked to give.
public struct TemperatureSuggestion: Sendable, Equatable {
    /// The temperature, rounded to the three significant digits it is printed with.
    public var temperature: Double
    /// Pixels between the method's estimate at ``temperature`` and the refined peak.
    public var error: Double
}

extension MapDiagnosis {
    /// Less than this many pixels apart, two errors are the same: a temperature must
    /// beat the hard argmax by more to be suggested, and be worse by more to be flagged.
    static var tolerance: Double { 0.01 }

    /// The temperature whose estimate by `method` in kornia `version` lands nearest
    /// the refined peak `target`, when it beats the hard argmax's `argmaxError` by more
    /// than ``tolerance``; nil when none does.
    ///
    /// The search runs on the softmax scale `s` (the input is multiplied by `s`: `T`
    /// where T multiplies, `1/T` where it divides) measured in units of the map's
    /// value range: 4 steps a decade over `s · range` ∈ [10⁻², 10⁵], then a golden-section
    /// search between the best step's neighbours. The temperature found is rounded to
    /// three significant digits and its error measured again, so the advice printed is
    /// the advice checked.
    func bestTemperature(_ method: KeypointMethod, version: KorniaVersion, center: Int, target: PixelPoint,
                         argmaxError: Double, range: Double) -> TemperatureSuggestion? {
        guard range > 0, range.isFinite else { return nil }
        let multiplies = method.temperatureMultiplies(in: version)
        func temperature(_ logScale: Double) -> Double { multiplies ? exp(logScale) / range : range / exp(logScale) }
        func error(_ t: Double) -> Double {
            pixelDistance(estimate(method, scale: multiplies ? t : 1 / t, center: center), target)
        }
        // A windowed soft-argmax's best temperature on one peak lies just above the one
        // where its NMS starts keeping an off-centre window (see `estimate`), and that
        // crossover differs from peak to peak of a map (0.16–0.18 for four σ = 2 peaks at
        // different sub-pixel offsets): it is scored by the worse of its error and that one
        // `t` press (÷ 1.25) lower, so the advice holds for the map's other peaks too.
        let robust = !method.averagesWholeMap
        func score(_ t: Double) -> Double { robust ? max(error(t), error(multiplies ? t * 1.25 : t / 1.25)) : error(t) }
        let steps = stride(from: log(1e-2), through: log(1e5), by: log(10) / 4).map { $0 }
        let errors = steps.map { score(temperature($0)) }
        guard let best = errors.indices.min(by: { errors[$0] < errors[$1] }) else { return nil }
        // Golden-section search between the best step's neighbours: one new error a round.
        let golden = (sqrt(5.0) - 1) / 2
        var (low, high) = (steps[max(best - 1, 0)], steps[min(best + 1, steps.count - 1)])
        var (a, b) = (high - golden * (high - low), low + golden * (high - low))
        var (errorA, errorB) = (score(temperature(a)), score(temperature(b)))
        for _ in 0..<30 {
            if errorA < errorB {
                (high, b, errorB) = (b, a, errorA)
                a = high - golden * (high - low)
                errorA = score(temperature(a))
            } else {
                (low, a, errorA) = (a, b, errorB)
                b = low + golden * (high - low)
                errorB = score(temperature(b))
            }
        }
        let refined = temperature((low + high) / 2)
        // Rounding may cross a jump of the score (the windowed crossover): the neighbours 1 % either side are checked too.
        let candidates = [refined, refined * 1.01, refined / 1.01, temperature(steps[best])].map { Double(String(format: "%.3g", $0)) ?? $0 }
        let checked = candidates.map { (TemperatureSuggestion(temperature: $0, error: error($0)), score: score($0)) }
        guard let suggestion = checked.min(by: { $0.score < $1.score })?.0,
              suggestion.error < argmaxError - Self.tolerance else { return nil }
        return suggestion
    }
}
