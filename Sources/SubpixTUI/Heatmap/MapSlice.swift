import Subpix

/// One 2D map of a `(B, C, H, W)` or `(B, C, D, H, W)` tensor, as doubles,
/// with the range the colour scale uses.
public struct MapSlice: Sendable {
    /// What a slice is cut from: a variable at a session revision, and the selection.
    struct Key: Hashable {
        var name: String
        var revision: Int
        var batch: Int, channel: Int, depth: Int
    }

    public let width: Int
    public let height: Int
    public let values: [Double]
    /// Smallest and largest finite values (0 and 1 when there are none).
    public let low: Double
    public let high: Double

    /// The map at (batch, channel[, depth]); indices are clamped into range.
    public init(_ tensor: AnyTensor, batch: Int, channel: Int, depth: Int) {
        let shape = tensor.shape
        let spatial = shape.count >= 2 ? Array(shape.suffix(2)) : [1, max(1, shape.first ?? 1)]
        (height, width) = (spatial[0], spatial[1])
        let plane = height * width
        var offset = 0
        if shape.count >= 4 {
            let b = min(max(0, batch), shape[0] - 1), c = min(max(0, channel), shape[1] - 1)
            let d = shape.count == 5 ? min(max(0, depth), shape[2] - 1) : 0
            let depthCount = shape.count == 5 ? shape[2] : 1
            offset = ((b * shape[1] + c) * depthCount + d) * plane
        }
        values = offset + plane <= tensor.count ? tensor.doubles(offset..<(offset + plane)) : Array(repeating: .nan, count: plane)
        var (smallest, largest) = (Double.infinity, -Double.infinity)
        for value in values where value.isFinite {
            smallest = min(smallest, value)
            largest = max(largest, value)
        }
        (low, high) = smallest <= largest ? (smallest, largest) : (0, 1)
    }

    public subscript(x: Int, y: Int) -> Double { values[y * width + x] }

    /// True when the map has substantial values of both signs (a DoG, say; not
    /// a heatmap with a little negative noise): the diverging palette fits.
    public var isSigned: Bool { low < 0 && high > 0 && -low >= 0.2 * high }

    /// Position of `value` on the colour scale, in [0, 1]; signed maps centre 0 at 0.5.
    public func scale(_ value: Double) -> Double {
        if isSigned {
            let bound = max(-low, high)
            return 0.5 + value / (2 * bound)
        }
        return high > low ? (value - low) / (high - low) : 0.5
    }
}
