/// Where each keypoint of the shown frame was in the frames before it, so
/// jitter and drift during training show as a trail.
///
/// A trail starts at a keypoint of the newest frame and steps back one frame
/// at a time to the keypoint nearest to where it is; it stops at a frame with
/// no keypoint within `maxStep` pixels (the point appeared there).
///
/// ```swift
/// let trails = KeypointTrails.trails([[SIMD2(1, 1)], [SIMD2(2, 1)], [SIMD2(3, 1)]], maxStep: 4)
/// // [[(3, 1), (2, 1), (1, 1)]]: newest first
/// ```
public enum KeypointTrails {
    /// The default largest step between frames that still continues a trail, in pixels.
    public static let defaultMaxStep = 4.0

    /// - Parameter frames: the keypoint positions (x, y) of consecutive frames, oldest first.
    /// - Returns: one trail per keypoint of the last frame, newest position first.
    public static func trails(_ frames: [[SIMD2<Double>]], maxStep: Double = defaultMaxStep) -> [[SIMD2<Double>]] {
        guard let newest = frames.last else { return [] }
        return newest.map { start in
            var trail = [start]
            for earlier in frames.dropLast().reversed() {
                let here = trail[trail.count - 1]
                guard let nearest = earlier.min(by: { distanceSquared($0, here) < distanceSquared($1, here) }),
                      distanceSquared(nearest, here) <= maxStep * maxStep
                else { break }
                trail.append(nearest)
            }
            return trail
        }
    }

    private static func distanceSquared(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
        let d = a - b
        return (d * d).sum()
    }
}
