import Subpix
import SubpixLanguage

/// The `coords` argument of the field's refiners: a `(B, K, 2)` / `(B, K, N, 2)`
/// tensor, or a keypoint list (`keypoints(x, mask=nms2d(x, (3, 3), mask_only=True))`),
/// whose points are refined on their own `(batch, channel)` map and come back as
/// keypoints in the same order with the same values (non-finite results dropped and
/// counted, as `keypoints` does).
enum RefinerPoints {
    /// Runs `refine(maps, coords)` on the builtin's `input` and `coords`.
    static func run(_ a: Arguments, _ refine: (AnyTensor, AnyTensor) throws -> AnyTensor) throws -> Value {
        let maps = try a.tensor("input")
        switch a["coords"] {
        case .tensor(let coords):
            return .tensor(try refine(maps, coords))
        case .keypoints(let list):
            return .keypoints(try refined(list, on: maps, a, refine))
        default:
            throw a.error("coords", "a (B, K, 2) or (B, K, N, 2) tensor, or keypoints")
        }
    }

    private static func refined(
        _ list: KeypointList, on maps: AnyTensor, _ a: Arguments, _ refine: (AnyTensor, AnyTensor) throws -> AnyTensor
    ) throws -> KeypointList {
        let shape = maps.shape
        guard shape.count == 4 else { throw a.error("input", "a (B, K, H, W) map for keypoints", got: Arguments.describe(a["input"])) }
        let (batch, channels) = (shape[0], shape[1])
        var slots = [[Int]](repeating: [], count: batch * channels)
        for (index, point) in list.points.enumerated() {
            guard point.depth == nil, (0..<batch).contains(point.batch), (0..<channels).contains(point.channel) else {
                throw a.error("coords", "2D keypoints of the input's \(batch) × \(channels) maps",
                              got: "a keypoint of batch \(point.batch), channel \(point.channel)")
            }
            slots[point.batch * channels + point.channel].append(index)
        }
        // (B, K, N, 2) with N the most points of any map; the unused slots are NaN.
        let perMap = slots.map(\.count).max() ?? 0
        var coords = [Double](repeating: .nan, count: batch * channels * perMap * 2)
        for (map, indices) in slots.enumerated() {
            for (slot, index) in indices.enumerated() {
                coords[(map * perMap + slot) * 2] = list.points[index].x
                coords[(map * perMap + slot) * 2 + 1] = list.points[index].y
            }
        }
        let result = try refine(maps, AnyTensor(try Tensor(shape: [batch, channels, perMap, 2], elements: coords))).doubles
        var points = list.points
        for (map, indices) in slots.enumerated() {
            for (slot, index) in indices.enumerated() {
                (points[index].x, points[index].y) = (result[(map * perMap + slot) * 2], result[(map * perMap + slot) * 2 + 1])
            }
        }
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        return KeypointList(finite, droppedNonFinite: list.droppedNonFinite + points.count - finite.count)
    }
}
