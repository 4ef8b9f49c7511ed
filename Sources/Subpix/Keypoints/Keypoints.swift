/// The keypoints of an op's dense outputs, best first: one ``Keypoint`` per
/// position of `values` (optionally only where `mask` is true), sorted by
/// value descending, ties by position (batch, channel, then depth, row, column).
///
/// Two layouts are understood, told apart by the rank of `coords`:
///
/// | op outputs | `coords` | `values` | coordinate order |
/// |---|---|---|---|
/// | 2D (`conv_soft_argmax2d`) | `(B, C, 2, H, W)` | `(B, C, H, W)` | x, y |
/// | 3D (`conv_soft_argmax3d`, `conv_quad_interp3d`, `iterative_quad_interp3d`) | `(B, C, 3, D, H, W)` | `(B, C, D, H, W)` | d, x, y |
///
/// Filters, applied per `(batch, channel)` map in this order: `mask` keeps the
/// positions where it is true (an NMS mask of the values' shape); `minValue`
/// keeps values `≥ minValue`; `topK` keeps each map's `topK` best. A position
/// (kept by the mask) whose value or any coordinate is NaN or ±infinity is
/// never a keypoint: it is dropped before the other filters and counted in
/// ``KeypointList/droppedNonFinite``.
///
/// ```swift
/// let (coords, values) = try convQuadInterp3d(dog)
/// let peaks = try nms3dMask(dog, kernelSize: [3, 3, 3])
/// let best = try keypoints(coords: coords, values: values, mask: peaks, topK: 50)
/// best[0]   // Keypoint(batch: 0, channel: 0, x: 12.3, y: 40.1, depth: 2.2, value: 10.8)
/// best.droppedNonFinite   // 0
/// ```
///
/// - Throws: ``SubpixError`` (op `keypoints`) when the shapes do not pair up
///   as in the table, the mask's shape differs from the values', `topK`
///   is negative or `minValue` is NaN.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func keypoints<S: SubpixScalar>(
    coords: Tensor<S>, values: Tensor<S>, mask: Mask? = nil, topK: Int? = nil, minValue: Double? = nil
) throws -> KeypointList {
    let layout = try KeypointLayout(coords: coords.shape, values: values.shape)
    if let mask, mask.shape != values.shape {
        throw SubpixError(
            "keypoints", "expected a mask of the values' shape \(formatShape(values.shape)), got \(formatShape(mask.shape))")
    }
    if let topK, topK < 0 { throw SubpixError("keypoints", "expected top_k >= 0, got \(topK)") }
    if let minValue, minValue.isNaN { throw SubpixError("keypoints", "expected a number for min_value, got nan") }
    // Candidates in position order, then one stable sort by value: keypoint order.
    var found = Candidates(coords: coords, values: values, layout: layout, mask: mask, minValue: minValue)
    found.ranked.sort()
    var kept = [Int](repeating: 0, count: topK == nil ? 0 : layout.maps)
    var points: [Keypoint] = []
    points.reserveCapacity(topK.map { min(found.ranked.count, $0 * layout.maps) } ?? found.ranked.count)
    for (key, candidate) in zip(found.ranked.keys, found.ranked.items) {
        let map = found.maps[candidate]
        if let topK {
            guard kept[map] < topK else { continue }
            kept[map] += 1
        }
        points.append(found.keypoint(candidate, map: map, value: RankedCandidates.value(key), layout: layout))
    }
    return KeypointList(points, droppedNonFinite: found.dropped)
}

/// The positions the mask keeps whose value and coordinates are finite and
/// whose value is at least `minValue`, in position order, with their maps and
/// coordinates (read in position order, so the sorted walk never touches the
/// large coordinate tensor); and how many masked positions were dropped for a
/// non-finite value or coordinate.
private struct Candidates {
    /// Values with candidate numbers (indices into ``maps`` and ``coordinates``).
    var ranked = RankedCandidates()
    var maps: [Int] = []
    /// Per candidate, its `axes` coordinates in the layout's order.
    var coordinates: [Double] = []
    var dropped = 0
    let axes: Int

