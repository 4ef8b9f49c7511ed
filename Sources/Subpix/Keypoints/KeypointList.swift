/// Keypoints, best first, and how many candidates were dropped because a
/// coordinate or the value was not finite (NaN or ±infinity).
///
/// The one rule for non-finite numbers everywhere (core, scripts, viewer,
/// export): such a keypoint is never listed, drawn or written, and it is
/// counted, so that "0 keypoints" always comes with its reason.
///
/// It is a collection of ``Keypoint``s, so `list.count`, `list[0]` and
/// `for point in list` read as for an array.
///
/// ```swift
/// let list = try keypoints(coords: coords, values: values, topK: 5)
/// list.count              // 3
/// list.droppedNonFinite   // 2
/// list.droppedNote        // "2 dropped: NaN/inf"
/// ```
public struct KeypointList: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// The kept keypoints, best first.
    public var points: [Keypoint]
    /// Candidates dropped for a non-finite coordinate or value.
    public var droppedNonFinite: Int

    public init(_ points: [Keypoint] = [], droppedNonFinite: Int = 0) {
        self.points = points
        self.droppedNonFinite = droppedNonFinite
    }

    public init(arrayLiteral points: Keypoint...) { self.init(points) }

    public var startIndex: Int { points.startIndex }
    public var endIndex: Int { points.endIndex }
    public subscript(position: Int) -> Keypoint { points[position] }

    /// `"2 dropped: NaN/inf"`, or nil when nothing was dropped.
    public var droppedNote: String? {
        droppedNonFinite > 0 ? "\(droppedNonFinite) dropped: NaN/inf" : nil
    }

    /// The keypoints that satisfy `isIncluded`, with the same dropped count.
    public func filter(_ isIncluded: (Keypoint) throws -> Bool) rethrows -> KeypointList {
        KeypointList(try points.filter(isIncluded), droppedNonFinite: droppedNonFinite)
    }

    /// The keypoints of a one-map slice moved to batch `batch`, channel `channel`
    /// (where that map is in the whole tensor), with the same dropped count.
    public func relabelled(batch: Int, channel: Int) -> KeypointList {
        KeypointList(points.map { point in
            var point = point
            (point.batch, point.channel) = (batch, channel)
            return point
        }, droppedNonFinite: droppedNonFinite)
    }

    /// Whether a keypoint's coordinates and value are all finite (the rule above).
    public static func isFinite(_ point: Keypoint) -> Bool {
        point.x.isFinite && point.y.isFinite && point.value.isFinite && (point.depth?.isFinite ?? true)
    }
}
