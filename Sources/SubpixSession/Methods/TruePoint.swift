import Foundation
import Subpix

/// A ground-truth location a method is measured against: `(x, y)` in pixels
/// (x the column, y the row) in the map of one batch and channel.
public struct TruePoint: Sendable, Equatable {
    public var batch: Int
    public var channel: Int
    public var x: Double
    public var y: Double

    public init(batch: Int = 0, channel: Int = 0, x: Double, y: Double) {
        self.batch = batch
        self.channel = channel
        self.x = x
        self.y = y
    }

    /// The centre of a `gaussians(...)` peak, in the one map that generator draws.
    public init(_ peak: GaussianPeak) { self.init(x: peak.x, y: peak.y) }

    /// The distance from each true point to the nearest of `keypoints` (infinity when there is none).
    public static func errors(of truth: [TruePoint], to keypoints: KeypointList) -> [Double] {
        truth.map { point in keypoints.map { hypot($0.x - point.x, $0.y - point.y) }.min() ?? .infinity }
    }
}
