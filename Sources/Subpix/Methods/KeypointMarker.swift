/// How a keypoint method's points are marked: a shape, a colour `0xRRGGBB`, and
/// the colour's name for the legend.
public struct KeypointMarker: Sendable, Equatable {
    public let shape: MarkerShape
    public let color: UInt32
    public let colorName: String

    public init(_ shape: MarkerShape, _ color: UInt32, _ colorName: String) {
        (self.shape, self.color, self.colorName) = (shape, color, colorName)
    }
}
