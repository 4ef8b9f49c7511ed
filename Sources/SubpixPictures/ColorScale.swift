/// Where a value sits on a palette, in [0, 1]: a linear scale between `low` and `high`;
/// on a signed scale 0 sits at the middle and the larger magnitude sets both ends.
public struct ColorScale: Sendable, Equatable {
    public let low: Double
    public let high: Double
    /// True when 0 is the middle of the scale (data with substantial values of both signs).
    public let centred: Bool

    public init(low: Double, high: Double, centred: Bool = false) {
        self.low = low
        self.high = high
        self.centred = centred
    }

    /// The scale of `values`' finite range (0…1 when there are none), centred when they are
    /// signed: both signs present and the negative side at least a fifth of the positive
    /// (a DoG, say, not a heatmap with a little negative noise).
    public init(fitting values: [Double]) {
        var (smallest, largest) = (Double.infinity, -Double.infinity)
        for value in values where value.isFinite {
            smallest = min(smallest, value)
            largest = max(largest, value)
        }
        let (low, high) = smallest <= largest ? (smallest, largest) : (0, 1)
        self.init(low: low, high: high, centred: low < 0 && high > 0 && -low >= 0.2 * high)
    }

    /// The ends the palette actually spans: `low … high`, or `−bound … bound` on a centred
    /// scale (what every label of the scale must say).
    public var shownRange: (low: Double, high: Double) {
        guard centred else { return (low, high) }
        let bound = max(-low, high)
        return (-bound, bound)
    }

    /// Position of `value`, in [0, 1] for values inside the range (a flat range gives 0.5).
    public func position(_ value: Double) -> Double {
        if centred {
            let bound = max(-low, high)
            return 0.5 + value / (2 * bound)
        }
        return high > low ? (value - low) / (high - low) : 0.5
    }
}
