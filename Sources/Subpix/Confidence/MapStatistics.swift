import CSubpixKernels

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
        self = S.mapStatistics(values, spread: spread)
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
    /// ``MapStatistics`` of one map: one pass for the largest finite value and the
    /// finite count, then, when `spread`, the median and MAD (``RobustMedian``) of the
    /// finite values among every `count / sampleLimit`-th.
    ///
    /// A protocol requirement, so that each element type runs its own compiled
    /// loop: ``MapStatistics`` is called from unspecialised code (the grid, `subpix
    /// extract`), where a generic per-element `Double(value)` cost 3× the whole
    /// decode of a pose map. `Float` first tries vector passes that hold when every
    /// value is finite.
    public static func mapStatistics(_ values: UnsafeBufferPointer<Self>, spread: Bool) -> MapStatistics {
        statisticsByValue(values, spread: spread)
    }

    /// ``mapStatistics(_:spread:)`` value by value.
    static func statisticsByValue(_ values: UnsafeBufferPointer<Self>, spread: Bool) -> MapStatistics {
        var maximum = -Self.infinity
        var finiteCount = 0
        for value in values {
            // Without a branch: finite values are all a pose map has, and the loop runs on every map.
            let isFinite = value.isFinite
            finiteCount &+= Int(unsafeBitCast(isFinite, to: UInt8.self))
            maximum = isFinite && value > maximum ? value : maximum
        }
        return statistics(values, maximum: Double(maximum), finiteCount: finiteCount, spread: spread)
    }

    /// ``mapStatistics(_:spread:)`` once the maximum and the finite count are known:
    /// the median and MAD of the sample (``RobustMedian``).
    @inline(__always)
    static func statistics(_ values: UnsafeBufferPointer<Self>, maximum: Double, finiteCount: Int, spread: Bool) -> MapStatistics {
        guard spread else { return MapStatistics(maximum: maximum, median: 0, mad: 0, finiteCount: finiteCount) }
        let (median, mad) = sample(values, allFinite: finiteCount == values.count)
            .withUnsafeBufferPointer(RobustMedian.medianAndDeviation) ?? (0, 0)
        return MapStatistics(maximum: maximum, median: median, mad: mad, finiteCount: finiteCount)
    }

    /// The finite values among every `count / sampleLimit`-th of `values`, at most
    /// ``MapStatistics/sampleLimit``, as `Double`s.
    @inline(__always)
    static func sample(_ values: UnsafeBufferPointer<Self>, allFinite: Bool) -> [Double] {
        let (step, limit) = (Swift.max(1, values.count / MapStatistics.sampleLimit), MapStatistics.sampleLimit)
        // Every value, finite: one conversion (the common case, a map within the limit).
        if step == 1, allFinite, values.count <= limit {
            return [Double](unsafeUninitializedCapacity: values.count) { sample, written in
                for index in values.indices { sample.initializeElement(at: index, to: Double(values[index])) }
                written = values.count
            }
        }
        var sample: [Double] = []
        sample.reserveCapacity(Swift.min(values.count, limit))
        for index in stride(from: 0, to: values.count, by: step) where values[index].isFinite && sample.count < limit {
            sample.append(Double(values[index]))
        }
        return sample
    }
}

extension Float {
    /// ``SubpixScalar/mapStatistics(_:spread:)`` of a map whose values are all finite
    /// (the common case) by vector passes: the maximum of ``largestElement(_:count:)``,
    /// whose sum of `value · 0` is NaN only when some value is NaN or infinite, and the
    /// C kernel's median and MAD among the floats themselves (`subpix_median_deviation_f32`,
    /// the same numbers as ``RobustMedian``). Any other map takes the per-value pass.
    public static func mapStatistics(_ values: UnsafeBufferPointer<Float>, spread: Bool) -> MapStatistics {
        guard let start = values.baseAddress else { return MapStatistics(maximum: -.infinity, median: 0, mad: 0, finiteCount: 0) }
        let (maximum, poison) = laneMaximum(start, count: values.count)
        guard !poison.isNaN else { return statisticsByValue(values, spread: spread) }
        var (median, mad) = (0.0, 0.0)
        if spread, values.count <= MapStatistics.sampleLimit, subpix_median_deviation_f32(start, values.count, &median, &mad) == 0 {
            return MapStatistics(maximum: Double(maximum), median: median, mad: mad, finiteCount: values.count)
        }
        return statistics(values, maximum: Double(maximum), finiteCount: values.count, spread: spread)
    }
}
