/// One sub-pixel keypoint read off the dense outputs of an op.
///
/// `x` and `y` are in the coordinates the op produced (pixels, or [-1, 1] when
/// normalised); `depth` is set for the 3D ops (the scale / depth coordinate).
public struct Keypoint: Sendable, Equatable, Hashable {
    public var batch: Int
    public var channel: Int
    public var x: Double
    public var y: Double
    public var depth: Double?
    public var value: Double

    public init(batch: Int, channel: Int, x: Double, y: Double, depth: Double? = nil, value: Double) {
        self.batch = batch
        self.channel = channel
        self.x = x
        self.y = y
        self.depth = depth
        self.value = value
    }
}
