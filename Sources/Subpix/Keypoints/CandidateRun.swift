/// The keypoint candidates of one stretch of positions of an op's dense outputs,
/// in keypoint order: the positions the mask keeps whose value and coordinates
/// are finite and whose value is at least the floor, sorted by value descending
/// (ties in position order), and cut to each map's `topK` best of the stretch.
///
/// Several runs over consecutive stretches are what ``keypoints(coords:values:mask:topK:minValue:)``
/// gathers on several threads at once and then merges.
struct CandidateRun<S: SubpixScalar> {
    /// The map the stretch starts in; candidates name their map relative to it.
    let firstMap: Int
    /// Keys (``KeypointOrder``) ascending, that is, keypoint order.
    private(set) var keys: [UInt64]
    /// Per key, its candidate number: an index into ``maps`` and ``coordinates``.
    private var candidates: [Int32]
    /// Per candidate number, its map minus ``firstMap``.
    private var maps: [Int32]
    /// Per candidate number, its `axes` coordinates in the layout's order.
    private var coordinates: [S]
    /// Masked positions dropped for a non-finite value or coordinate.
    let dropped: Int

    var count: Int { keys.count }

    /// Gathers and orders the candidates of `positions`, a range of at most
    /// `Int32.max` positions of `values`.
    init(
        positions: Range<Int>, coords: UnsafeBufferPointer<S>, values: UnsafeBufferPointer<S>, mask: UnsafeRawBufferPointer?,
        layout: KeypointLayout, topK: Int?, minValue: Double?
    ) {
        firstMap = positions.lowerBound / layout.mapSize
        (keys, candidates, maps, coordinates, dropped) = Self.gather(
            positions, firstMap: firstMap, coords: coords, values: values, mask: mask, layout: layout, floor: minValue ?? -.infinity)
        KeypointOrder.sort(&keys, &candidates, bits: KeypointOrder.keyBits(S.self))
        if let topK { keepBest(topK) }
    }

    /// The keypoint at rank `rank` of this run.
    @inline(__always)
    func keypoint(at rank: Int, layout: KeypointLayout) -> Keypoint {
        let candidate = Int(candidates[rank])
        let map = firstMap + Int(maps[candidate])
        let point = layout.axes * candidate
        return Keypoint(
            batch: map / layout.channels, channel: map % layout.channels,
            x: Double(coordinates[point + layout.xAxis]), y: Double(coordinates[point + layout.xAxis + 1]),
            depth: layout.hasDepth ? Double(coordinates[point]) : nil,
            value: Double(KeypointOrder.value(keys[rank], as: S.self)))
    }

    /// The candidates of `positions` in position order, numbered in that order.
    ///
    /// Each masked position is written without a branch and counted only when it
    /// is kept (an NMS mask of noise keeps an unpredictable one in nine): the mask's
    /// Bool is the byte 0 or 1, read as a number, and a stack block lists up to 4096
    /// positions' masked ones before they are read. A write lands at the count of
    /// candidates kept so far, which is below the number of positions read so far,
    /// so `capacity` (the masked positions) is never passed.
    private static func gather(
        _ positions: Range<Int>, firstMap: Int, coords: UnsafeBufferPointer<S>, values: UnsafeBufferPointer<S>,
        mask: UnsafeRawBufferPointer?, layout: KeypointLayout, floor: Double
    ) -> (keys: [UInt64], candidates: [Int32], maps: [Int32], coordinates: [S], dropped: Int) {
        let (axes, mapSize) = (layout.axes, layout.mapSize)
        let capacity = mask.map { UnsafeRawBufferPointer(rebasing: $0[positions]).reduce(0) { $0 &+ Int($1) } } ?? positions.count
        var (count, dropped) = (0, 0)
        var (candidates, maps, coordinates) = ([Int32](), [Int32](), [S]())
        let keys = [UInt64](unsafeUninitializedCapacity: capacity) { keys, keysWritten in
            candidates = [Int32](unsafeUninitializedCapacity: capacity) { candidates, candidatesWritten in
                maps = [Int32](unsafeUninitializedCapacity: capacity) { maps, mapsWritten in
                    coordinates = [S](unsafeUninitializedCapacity: axes * capacity) { coordinates, coordinatesWritten in
                        var start = positions.lowerBound
                        while start < positions.upperBound {
                            let map = start / mapSize
                            let end = Swift.min(positions.upperBound, (map + 1) * mapSize)
                            // Axis `a` of position `p` (of this map) is `planes[p + a * mapSize]`.
                            let planes = coords.baseAddress! + map * (axes - 1) * mapSize
                            let localMap = Int32(truncatingIfNeeded: map - firstMap)
                            @inline(__always) func consider(_ position: Int) {
                                let value = values[position]
                                var finite = value.isFinite
                                for axis in 0..<axes {
                                    let coordinate = planes[position + axis * mapSize]
                                    coordinates[axes * count + axis] = coordinate
                                    finite = finite && coordinate.isFinite
                                }
                                keys[count] = KeypointOrder.key(value)
                                candidates[count] = Int32(truncatingIfNeeded: count)
                                maps[count] = localMap
                                dropped &+= finite ? 0 : 1
                                count &+= finite && Double(value) >= floor ? 1 : 0
                            }
                            if let mask {
                                withUnsafeTemporaryAllocation(of: Int.self, capacity: 4096) { masked in
                                    for block in stride(from: start, to: end, by: 4096) {
                                        var listed = 0
                                        for position in block..<Swift.min(end, block + 4096) {
                                            masked[listed] = position
                                            listed &+= Int(mask[position])
                                        }
                                        for index in 0..<listed { consider(masked[index]) }
                                    }
                                }
                            } else {
                                for position in start..<end { consider(position) }
                            }
                            start = end
                        }
                        coordinatesWritten = axes * count
                    }
                    mapsWritten = count
                }
                candidatesWritten = count
            }
            keysWritten = count
        }
        return (keys, candidates, maps, coordinates, dropped)
    }

    /// Keeps each map's first `topK` candidates, in order.
    private mutating func keepBest(_ topK: Int) {
        var kept = [Int](repeating: 0, count: (maps.last.map { Int($0) } ?? 0) + 1)
        var written = 0
        for rank in 0..<count {
            let map = Int(maps[Int(candidates[rank])])
            guard kept[map] < topK else { continue }
            kept[map] += 1
            (keys[written], candidates[written]) = (keys[rank], candidates[rank])
            written += 1
        }
        keys.removeSubrange(written...)
        candidates.removeSubrange(written...)
    }
}
