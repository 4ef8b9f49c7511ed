import Foundation

/// Diagnoses the soft-argmax of every map of a `(B, C, H, W)` heatmap: how far it
/// falls from the hard argmax, how concentrated the softmax is, how many modes the
/// map has, whether it is already a probability map, and which temperature would
/// fix a flat softmax — see ``Diagnosis`` for the measures and thresholds.
///
/// ```swift
/// let report = try diagnose(heat, method: .spatialSoftArgmax2d, temperature: 1)
/// report[0].verdicts   // [.flat(pull: 18.4, temperature: 35.2, ...)]
/// ```
///
/// - Throws: ``SubpixError`` for a method that is not one of ``KeypointMethod/softArgmaxes``,
///   a tensor that is not a non-empty `(B, C, H, W)`, a temperature that is not positive,
///   or a negative radius.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func diagnose<S: SubpixScalar>(
    _ input: Tensor<S>, method: KeypointMethod = .spatialSoftArgmax2d, temperature: Double = 1, radius: Double = 2
) throws -> [Diagnosis] {
    let op = "diagnose"
    let methods = KeypointMethod.softArgmaxes
    guard methods.contains(method) else {
        throw SubpixError(op, "expected method \(methods.map { "'\($0.name)'" }.joined(separator: " or ")), got '\(method.name)'")
    }
    try input.requireShape(rank: 4, layout: "(B, C, H, W)", op: op)
    try requirePositiveTemperature(temperature, op: op)
    guard radius >= 0, radius.isFinite else { throw SubpixError(op, "expected radius >= 0, got \(radius)") }
    let (channels, height, width) = (input.shape[1], input.shape[2], input.shape[3])
    let plane = height * width
    return (0..<(input.shape[0] * channels)).map { map in
        let (batch, channel) = map.quotientAndRemainder(dividingBy: channels)
        return MapDiagnosis(elements: input.elements, offset: map * plane, width: width, height: height, radius: radius)
            .diagnosis(batch: batch, channel: channel, method: method, temperature: temperature)
    }
}

/// The measures of one map, read in doubles straight from the tensor's storage.
///
/// Every measure is a pass over the map that allocates nothing map-sized (only
/// the mode search keeps one flag a cell): a 4096² map is 16 M cells, and a
/// copy in doubles, a softmax array per bisection step and filtered copies
/// used to take the viewer to 660 MB on a 64 MB map. Each sum adds the same
/// terms in the same order as the direct formula, so the results are the same.
struct MapDiagnosis<S: SubpixScalar> {
    let elements: [S]
    let offset: Int
    let width: Int
    let height: Int
    let radius: Double

    var count: Int { width * height }

    func value(_ index: Int) -> Double { Double(elements[offset + index]) }

    var argmax: Int {
        var best = 0
        for index in 0..<count {
            let (candidate, current) = (value(index), value(best))
            if !candidate.isNaN && (current.isNaN || candidate > current) { best = index }
        }
        return best
    }

    /// The softmax of `values · scale` (max-subtracted), read a cell at a time.
    struct Softmax {
        let peak: Double
        let scale: Double
        var total = 1.0

        func weight(_ value: Double) -> Double { value.isNaN ? 0 : Foundation.exp((value - peak) * scale) }
        func probability(_ value: Double) -> Double { weight(value) / total }
    }

    /// The largest value that is not NaN (0 when every value is NaN): the value at ``argmax``.
    func peak(at argmax: Int) -> Double {
        let value = value(argmax)
        return value.isNaN ? 0 : value
    }

    /// The softmax with its normaliser summed over the map; `peak` from ``peak(at:)``.
    func softmax(scale: Double, peak: Double) -> Softmax {
        var softmax = Softmax(peak: peak, scale: scale)
        var total = 0.0
        for index in 0..<count { total += softmax.weight(value(index)) }
        softmax.total = total
        return softmax
    }

    /// The softmax's mass within `radius` of `center`: only the cells of the disc's bounding box are read.
    func massNear(_ center: Int, _ p: Softmax) -> Double {
        let (cx, cy) = (center % width, center / width)
        let reach = radius >= Double(max(width, height)) ? max(width, height) : Int(radius)
        var mass = 0.0
        for y in max(0, cy - reach)...min(height - 1, cy + reach) {
            for x in max(0, cx - reach)...min(width - 1, cx + reach)
            where hypot(Double(x - cx), Double(y - cy)) <= radius {
                mass += p.probability(value(y * width + x))
            }
        }
        return mass
    }

