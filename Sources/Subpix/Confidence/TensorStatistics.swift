/// ``MapStatistics`` of every map of a `(B, C, ...)` tensor — each `(batch,
/// channel)` map or volume — and what the tensor-wide rules compare against:
/// the tallest map height and the largest finite value.
///
/// A tensor of fewer than four axes is one map.
public struct TensorStatistics: Sendable, Hashable {
    /// The batch and channel counts the maps are indexed by.
    public let batches: Int
    public let channels: Int
    /// Each map's statistics, batch-major.
    public let maps: [MapStatistics]
    /// The largest height (max − median) of any map: what ``ConfidenceRule/minimumShare`` is a share of.
    public let tallestHeight: Double
    /// The tensor's largest finite value (nil when it has none).
    public let maximum: Double?

    /// - Parameter spread: whether to take each map's median and MAD (``MapStatistics/init(_:spread:)``);
    ///   a rule that does not read them (``ConfidenceRule/readsSpread``) needs only the maxima.
    public init<S: SubpixScalar>(_ tensor: Tensor<S>, spread: Bool = true) {
        let shape = tensor.shape
        (batches, channels) = shape.count >= 4 ? (shape[0], shape[1]) : (1, 1)
        let count = batches * channels
        let span = count > 0 ? tensor.count / count : 0
        maps = tensor.elements.withUnsafeBufferPointer { values in
            (0..<count).map { map in MapStatistics(UnsafeBufferPointer(rebasing: values[(map * span)..<((map + 1) * span)]), spread: spread) }
        }
        tallestHeight = maps.map(\.height).max() ?? 0
        let largest = maps.map(\.maximum).max() ?? -.infinity
        maximum = largest > -.infinity ? largest : nil
    }

    /// The statistics of one map; the indices must be in range.
    public subscript(batch: Int, channel: Int) -> MapStatistics { maps[batch * channels + channel] }

    /// The verdict of `rule` on one map.
    public func verdict(batch: Int, channel: Int, rule: ConfidenceRule) -> PeakVerdict {
        rule.verdict(self[batch, channel], tallestHeight: tallestHeight)
    }
}

extension TensorStatistics {
    /// The statistics of a tensor of either dtype, read in its own.
    public init(_ tensor: AnyTensor, spread: Bool = true) {
        self = tensor.visit({ TensorStatistics($0, spread: spread) }, { TensorStatistics($0, spread: spread) })
    }
}
