extension KeypointMethod {
    /// The largest map (in pixels or voxels) ``keypointsOfEveryMap(_:with:filters:)``
    /// searches together with the others: a band's worth of the banded search.
    public static let everyMapPixels = 1 << 16

    /// What ``keypointsOfEveryMap(_:with:filters:)`` keeps of one map.
    public enum MapFilter: Sendable, Hashable {
        /// Nothing: the map is not searched (it has no confident peak).
        case skip
        /// Its keypoints whose value is at least `minValue` (nil: all of them).
        case keep(minValue: Double?)
    }

    /// The keypoints of every `(batch, channel)` map of `maps`, a `(B, C, H, W)` or
    /// `(B, C, D, H, W)` tensor of this method's rank: per map, batch-major, the
    /// keypoints its filter keeps, at most `settings.topK`, best first and labelled
    /// with their batch and channel — what ``keypoints(of:with:)`` lists for each map
    /// on its own with `settings.minValue` set to the map's floor.
    ///
    /// The methods that can (``findEveryMap``) search all maps in one call, each to its
    /// own floor, when the maps are small (at most ``everyMapPixels``): on a pose
    /// network's `(1, 17, 64, 48)`, one call per map costs more than the search.
    /// Larger maps go one at a time, which bounds the memory a method's outputs take.
    /// The lists carry no ``KeypointList/droppedNonFinite`` count.
    ///
    /// - Throws: ``SubpixError`` when `maps` is not of the method's rank or `filters` has not
    ///   one entry per map, or from the method.
    public func keypointsOfEveryMap(_ maps: AnyTensor, with settings: KeypointSettings, filters: [MapFilter]) throws -> [KeypointList] {
        let shape = maps.shape
        guard shape.count == inputRank else {
            throw SubpixError(name, "expected a \(isVolumetric ? "(B, C, D, H, W)" : "(B, C, H, W)") array, got shape \(formatShape(shape))")
        }
        let channels = shape[1]
        guard filters.count == shape[0] * channels else {
            throw SubpixError(name, "expected one filter per map of \(formatShape(shape)), got \(filters.count)")
        }
        // Per map, the least value of its keypoints: +∞ for a map left out, −∞ for all of them.
        let floors = filters.map { filter -> Double in
            guard case .keep(let minValue) = filter else { return .infinity }
            return minValue ?? -.infinity
        }
        guard floors.contains(where: { $0 < .infinity }) else { return Array(repeating: [], count: filters.count) }
        let pixels = shape.dropFirst(2).reduce(1, *)
        guard let findEveryMap, pixels <= Self.everyMapPixels else {
            return try filters.indices.map { map in
                guard case .keep(let minValue) = filters[map] else { return [] }
                var own = settings
                own.minValue = minValue
                let (batch, channel) = map.quotientAndRemainder(dividingBy: channels)
                let found = try find(try MapSelection.map(maps, batch: batch, channel: channel), own).keypoints
                return KeypointList(found.relabelled(batch: batch, channel: channel).points)
            }
        }
        var all = settings
        all.minValue = nil   // each map's filter is its floor
        var lists = [[Keypoint]](repeating: [], count: filters.count)
        for point in try findEveryMap(maps, all, floors).points {
            lists[point.batch * channels + point.channel].append(point)
        }
        return lists.map { KeypointList($0) }
    }
}
