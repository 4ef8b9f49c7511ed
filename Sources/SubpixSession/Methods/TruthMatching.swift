import Foundation
import Subpix

/// Ground truth and keypoints paired one to one: each true point takes at most
/// one keypoint and each keypoint serves at most one true point, so two true
/// peaks found as one keypoint count one match and one miss (not two matches
/// to the same keypoint).
///
/// Pairs are taken greedily by distance, nearest first, among the pairs closer
/// than ``radius``: a true point with no keypoint left within the radius is
/// *missed*, a keypoint left over is a *false positive*.
public struct TruthMatching: Sendable, Equatable {
    /// Farther apart than this (px), a keypoint is not a detection of a true point.
    public static let radius = 3.0

    /// The distances (px) of the matched pairs, in the true points' order.
    public var distances: [Double]
    /// True points no keypoint was matched to.
    public var missed: Int
    /// Keypoints matched to no true point.
    public var falsePositives: Int

    public init(truth: [TruePoint], keypoints: KeypointList, radius: Double = TruthMatching.radius) {
        var pairs: [(distance: Double, truth: Int, keypoint: Int)] = []
        for (t, point) in truth.enumerated() {
            for (k, keypoint) in keypoints.enumerated() {
                let distance = hypot(keypoint.x - point.x, keypoint.y - point.y)
                if distance <= radius { pairs.append((distance, t, k)) }
            }
        }
        var matched = [Double?](repeating: nil, count: truth.count)
        var used = Set<Int>()
        for pair in pairs.sorted(by: { $0.distance < $1.distance }) where matched[pair.truth] == nil && !used.contains(pair.keypoint) {
            matched[pair.truth] = pair.distance
            used.insert(pair.keypoint)
        }
        distances = matched.compactMap { $0 }
        missed = truth.count - distances.count
        falsePositives = keypoints.count - used.count
    }

    /// Mean and largest matched distance (nil when nothing matched).
    public var error: (mean: Double, max: Double)? {
        guard let largest = distances.max() else { return nil }
        return (distances.reduce(0, +) / Double(distances.count), largest)
    }
}