    init<S: SubpixScalar>(coords: Tensor<S>, values: Tensor<S>, layout: KeypointLayout, mask: Mask?, minValue: Double?) {
        axes = layout.hasDepth ? 3 : 2
        let floor = minValue ?? -.infinity
        values.withUnsafeBufferPointer { values in
            coords.withUnsafeBufferPointer { coords in
                func consider(_ position: Int) {
                    let value = Double(values[position])
                    let map = position / layout.mapSize
                    let base = map * axes * layout.mapSize + position - map * layout.mapSize
                    guard value.isFinite, (0..<axes).allSatisfy({ coords[base + $0 * layout.mapSize].isFinite }) else {
                        dropped += 1
                        return
                    }
                    guard value >= floor else { return }
                    ranked.append(value: value, item: maps.count)
                    maps.append(map)
                    for axis in 0..<axes { coordinates.append(Double(coords[base + axis * layout.mapSize])) }
                }
                guard let mask else {
                    for position in values.indices { consider(position) }
                    return
                }
                // A block's masked positions first, without a branch per position (an
                // NMS mask of noise is an unpredictable one in nine): a Bool is the byte
                // 0 or 1, read as a number. The block buffer lives on the stack.
                mask.elements.withUnsafeBytes { flags in
                    let total = flags.reduce(0) { $0 &+ Int($1) }
                    ranked.reserve(total)
                    maps.reserveCapacity(total)
                    coordinates.reserveCapacity(axes * total)
                    let block = 4096
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: block) { masked in
                        for start in stride(from: 0, to: flags.count, by: block) {
                            var count = 0
                            for position in start..<min(flags.count, start + block) {
                                masked[count] = position
                                count &+= Int(flags[position])
                            }
                            for index in 0..<count { consider(masked[index]) }
                        }
                    }
                }
            }
        }
    }

    func keypoint(_ candidate: Int, map: Int, value: Double, layout: KeypointLayout) -> Keypoint {
        let point = coordinates[(axes * candidate)...]
        let start = point.startIndex
        return Keypoint(
            batch: map / layout.channels, channel: map % layout.channels,
            x: point[start + (axes == 3 ? 1 : 0)], y: point[start + (axes == 3 ? 2 : 1)],
            depth: axes == 3 ? point[start] : nil, value: value)
    }
}

/// One keypoint per channel from `spatial_soft_argmax2d`'s `(B, N, 2)` output
/// (coordinates x, y), in (batch, channel) order.
///
/// Each channel's softmax is one distribution of total mass 1, so without
/// `values` every keypoint's value is 1; pass `values` of shape `(B, N)` (for
/// example each channel's peak response) to carry something else. A channel
/// whose coordinates or value are not finite (a map containing NaN) gives no
/// keypoint and is counted in ``KeypointList/droppedNonFinite``.
///
/// ```swift
/// let points = try keypoints(spatialSoftArgmax: try spatialSoftArgmax2d(heatmaps))
/// points.count   // B × N
/// ```
///
/// - Throws: ``SubpixError`` (op `keypoints`) unless `coords` is `(B, N, 2)`
///   and `values`, when given, is `(B, N)`.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func keypoints<S: SubpixScalar>(spatialSoftArgmax coords: Tensor<S>, values: Tensor<S>? = nil) throws -> KeypointList {
    let shape = coords.shape
    guard shape.count == 3, shape[2] == 2 else {
        throw SubpixError("keypoints", "expected spatial_soft_argmax2d coordinates of shape (B, N, 2), got \(formatShape(shape))")
    }
    if let values, values.shape != [shape[0], shape[1]] {
        throw SubpixError(
            "keypoints", "expected values of shape \(formatShape([shape[0], shape[1]])) for coordinates \(formatShape(shape)), got \(formatShape(values.shape))")
    }
    let channels = shape[1]
    let all = (0..<(shape[0] * channels)).map { item in
        Keypoint(
            batch: item / channels, channel: item % channels,
            x: Double(coords.elements[2 * item]), y: Double(coords.elements[2 * item + 1]),
            value: values.map { Double($0.elements[item]) } ?? 1)
    }
    let kept = all.filter(KeypointList.isFinite)
    return KeypointList(kept, droppedNonFinite: all.count - kept.count)
}

/// How `coords` and `values` of a dense op output line up.
private struct KeypointLayout {
    let batches: Int, channels: Int
    /// Positions per (batch, channel) map.
    let mapSize: Int
    /// Whether coordinates carry a depth (3D layout, order d, x, y) or not (2D, order x, y).
    let hasDepth: Bool

    var maps: Int { batches * channels }

    init(coords: [Int], values: [Int]) throws {
        let is2D = coords.count == 5 && values.count == 4 && coords[2] == 2
        let is3D = coords.count == 6 && values.count == 5 && coords[2] == 3
        let paired = (is2D || is3D) && Array(coords[..<2]) == Array(values[..<2]) && Array(coords[3...]) == Array(values[2...])
        guard paired else {
            throw SubpixError(
                "keypoints", "expected coords (B, C, 2, H, W) with values (B, C, H, W), or coords (B, C, 3, D, H, W) with values (B, C, D, H, W), got coords \(formatShape(coords)) and values \(formatShape(values))")
        }
        (batches, channels) = (values[0], values[1])
        mapSize = values[2...].reduce(1, *)
        hasDepth = is3D
    }

    /// Whether every coordinate of position `local` of map `map` is finite.
}
