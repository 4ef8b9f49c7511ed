import XCTest
@testable import Subpix

/// `keypoints(coords:values:mask:topK:minValue:)` gathers stretches of positions on
/// threads of their own and merges them: the list must be the rule's, written out
/// here, for any number of stretches — cutting maps, with ties across stretches,
/// NaN and infinite values and coordinates, −0, masks, top_k and min_value.
final class KeypointStretchesTests: XCTestCase {
    func testEveryNumberOfStretchesGivesTheRulesList2D() throws {
        var random = SeededGenerator(seed: 21)
        let shape = [3, 2, 7, 9]
        let (coords, values) = outputs(Float.self, shape: shape, axes: 2, random: &random)
        try checkStretches(coords: coords, values: values, random: &random)
    }

    func testEveryNumberOfStretchesGivesTheRulesList3D() throws {
        var random = SeededGenerator(seed: 22)
        let shape = [2, 1, 3, 4, 5]
        let (coords, values) = outputs(Double.self, shape: shape, axes: 3, random: &random)
        try checkStretches(coords: coords, values: values, random: &random)
    }

    /// Op outputs of `shape` with `axes` coordinate planes: values of five levels
    /// (ties everywhere), −0, and a few NaN and ±inf among values and coordinates.
    private func outputs<S: SubpixScalar>(_: S.Type, shape: [Int], axes: Int, random: inout SeededGenerator) -> (Tensor<S>, Tensor<S>) {
        let (maps, mapSize) = (shape[0] * shape[1], shape[2...].reduce(1, *))
        func special(_ value: S) -> S {
            switch random.next() % 40 {
            case 0: return .nan
            case 1: return .infinity
            case 2: return -.infinity
            default: return value
            }
        }
        let values = (0..<(maps * mapSize)).map { _ -> S in
            let level = Int(random.next() % 5)
            return special(level == 0 ? -0.0 : S(level - 2) / 2)
        }
        let coords = (0..<(maps * axes * mapSize)).map { index in special(S(index % 97) + S(index / 97) / 8) }
        return (try! Tensor(shape: [shape[0], shape[1], axes] + shape[2...], elements: coords), try! Tensor(shape: shape, elements: values))
    }

    private func checkStretches<S: SubpixScalar>(coords: Tensor<S>, values: Tensor<S>, random: inout SeededGenerator) throws {
        let randomMask = try Mask(shape: values.shape, elements: (0..<values.count).map { _ in random.next() % 3 == 0 })
        let layout = try KeypointLayout(coords: coords.shape, values: values.shape)
        for mask in [nil, randomMask] {
            for (topK, minValue) in [(nil, nil), (0, nil), (1, nil), (3, nil), (nil, 0.5), (2, -0.5)] as [(Int?, Double?)] {
                let want = rule(coords: coords, values: values, layout: layout, mask: mask, topK: topK, minValue: minValue)
                for stretches in [1, 2, 3, 5, 8, 13, values.count] {
                    let got = keypoints(
                        coords: coords, values: values, layout: layout, mask: mask, topK: topK, minValue: minValue, stretches: stretches)
                    let label = "\(S.self) mask \(mask != nil) top_k \(String(describing: topK)) min_value \(String(describing: minValue)) stretches \(stretches)"
                    XCTAssertEqual(Array(got), want.points, label)
                    XCTAssertEqual(got.droppedNonFinite, want.dropped, label)
                }
            }
        }
    }

    /// The rule: per masked position, drop it (and count it) when its value or a
    /// coordinate is not finite, skip it below min_value; sort by value descending,
    /// then by position; keep each map's first top_k.
    private func rule<S: SubpixScalar>(
        coords: Tensor<S>, values: Tensor<S>, layout: KeypointLayout, mask: Mask?, topK: Int?, minValue: Double?
    ) -> (points: [Keypoint], dropped: Int) {
        let (mapSize, axes) = (layout.mapSize, layout.axes)
        var found: [(position: Int, point: Keypoint)] = []
        var dropped = 0
        for position in 0..<values.count where mask?.elements[position] ?? true {
            let (map, local) = (position / mapSize, position % mapSize)
            let axis = { (axis: Int) in Double(coords.elements[(map * axes + axis) * mapSize + local]) }
            let value = Double(values.elements[position])
            let point = Keypoint(
                batch: map / layout.channels, channel: map % layout.channels, x: axis(axes - 2), y: axis(axes - 1),
                depth: axes == 3 ? axis(0) : nil, value: value == 0 ? 0 : value)
            guard KeypointList.isFinite(point) else {
                dropped += 1
                continue
            }
            if value >= minValue ?? -.infinity { found.append((position, point)) }
        }
        found.sort { $0.point.value > $1.point.value || ($0.point.value == $1.point.value && $0.position < $1.position) }
        var perMap = [Int: Int]()
        let kept = found.filter { candidate in
            perMap[candidate.position / mapSize, default: 0] += 1
            return perMap[candidate.position / mapSize, default: 0] <= topK ?? .max
        }
        return (kept.map(\.point), dropped)
    }
}
