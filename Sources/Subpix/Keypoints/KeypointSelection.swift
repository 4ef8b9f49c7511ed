/// Which positions of dense values become keypoints: the rule shared by every
/// `keypoints(...)` form. Per map, in this order: the mask keeps its positions;
/// a position whose value or coordinates are not finite is dropped and counted;
/// `minValue` keeps values `≥ minValue`; `topK` keeps the map's best. Then all
/// maps' picks sort by value descending, ties by map, then position.
struct KeypointSelection {
    /// The picks, best first: the map and the position within it.
    private(set) var chosen: [(map: Int, candidate: BestCandidates.Candidate)] = []
    private(set) var dropped = 0

    init<S: SubpixScalar>(
        values: Tensor<S>, mask: Mask?, maps: Int, topK: Int?, minValue: Double?,
        hasFiniteCoordinates: (_ map: Int, _ local: Int) -> Bool
    ) throws {
        if let mask, mask.shape != values.shape {
            throw SubpixError(
                "keypoints", "expected a mask of the values' shape \(formatShape(values.shape)), got \(formatShape(mask.shape))")
        }
        if let topK, topK < 0 { throw SubpixError("keypoints", "expected top_k >= 0, got \(topK)") }
        if let minValue, minValue.isNaN { throw SubpixError("keypoints", "expected a number for min_value, got nan") }
        let mapSize = maps > 0 ? values.count / maps : 0
        values.withUnsafeBufferPointer { values in
            for map in 0..<maps {
                var best = BestCandidates(capacity: topK ?? mapSize)
                for local in 0..<mapSize {
                    let index = map * mapSize + local
                    guard mask?.elements[index] ?? true else { continue }
                    let value = Double(values[index])
                    guard value.isFinite, hasFiniteCoordinates(map, local) else {
                        dropped += 1
                        continue
                    }
                    guard value >= minValue ?? -.infinity else { continue }
                    best.offer(value, at: local)
                }
                chosen += best.sorted().map { (map, $0) }
            }
        }
        chosen.sort { lhs, rhs in
            lhs.candidate.value > rhs.candidate.value
                || (lhs.candidate.value == rhs.candidate.value && (lhs.map, lhs.candidate.index) < (rhs.map, rhs.candidate.index))
        }
    }
}
