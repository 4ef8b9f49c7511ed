/// The `(B, K, H, W)` heatmaps of a field decoder, validated and cut into planes.
struct HeatmapBatch<S: SubpixScalar> {
    let batch: Int
    let keypoints: Int
    let height: Int
    let width: Int
    let tensor: Tensor<S>

    init(_ heatmaps: Tensor<S>, op: String) throws {
        try heatmaps.requireShape(rank: 4, layout: "(B, K, H, W)", op: op)
        (batch, keypoints, height, width) = (heatmaps.shape[0], heatmaps.shape[1], heatmaps.shape[2], heatmaps.shape[3])
        tensor = heatmaps
    }

    var mapCount: Int { batch * keypoints }

    /// Map number `index` in `(B, K)` order.
    func plane(_ index: Int) -> HeatPlane<S> {
        let size = height * width
        return HeatPlane(values: Array(tensor.elements[(index * size)..<((index + 1) * size)]), height: height, width: width)
    }

    /// One `(x, y)` per map, `(B, K, 2)`, from a function of the plane.
    func pointPerMap(_ decode: (HeatPlane<S>) -> (x: S, y: S)) -> Tensor<S> {
        var out: [S] = []
        out.reserveCapacity(mapCount * 2)
        for index in 0..<mapCount {
            let point = decode(plane(index))
            out += [point.x, point.y]
        }
        return Tensor(uncheckedShape: [batch, keypoints, 2], elements: out)
    }
}
