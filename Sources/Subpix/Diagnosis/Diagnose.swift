import Foundation

/// Diagnoses the soft-argmax of every map of a `(B, C, H, W)` heatmap: how far it
/// falls from the hard argmax and from the peak refined to sub-pixel precision, how
/// concentrated the softmax is, how many modes the map has, whether it is already a
/// probability map, whether a windowed soft-argmax's temperature pins it to pixel
/// centres, and — when the soft-argmax is further from the peak than the hard argmax,
/// or pinned — the temperature that brings it nearest, with the error it was checked
/// to give (none when no temperature beats the hard argmax). See ``Diagnosis`` for the
/// measures and thresholds.
///
/// Temperature means what it means in kornia `version`: in 0.9 it divides the map in
/// both methods; in 0.7 `spatial_soft_argmax2d` multiplies it.
///
/// ```swift
/// let report = try diagnose(heat, method: .spatialSoftArgmax2d, version: .v0_9, temperature: 1)
/// report[0].verdicts   // [.flat(error: 27.36, argmaxError: 0.5, suggestion: 0.0667 (0.004 px), ...)]
/// ```
///
/// - Throws: ``SubpixError`` for a method that is not one of ``KeypointMethod/softArgmaxes``,
///   a tensor that is not a non-empty `(B, C, H, W)`, a temperature that is not positive,
///   or a negative radius.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func diagnose<S: SubpixScalar>(
    _ input: Tensor<S>, method: KeypointMethod = .spatialSoftArgmax2d, version: KorniaVersion = .default,
    temperature: Double = 1, radius: Double = 2
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
            .diagnosis(batch: batch, channel: channel, method: method, version: version, temperature: temperature)
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

    /// The least and largest finite values; nil when there are none.
    var valueRange: (low: Double, high: Double)? {
        var (low, high): (Double?, Double?) = (nil, nil)
        for index in 0..<count {
            let v = value(index)
            guard v.isFinite else { continue }
            if low.map({ v < $0 }) ?? true { low = v }
            if high.map({ v > $0 }) ?? true { high = v }
        }
        guard let low, let high else { return nil }
        return (low, high)
    }

    /// 8-connected regions of values at or above the midpoint of `range` (``valueRange``).
    func modes(in range: (low: Double, high: Double)?) -> Int {
        guard let (low, high) = range else { return 0 }
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

    func diagnosis(batch: Int, channel: Int, method: KeypointMethod, version: KorniaVersion, temperature: Double) -> Diagnosis {
        let center = argmax
        let scale = method.softmaxScale(temperature, in: version)
        // The whole-map softmax's measures (entropy, mass near the argmax, modes, a probability
        // map) are what a whole-map soft-argmax averages; a windowed one's diagnosis leaves them
        // out: the viewer diagnoses every frame, and on a 512² map they took 50× the frame.
        let wholeMap = method.averagesWholeMap
        let p = wholeMap ? softmax(scale: scale, peak: peak(at: center)) : nil
        var entropySum = 0.0, valueSum = 0.0
        var allNonNegative = true
        var (nans, infinities) = (0, 0)
        for index in 0..<count {
            let v = value(index)
            if let p {
                let probability = p.probability(v)
                if probability > 0 { entropySum += probability * log(probability) }
                valueSum += v
                if !(v >= 0) { allNonNegative = false }
            }
            if v.isNaN { nans += 1 } else if v.isInfinite { infinities += 1 }
        }
        let hard = (x: center % width, y: center / width)
        let range = valueRange
        let modeCount = wholeMap ? modes(in: range) : nil
        if nans + infinities > 0 {
            // First, and instead of a temperature: no temperature makes a NaN soft-argmax finite.
            let verdicts: [Verdict] = [.nonFinite(nans: nans, infinities: infinities)] + (modeCount.map { $0 >= 2 ? [.multiModal(modes: $0)] : [] } ?? [])
            return Diagnosis(batch: batch, channel: channel, hardArgmax: hard, softArgmax: (.nan, .nan), distance: .nan,
                             refinedPeak: (.nan, .nan), softError: .nan, argmaxError: .nan,
                             massNearArgmax: .nan, entropy: .nan, modes: modeCount, looksLikeProbability: false,
                             suggestion: nil, verdicts: verdicts)
        }
        let soft = estimate(method, scale: scale, center: center)
        let refined = refinedPeak(around: center)
        let (softError, argmaxError) = (pixelDistance(soft, refined), pixelDistance((Double(hard.x), Double(hard.y)), refined))
        let probability = wholeMap && allNonNegative && abs(valueSum - 1) <= 1e-3
        var verdicts: [Verdict] = []
        var suggestion: TemperatureSuggestion?
        let spread = range.map { $0.high - $0.low } ?? 0
        func search() -> TemperatureSuggestion? {
            bestTemperature(method, version: version, center: center, target: refined, argmaxError: argmaxError, range: spread)
        }
        if probability && method.averagesWholeMap {
            // The fix is spatial_expectation2d, not a temperature.
            verdicts.append(.probabilityMap)
        } else if !method.averagesWholeMap && Self.pinsToPixels(spread: spread, scale: scale) {
            suggestion = search()
            verdicts.append(.pinned(temperature: temperature, range: spread, suggestion: suggestion))
        } else if let modeCount, modeCount >= 2 {
            verdicts.append(.multiModal(modes: modeCount))
        } else if softError > argmaxError + Self.tolerance {
            suggestion = search()
            verdicts.append(.flat(error: softError, argmaxError: argmaxError, suggestion: suggestion))
        }
        return Diagnosis(batch: batch, channel: channel, hardArgmax: hard, softArgmax: soft,
                         distance: pixelDistance(soft, (Double(hard.x), Double(hard.y))),
                         refinedPeak: refined, softError: softError, argmaxError: argmaxError,
                         massNearArgmax: p.map { massNear(center, $0) } ?? .nan,
                         entropy: wholeMap ? (count > 1 ? -entropySum / log(Double(count)) : 0) : .nan,
                         modes: modeCount, looksLikeProbability: probability, suggestion: suggestion, verdicts: verdicts)
    }
}
