import Foundation

/// Diagnoses the soft-argmax of every map of a `(B, C, H, W)` heatmap: how far it
/// falls from the hard argmax, how concentrated the softmax is, how many modes the
/// map has, whether it is already a probability map, and which temperature would
/// fix a flat softmax — see ``Diagnosis`` for the measures and thresholds.
///
/// ```swift
/// let report = try diagnose(heat, convention: .spatialSoftArgmax2d, temperature: 1)
/// report[0].verdicts   // [.flat(pull: 18.4, temperature: 35.2, ...)]
/// ```
///
/// - Throws: ``SubpixError`` for a tensor that is not a non-empty `(B, C, H, W)`,
///   a temperature that is not positive, or a negative radius.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func diagnose<S: SubpixScalar>(
    _ input: Tensor<S>, convention: SoftArgmaxConvention = .spatialSoftArgmax2d, temperature: Double = 1, radius: Double = 2
) throws -> [Diagnosis] {
    let op = "diagnose"
    try input.requireShape(rank: 4, layout: "(B, C, H, W)", op: op)
    try requirePositiveTemperature(temperature, op: op)
    guard radius >= 0, radius.isFinite else { throw SubpixError(op, "expected radius >= 0, got \(radius)") }
    let (channels, height, width) = (input.shape[1], input.shape[2], input.shape[3])
    let plane = height * width
    return (0..<(input.shape[0] * channels)).map { map in
        let values = input.elements[(map * plane)..<((map + 1) * plane)].map { Double($0) }
        let (batch, channel) = map.quotientAndRemainder(dividingBy: channels)
        return MapDiagnosis(values: values, width: width, height: height, radius: radius)
            .diagnosis(batch: batch, channel: channel, convention: convention, temperature: temperature)
    }
}

/// The measures of one map (in doubles).
struct MapDiagnosis {
    let values: [Double]
    let width: Int
    let height: Int
    let radius: Double

    var argmax: Int {
        var best = 0
        for index in values.indices where !values[index].isNaN && (values[best].isNaN || values[index] > values[best]) { best = index }
        return best
    }

    /// Softmax of `values · scale` (max-subtracted).
    func softmax(scale: Double) -> [Double] {
        let peak = values.filter { !$0.isNaN }.max() ?? 0
        let weights = values.map { $0.isNaN ? 0 : Foundation.exp(($0 - peak) * scale) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    func massNear(_ center: Int, _ p: [Double]) -> Double {
        let (cx, cy) = (center % width, center / width)
        var mass = 0.0
        for index in p.indices where hypot(Double(index % width - cx), Double(index / width - cy)) <= radius { mass += p[index] }
        return mass
    }

    /// 8-connected regions of values at or above the midpoint of the map's range.
    var modes: Int {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return 0 }
        let threshold = low + (high - low) / 2
        var seen = [Bool](repeating: false, count: values.count)
        var count = 0
        for start in values.indices where !seen[start] && values[start] >= threshold {
            count += 1
            var stack = [start]
            seen[start] = true
            while let cell = stack.popLast() {
                let (x, y) = (cell % width, cell / width)
                for dy in -1...1 { for dx in -1...1 {
                    let (nx, ny) = (x + dx, y + dy)
                    guard nx >= 0, ny >= 0, nx < width, ny < height else { continue }
                    let next = ny * width + nx
                    if !seen[next] && values[next] >= threshold { seen[next] = true; stack.append(next) }
                } }
            }
        }
        return count
    }

    /// The temperature putting ≥ 90 % of the mass within `radius`: bisection on
    /// log T between 10⁻⁶ and 10⁶ (the mass grows monotonically with sharpness).
    func temperatureFor90Percent(_ convention: SoftArgmaxConvention, center: Int) -> Double? {
        func mass(_ t: Double) -> Double { massNear(center, softmax(scale: convention.scale(t))) }
        let sharpest = convention == .spatialSoftArgmax2d ? 1e6 : 1e-6
        guard mass(sharpest) >= 0.9 else { return nil }
        var (flat, sharp) = (log(convention == .spatialSoftArgmax2d ? 1e-6 : 1e6), log(sharpest))
        for _ in 0..<60 {
            let middle = (flat + sharp) / 2
            if mass(exp(middle)) >= 0.9 { sharp = middle } else { flat = middle }
        }
        return exp(sharp)
    }

    func diagnosis(batch: Int, channel: Int, convention: SoftArgmaxConvention, temperature: Double) -> Diagnosis {
        let center = argmax
        let p = softmax(scale: convention.scale(temperature))
        var soft = (x: 0.0, y: 0.0)
        for index in p.indices { soft = (soft.x + p[index] * Double(index % width), soft.y + p[index] * Double(index / width)) }
        let hard = (x: center % width, y: center / width)
        let distance = hypot(soft.x - Double(hard.x), soft.y - Double(hard.y))
        let mass = massNear(center, p)
        let entropy = values.count > 1 ? -p.filter { $0 > 0 }.map { $0 * log($0) }.reduce(0, +) / log(Double(values.count)) : 0
        let probability = values.allSatisfy { $0 >= 0 } && abs(values.reduce(0, +) - 1) <= 1e-3
        let modeCount = modes
        var verdicts: [Verdict] = []
        var suggestion: Double?
        let nans = values.filter(\.isNaN).count, infinities = values.filter(\.isInfinite).count
        if nans + infinities > 0 {
            // First, and instead of a temperature: no temperature makes a NaN soft-argmax finite.
            verdicts.append(.nonFinite(nans: nans, infinities: infinities))
            if modeCount >= 2 { verdicts.append(.multiModal(modes: modeCount)) }
            return Diagnosis(batch: batch, channel: channel, hardArgmax: hard, softArgmax: (.nan, .nan), distance: .nan,
                             massNearArgmax: .nan, entropy: .nan, modes: modeCount, looksLikeProbability: false,
                             suggestedTemperature: nil, verdicts: verdicts)
        }
        if probability && convention == .spatialSoftArgmax2d {
            verdicts.append(.probabilityMap)   // the fix is spatial_expectation2d, not a temperature
        } else if modeCount >= 2 {
            verdicts.append(.multiModal(modes: modeCount))
        } else if mass < 0.9 {
            suggestion = temperatureFor90Percent(convention, center: center)
            verdicts.append(.flat(pull: distance, temperature: suggestion, convention: convention))
        }
        return Diagnosis(batch: batch, channel: channel, hardArgmax: hard, softArgmax: soft, distance: distance,
                         massNearArgmax: mass, entropy: entropy, modes: modeCount, looksLikeProbability: probability,
                         suggestedTemperature: suggestion, verdicts: verdicts)
    }
}