    /// 8-connected regions of values at or above the midpoint of the map's range.
    var modes: Int {
        var (low, high): (Double?, Double?) = (nil, nil)
        for index in 0..<count {
            let v = value(index)
            guard v.isFinite else { continue }
            if low.map({ v < $0 }) ?? true { low = v }
            if high.map({ v > $0 }) ?? true { high = v }
        }
        guard let low, let high else { return 0 }
        let threshold = low + (high - low) / 2
        var seen = [Bool](repeating: false, count: count)
        var regions = 0
        for start in 0..<count where !seen[start] && value(start) >= threshold {
            regions += 1
            var stack = [start]
            seen[start] = true
            while let cell = stack.popLast() {
                let (x, y) = (cell % width, cell / width)
                for dy in -1...1 { for dx in -1...1 {
                    let (nx, ny) = (x + dx, y + dy)
                    guard nx >= 0, ny >= 0, nx < width, ny < height else { continue }
                    let next = ny * width + nx
                    if !seen[next] && value(next) >= threshold { seen[next] = true; stack.append(next) }
                } }
            }
        }
        return regions
    }

    /// The temperature putting ≥ 90 % of the mass within `radius`: bisection on
    /// log T between 10⁻⁶ and 10⁶ (the mass grows monotonically with sharpness).
    func temperatureFor90Percent(_ method: KeypointMethod, center: Int) -> Double? {
        let peak = peak(at: center)
        func mass(_ t: Double) -> Double { massNear(center, softmax(scale: method.softmaxScale(t), peak: peak)) }
        let sharpest = method.temperatureMultiplies ? 1e6 : 1e-6
        guard mass(sharpest) >= 0.9 else { return nil }
        var (flat, sharp) = (log(method.temperatureMultiplies ? 1e-6 : 1e6), log(sharpest))
        for _ in 0..<60 {
            let middle = (flat + sharp) / 2
            if mass(exp(middle)) >= 0.9 { sharp = middle } else { flat = middle }
        }
        return exp(sharp)
    }

    func diagnosis(batch: Int, channel: Int, method: KeypointMethod, temperature: Double) -> Diagnosis {
        let center = argmax
        let p = softmax(scale: method.softmaxScale(temperature), peak: peak(at: center))
        var soft = (x: 0.0, y: 0.0)
        var entropySum = 0.0, valueSum = 0.0
        var allNonNegative = true
        var (nans, infinities) = (0, 0)
        for index in 0..<count {
            let v = value(index)
            let probability = p.probability(v)
            soft = (soft.x + probability * Double(index % width), soft.y + probability * Double(index / width))
            if probability > 0 { entropySum += probability * log(probability) }
            valueSum += v
            if !(v >= 0) { allNonNegative = false }
            if v.isNaN { nans += 1 } else if v.isInfinite { infinities += 1 }
        }
        let hard = (x: center % width, y: center / width)
        let distance = hypot(soft.x - Double(hard.x), soft.y - Double(hard.y))
        let mass = massNear(center, p)
        let entropy = count > 1 ? -entropySum / log(Double(count)) : 0
        let probability = allNonNegative && abs(valueSum - 1) <= 1e-3
        let modeCount = modes
        var verdicts: [Verdict] = []
        var suggestion: Double?
        if nans + infinities > 0 {
            // First, and instead of a temperature: no temperature makes a NaN soft-argmax finite.
            verdicts.append(.nonFinite(nans: nans, infinities: infinities))
            if modeCount >= 2 { verdicts.append(.multiModal(modes: modeCount)) }
            return Diagnosis(batch: batch, channel: channel, hardArgmax: hard, softArgmax: (.nan, .nan), distance: .nan,
                             massNearArgmax: .nan, entropy: .nan, modes: modeCount, looksLikeProbability: false,
                             suggestedTemperature: nil, verdicts: verdicts)
        }
        if probability && method.isDiagnosed {
            // The fix is spatial_expectation2d, not a temperature.
            verdicts.append(.probabilityMap)
        } else if modeCount >= 2 {
            verdicts.append(.multiModal(modes: modeCount))
        } else if mass < 0.9 {
            suggestion = temperatureFor90Percent(method, center: center)
            verdicts.append(.flat(pull: distance, temperature: suggestion, method: method))
        }
        return Diagnosis(batch: batch, channel: channel, hardArgmax: hard, softArgmax: soft, distance: distance,
                         massNearArgmax: mass, entropy: entropy, modes: modeCount, looksLikeProbability: probability,
                         suggestedTemperature: suggestion, verdicts: verdicts)
    }
}
