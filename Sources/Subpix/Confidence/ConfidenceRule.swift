/// Whether a map has a peak at all, judged on its ``MapStatistics`` and on the
/// tallest peak of the tensor it belongs to. A map is confident when both hold:
///
/// - its ``MapStatistics/prominence`` is at least ``minimumProminence``
///   (a constant plus noise is not a peak), and
/// - its ``MapStatistics/height`` is at least ``minimumShare`` of the tallest
///   height among the tensor's maps (a channel of values 1e-8…4e-4 next to
///   channels peaking near 1 is not a peak, however clean its own shape).
///
/// Either bound may be nil (not checked). Inside a confident map, keypoints of the
/// windowed methods must also stand ``minimumProminence`` σ over its median (``noiseFloor(_:)``).
public struct ConfidenceRule: Sendable, Hashable {
    public var minimumProminence: Double?
    public var minimumShare: Double?

    /// The defaults: 8 noise σ, and 5 % of the tensor's tallest peak.
    public init(minimumProminence: Double? = 8, minimumShare: Double? = 0.05) {
        (self.minimumProminence, self.minimumShare) = (minimumProminence, minimumShare)
    }

    /// Whether the rule reads a map's median and MAD: false when it checks neither the
    /// prominence nor the share, and only the maxima matter (``TensorStatistics/init(_:spread:)``).
    public var readsSpread: Bool { minimumProminence != nil || minimumShare != nil }

    /// The least value a keypoint of a confident map may have: ``minimumProminence``
    /// noise σ over the map's median (nil when the prominence is not checked), so a
    /// weak but real peak does not bring its map's noise maxima with it.
    public func noiseFloor(_ map: MapStatistics) -> Double? {
        minimumProminence.map { map.median + $0 * map.noise }
    }

    /// The verdict on `map`, in a tensor whose tallest map height is `tallestHeight`.
    public func verdict(_ map: MapStatistics, tallestHeight: Double) -> PeakVerdict {
        guard map.finiteCount > 0 else { return .empty }
        if let minimumProminence, map.prominence < minimumProminence {
            return .inNoise(prominence: map.prominence, needed: minimumProminence)
        }
        if let minimumShare, tallestHeight > 0, map.height < minimumShare * tallestHeight {
            return .faint(share: map.height / tallestHeight, needed: minimumShare)
        }
        return .confident(prominence: map.prominence)
    }
}

/// What ``ConfidenceRule`` says of one map.
public enum PeakVerdict: Sendable, Hashable, CustomStringConvertible {
    /// A peak: its prominence (noise σ over the median).
    case confident(prominence: Double)
    /// No peak: its maximum is within the map's own noise.
    case inNoise(prominence: Double, needed: Double)
    /// No peak: it is a small share of the tensor's tallest.
    case faint(share: Double, needed: Double)
    /// No finite value at all.
    case empty

    public var isConfident: Bool {
        if case .confident = self { return true }
        return false
    }

    /// One line: `no confident peak: 3.9 σ over the median (needs 8)`.
    public var description: String {
        switch self {
        case .confident(let prominence):
            prominence.isFinite ? "peak \(Self.format(prominence)) σ over the median" : "peak over a noiseless background"
        case .inNoise(let prominence, let needed):
            "no confident peak: \(Self.format(prominence)) σ over the median (needs \(Self.format(needed)))"
        case .faint(let share, let needed):
            "no confident peak: \(Self.format(share * 100))% of the tensor's tallest (needs \(Self.format(needed * 100))%)"
        case .empty:
            "no confident peak: no finite value"
        }
    }

    private static func format(_ number: Double) -> String { String(format: "%.3g", number) }
}
