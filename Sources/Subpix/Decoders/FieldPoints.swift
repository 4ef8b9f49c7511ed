/// Points on heatmaps for a refiner: coordinates `(B, K, 2)` (one per map) or
/// `(B, K, N, 2)` (N per map, such as the NMS maxima of `keypoints`), in
/// `(x, y)` order and pixel units, each refined on its own map.
enum FieldPoints {
    /// Refines every point with `refine(plane, x, y)`, where `plane` is the point's map.
    static func refine<S: SubpixScalar>(
        _ heatmaps: Tensor<S>, coords: Tensor<S>, op: String, refine: (HeatPlane<S>, S, S) -> (x: S, y: S)
    ) throws -> Tensor<S> {
        try Self.refine(heatmaps, coords: coords, op: op, prepare: { $0 }, refine: refine)
    }

    /// Refines every point with `refine(prepared, x, y)`, where `prepared` is the
    /// point's map after `prepare` (applied once per map with points).
    static func refine<S: SubpixScalar, Prepared>(
        _ heatmaps: Tensor<S>, coords: Tensor<S>, op: String,
        prepare: (HeatPlane<S>) -> Prepared,
        refine: (Prepared, S, S) -> (x: S, y: S)
    ) throws -> Tensor<S> {
        let maps = try HeatmapBatch(heatmaps, op: op)
        let shape = coords.shape
        let lead = [maps.batch, maps.keypoints]
        guard (shape.count == 3 || shape.count == 4), Array(shape.prefix(2)) == lead, shape.last == 2 else {
            throw SubpixError(
                op, "expected coords of shape (B, K, 2) or (B, K, N, 2) with (B, K) = \(formatShape(lead)) of the heatmaps, got \(formatShape(shape))")
        }
        let perMap = shape.count == 4 ? shape[2] : 1
        var out = coords.elements
        for index in 0..<maps.mapCount where perMap > 0 {
            let plane = prepare(maps.plane(index))
            for point in 0..<perMap {
                let offset = (index * perMap + point) * 2
                let refined = refine(plane, out[offset], out[offset + 1])
                out[offset] = refined.x
                out[offset + 1] = refined.y
            }
        }
        return Tensor(uncheckedShape: shape, elements: out)
    }
}
