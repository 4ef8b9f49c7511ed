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
/// Large outputs are searched on up to ``Parallelism/maxThreads`` threads, a
/// stretch of positions each; the list is the same for any number of threads.
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
    try validateKeypointFilters(topK: topK, minValue: minValue)
    return keypoints(coords: coords, values: values, layout: layout, mask: mask, topK: topK, minValue: minValue, stretches: nil)
}

/// Refuses a negative `topK` and a NaN `minValue`.
func validateKeypointFilters(topK: Int?, minValue: Double?) throws {
    if let topK, topK < 0 { throw SubpixError("keypoints", "expected top_k >= 0, got \(topK)") }
    if let minValue, minValue.isNaN { throw SubpixError("keypoints", "expected a number for min_value, got nan") }
}

/// ``keypoints(coords:values:mask:topK:minValue:)`` after its checks, gathered
/// over `stretches` consecutive stretches of positions (by default one per
/// thread when there is enough work), each on a thread of its own, and merged.
///
/// Each stretch's candidates are sorted on their own (``CandidateRun``); a
/// keypoint's place in the whole list is then its rank in its own run plus, in
/// every other run, the number of candidates that come before it — those of
/// lower value, and of equal value in an earlier run, as positions are in run
/// order. Each run writes its keypoints straight to their places, so the merge
/// is split over the threads too, and the list is the same for any number of
/// stretches.
func keypoints<S: SubpixScalar>(
    coords: Tensor<S>, values: Tensor<S>, layout: KeypointLayout, mask: Mask?, topK: Int?, minValue: Double?, stretches: Int?
) -> KeypointList {
    let positions = values.count
    guard positions > 0 else { return [] }
    let threads = positions >= parallelWorkThreshold ? Parallelism.threads : 1
    // Candidate numbers are Int32: no stretch may hold more positions.
    let count = Swift.min(positions, Swift.max(stretches ?? threads, (positions + Int(Int32.max) - 1) / Int(Int32.max)))
    let bounds = (0...count).map { $0 * positions / count }
    var runs = [CandidateRun<S>?](repeating: nil, count: count)
    values.withUnsafeBufferPointer { values in
        coords.withUnsafeBufferPointer { coords in
            withMaskBytes(mask) { mask in
                runs.withUnsafeMutableBufferPointer { runs in
                    parallelFor(count, work: positions) { run in
                        runs[run] = CandidateRun(
                            positions: bounds[run]..<bounds[run + 1], coords: coords, values: values, mask: mask,
                            layout: layout, topK: topK, minValue: minValue)
                    }
                }
            }
        }
    }
    let sorted = runs.compactMap { $0 }
    var points = merged(sorted, layout: layout, work: positions)
    // A map cut between two stretches kept up to topK in each: keep its topK best of all.
    if let topK, bounds.contains(where: { $0 % layout.mapSize != 0 }) {
        var kept = [Int](repeating: 0, count: layout.maps)
        points = points.filter { point in
            let map = point.batch * layout.channels + point.channel
            kept[map] += 1
            return kept[map] <= topK
        }
    }
    return KeypointList(points, droppedNonFinite: sorted.reduce(0) { $0 + $1.dropped })
}

/// Runs of consecutive stretches as one list in keypoint order, each run
/// writing its own keypoints to their places (on threads of their own when
/// `work`, the positions the runs were gathered from, pays for them).
private func merged<S: SubpixScalar>(_ runs: [CandidateRun<S>], layout: KeypointLayout, work: Int) -> [Keypoint] {
    let total = runs.reduce(0) { $0 + $1.count }
    return [Keypoint](unsafeUninitializedCapacity: total) { points, written in
        withKeyBuffers(of: runs[...]) { keys in
            parallelFor(runs.count, work: work) { run in
                // Per run: how many of its keys come before the current key of `run`.
                var before = [Int](repeating: 0, count: runs.count)
                for rank in keys[run].indices {
                    let key = keys[run][rank]
                    var place = rank
                    for other in keys.indices where other != run {
                        var index = before[other]
                        if other < run {
                            while index < keys[other].count, keys[other][index] <= key { index += 1 }
                        } else {
                            while index < keys[other].count, keys[other][index] < key { index += 1 }
                        }
                        before[other] = index
                        place += index
                    }
                    (points.baseAddress! + place).initialize(to: runs[run].keypoint(at: rank, layout: layout))
                }
            }
        }
        written = total
    }
}

/// Calls `body` with the key buffers of `runs`.
private func withKeyBuffers<S: SubpixScalar, R>(
    of runs: ArraySlice<CandidateRun<S>>, _ body: ([UnsafeBufferPointer<UInt64>]) -> R
) -> R {
    guard let first = runs.first else { return body([]) }
    return first.keys.withUnsafeBufferPointer { keys in
        withKeyBuffers(of: runs.dropFirst()) { body([keys] + $0) }
    }
}

/// The mask's Bools as bytes (0 or 1), or nil.
private func withMaskBytes<R>(_ mask: Mask?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
    guard let mask else { return body(nil) }
    return mask.elements.withUnsafeBytes { body($0) }
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
// No exported pre-specialisations (see `nms2dMask`): one point per map, cheap either way.
public func keypoints<S: SubpixScalar>(spatialSoftArgmax coords: Tensor<S>, values: Tensor<S>? = nil) throws -> KeypointList {
    let shape = coords.shape
    guard shape.count == 3, shape[2] == 2 else {
        throw SubpixError("keypoints", "expected \(Method.spatialSoftArgmax2d.name) coordinates of shape (B, N, 2), got \(formatShape(shape))")
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
struct KeypointLayout {
    let batches: Int, channels: Int
    /// Positions per (batch, channel) map.
    let mapSize: Int
    /// Whether coordinates carry a depth (3D layout, order d, x, y) or not (2D, order x, y).
    let hasDepth: Bool

    var maps: Int { batches * channels }
    /// Coordinates per position.
    var axes: Int { hasDepth ? 3 : 2 }
    /// The axis of x among a position's coordinates (y follows it).
    var xAxis: Int { hasDepth ? 1 : 0 }

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
}
