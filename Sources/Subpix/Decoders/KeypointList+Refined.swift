extension KeypointList {
    /// These keypoints, each refined on its own `(batch, channel)` map of `maps` by
    /// a field refiner: `refine(maps (B, K, H, W), coords (B, K, N, 2))` gives the
    /// refined `(x, y)` of every point, `N` the most points of any map (the unused
    /// slots are NaN). The points come back in the same order with the same values;
    /// those whose refined coordinate is not finite are dropped and counted, as
    /// `keypoints(...)` counts them.
    ///
    /// The one adapter between keypoint lists and the refiners' coordinate tensors:
    /// the viewer's refining methods and the script's `refine_*(x, kp)` both use it.
    ///
    /// ```swift
    /// let maxima = try nms2dKeypoints(pixelsOf: heat, kernelSize: [3, 3], topK: 5, minValue: nil)
    /// let moved = try maxima.refined(on: heat, op: "refine_quarter") { try refineQuarter($0, coords: $1) }
    /// ```
    ///
    /// - Throws: ``SubpixError`` (named `op`) for maps that are not `(B, K, H, W)`, a
    ///   3D keypoint or one of a map `maps` lacks, or what `refine` throws.
    public func refined<S: SubpixScalar>(
        on maps: Tensor<S>, op: String, by refine: (_ maps: Tensor<S>, _ coords: Tensor<S>) throws -> Tensor<S>
    ) throws -> KeypointList {
        try maps.requireShape(rank: 4, layout: "(B, K, H, W)", op: op)
        let (batch, channels) = (maps.shape[0], maps.shape[1])
        var slots = [[Int]](repeating: [], count: batch * channels)
        for (index, point) in points.enumerated() {
            guard point.depth == nil, (0..<batch).contains(point.batch), (0..<channels).contains(point.channel) else {
                let given = point.depth == nil ? "a keypoint of batch \(point.batch), channel \(point.channel)" : "a 3D keypoint"
                throw SubpixError(op, "expected 2D keypoints of the input's \(batch) × \(channels) maps, got \(given)")
            }
            slots[point.batch * channels + point.channel].append(index)
        }
        let perMap = slots.map(\.count).max() ?? 0
        var coords = [S](repeating: .nan, count: batch * channels * perMap * 2)
        for (map, indices) in slots.enumerated() {
            for (slot, index) in indices.enumerated() {
                coords[(map * perMap + slot) * 2] = S(points[index].x)
                coords[(map * perMap + slot) * 2 + 1] = S(points[index].y)
            }
        }
        let shape = [batch, channels, perMap, 2]
        let refined = try refine(maps, try Tensor(shape: shape, elements: coords))
        guard refined.shape == shape else {
            throw SubpixError(op, "expected refined coords of shape \(formatShape(shape)), got \(formatShape(refined.shape))")
        }
        let result = refined.elements
        var moved = points
        for (map, indices) in slots.enumerated() {
            for (slot, index) in indices.enumerated() {
                (moved[index].x, moved[index].y) = (Double(result[(map * perMap + slot) * 2]), Double(result[(map * perMap + slot) * 2 + 1]))
            }
        }
        let finite = moved.filter { $0.x.isFinite && $0.y.isFinite }
        return KeypointList(finite, droppedNonFinite: droppedNonFinite + moved.count - finite.count)
    }
}
