/// What decides whether one map has a peak at all: its largest value, and the
/// level and spread of its bulk — the median and the median absolute deviation
/// (MAD), which a peak covering less than half the map does not move.
///
/// The *prominence* is the peak's height over the median in units of the
/// noise's standard deviation estimated robustly, `1.4826 × MAD` (the factor
/// makes it σ for Gaussian noise):
///
///     prominence = (max − median) / (1.4826 · MAD)
///
/// Noise alone rarely exceeds 4–5 (the largest of 3072 Gaussian samples is
/// about 3.4 σ, of 4 million about 5.3 σ); a heatmap's peak of amplitude 1 over
/// N(0, 0.02) noise is about 50.
///
/// Non-finite values are left out. A map of more than ``sampleLimit`` pixels is
/// judged on that many evenly spaced pixels for the median and MAD (its
/// maximum is always the whole map's), so the cost stays one pass plus a
/// bounded selection.
public struct MapStatistics: Sendable, Hashable {
    /// The largest finite value (−∞ when there is none).
    public var maximum: Double
    /// The median of the finite values (0 when there is none).
    public var median: Double
    /// The median of |value − median| over the finite values.
    public var mad: Double
    /// How many values were finite.
    public var finiteCount: Int

    /// The most pixels the median and MAD are taken over.
    public static let sampleLimit = 65_536
    /// 1 / Φ⁻¹(3/4): turns a MAD into the standard deviation of Gaussian noise.
    public static let gaussianMADScale = 1.482_602_218_505_602

    public init(maximum: Double, median: Double, mad: Double, finiteCount: Int) {
        (self.maximum, self.median, self.mad, self.finiteCount) = (maximum, median, mad, finiteCount)
    }

    /// The statistics of `values` (one map, any layout); without `spread`, only the
    /// maximum and the finite count (median and MAD 0), one pass and no selection.
    public init<S: SubpixScalar>(_ values: UnsafeBufferPointer<S>, spread: Bool = true) {
        let limit = spread ? Self.sampleLimit : 0
        let scan = S.finiteScan(values, sampleStep: Swift.max(1, values.count / Self.sampleLimit), sampleLimit: limit)
        let (median, mad) = scan.sample.withUnsafeBufferPointer(RobustMedian.medianAndDeviation) ?? (0, 0)
        self.init(maximum: scan.maximum, median: median, mad: mad, finiteCount: scan.finiteCount)
    }

    /// How far the maximum stands above the median (0 for a map with no finite value).
    public var height: Double { finiteCount > 0 ? maximum - median : 0 }

    /// The noise's standard deviation, estimated as 1.4826 × MAD.
    public var noise: Double { Self.gaussianMADScale * mad }

    /// The height in noise standard deviations: ∞ over a noiseless background
    /// (MAD 0 under a taller maximum), 0 for a constant map.
    public var prominence: Double {
        guard height > 0 else { return 0 }
        return noise > 0 ? height / noise : .infinity
    }
}

extension SubpixScalar {
    /// One pass over a map for ``MapStatistics``: the largest finite value, how
    /// many values are finite, and the finite values among every `sampleStep`-th
    /// (at most `sampleLimit`) as `Double`s.
    ///
    /// A protocol requirement, so that each element type runs its own compiled
    /// loop: ``MapStatistics`` is called from unspecialised code (the grid, `subpix
    /// extract`), where a generic per-element `Double(value)` cost 3× the whole
    /// decode of a pose map. `Float` first tries a vector pass that holds when
    /// every value is finite.
    public static func finiteScan(
        _ values: UnsafeBufferPointer<Self>, sampleStep: Int, sampleLimit: Int
    ) -> (maximum: Double, finiteCount: Int, sample: [Double]) {
        finiteScanByValue(values, sampleStep: sampleStep, sampleLimit: sampleLimit)
    }

    /// ``finiteScan(_:sampleStep:sampleLimit:)`` value by value.
    static func finiteScanByValue(
        _ values: UnsafeBufferPointer<Self>, sampleStep: Int, sampleLimit: Int
    ) -> (maximum: Double, finiteCount: Int, sample: [Double]) {
        var maximum = -Self.infinity
        var finiteCount = 0
        for value in values {
            // Without a branch: finite values are all a pose map has, and the loop runs on every map.
            let isFinite = value.isFinite
            finiteCount &+= Int(unsafeBitCast(isFinite, to: UInt8.self))
            maximum = isFinite && value > maximum ? value : maximum
        }
        return sampled(values, maximum: Double(maximum), finiteCount: finiteCount, sampleStep: sampleStep, sampleLimit: sampleLimit)
    }

    /// ``finiteScan(_:sampleStep:sampleLimit:)`` once the maximum and the finite count are known: adds the sample.
    @inline(__always)
    static func sampled(
        _ values: UnsafeBufferPointer<Self>, maximum: Double, finiteCount: Int, sampleStep: Int, sampleLimit: Int
    ) -> (maximum: Double, finiteCount: Int, sample: [Double]) {
        guard sampleLimit > 0 else { return (maximum, finiteCount, []) }
        // Every value, finite: one conversion (the common case, a map within the limit).
        if sampleStep == 1, finiteCount == values.count, values.count <= sampleLimit {
            let sample = [Double](unsafeUninitializedCapacity: values.count) { sample, written in
                for index in values.indices { sample.initializeElement(at: index, to: Double(values[index])) }
                written = values.count
            }
            return (maximum, finiteCount, sample)
        }
        var sample: [Double] = []
        sample.reserveCapacity(Swift.min(values.count, sampleLimit))
        for index in stride(from: 0, to: values.count, by: sampleStep) where values[index].isFinite && sample.count < sampleLimit {
            sample.append(Double(values[index]))
        }
        return (maximum, finiteCount, sample)
    }
}

extension Float {
    /// ``SubpixScalar/finiteScan(_:sampleStep:sampleLimit:)`` by a `SIMD16` maximum and a
    /// sum of `value · 0`, which is NaN only when some value is NaN or infinite: then
    /// (rarely) by the per-value pass.
    public static func finiteScan(
        _ values: UnsafeBufferPointer<Float>, sampleStep: Int, sampleLimit: Int
    ) -> (maximum: Double, finiteCount: Int, sample: [Double]) {
        guard let start = values.baseAddress else { return (-.infinity, 0, []) }
        var (best, poison) = (SIMD16<Float>(repeating: -.infinity), SIMD16<Float>())
        let whole = values.count - values.count % 16
        for offset in stride(from: 0, to: whole, by: 16) {
            let lane = UnsafeRawPointer(start + offset).loadUnaligned(as: SIMD16<Float>.self)
            best = best.replacing(with: lane, where: lane .> best)
            poison += lane * 0
        }
        var (maximum, total) = (best.max(), poison.sum())
        for value in values[whole...] {
            maximum = value > maximum ? value : maximum
            total += value * 0
        }
        guard !total.isNaN else {
            return finiteScanByValue(values, sampleStep: sampleStep, sampleLimit: sampleLimit)
        }
        return sampled(values, maximum: Double(maximum), finiteCount: values.count, sampleStep: sampleStep, sampleLimit: sampleLimit)
    }
}
