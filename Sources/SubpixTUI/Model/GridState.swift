/// The grid of small multiples (`#`): every channel of the shown batch, or every
/// batch of the shown channel, each map with its keypoints, its index and a
/// confidence badge. Nil in the model when the single map is shown.
public struct GridState: Sendable, Hashable {
    /// What the panels step through.
    public enum Axis: Sendable, Hashable {
        /// Every channel of the shown batch.
        case channels
        /// Every batch item of the shown channel.
        case batches
    }

    public var axis: Axis
    /// The selected panel's position along the axis (its channel or batch).
    public var selection: Int
}

/// One `(batch, channel)` map of a `(B, C, ...)` tensor.
public struct MapIndex: Sendable, Hashable {
    public var batch: Int
    public var channel: Int

    public init(batch: Int, channel: Int) {
        (self.batch, self.channel) = (batch, channel)
    }
}
