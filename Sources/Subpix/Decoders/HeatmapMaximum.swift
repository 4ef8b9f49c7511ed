/// The first maximum of each heatmap — mmpose's `get_heatmap_maximum`.
///
/// For each `(b, k)` map the `(x, y)` pixel of its largest value (the first in
/// row-major order when several are equal, the first NaN when there is one) and
/// that value. A map whose maximum is not positive has no keypoint: its
/// coordinates are `(−1, −1)`.
///
/// ```swift
/// let (coords, values) = try heatmapMaximum(maps)   // (B, K, 2), (B, K)
/// ```
///
/// - Parameter heatmaps: `(B, K, H, W)`.
/// - Returns: `coords` `(B, K, 2)` in `(x, y)` order and `values` `(B, K)`.
/// - Throws: ``SubpixError`` when `heatmaps` is not a non-empty 4D tensor.
public func heatmapMaximum<S: SubpixScalar>(_ heatmaps: Tensor<S>) throws -> (coords: Tensor<S>, values: Tensor<S>) {
    let maps = try HeatmapBatch(heatmaps, op: "heatmap_maximum")
    var values: [S] = []
    let coords = maps.pointPerMap { plane in
        let peak = plane.firstMaximum
        values.append(peak.value)
        return peak.value <= 0 ? (-1, -1) : (S(peak.x), S(peak.y))
    }
    return (coords, Tensor(uncheckedShape: [maps.batch, maps.keypoints], elements: values))
}
