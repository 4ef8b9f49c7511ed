/// Moves each point a quarter pixel toward its higher neighbour on each axis —
/// mmpose's `refine_keypoints`, the classic decoder of SimpleBaseline/HRNet.
///
/// With `(x, y)` the point truncated to a pixel:
///
///     x += 0.25 · sign(h[y, x + 1] − h[y, x − 1])   when 1 < x < W − 1 and 0 < y < H
///     y += 0.25 · sign(h[y + 1, x] − h[y − 1, x])   when 1 < y < H − 1 and 0 < x < W
///
/// and no move on an axis otherwise. Those are mmpose's guards exactly, the
/// strict `1 < x` included: a point in column 1 or row 1 keeps that coordinate.
/// Points that are not finite (or `(−1, −1)`, "no keypoint") stay as they are.
///
/// ```swift
/// let (coords, _) = try heatmapMaximum(maps)
/// let refined = try refineQuarter(maps, coords: coords)
/// ```
///
/// - Parameters:
///   - heatmaps: `(B, K, H, W)`.
///   - coords: `(B, K, 2)` or `(B, K, N, 2)` in `(x, y)` order, pixels.
/// - Returns: the refined coordinates, shaped like `coords`.
/// - Throws: ``SubpixError`` when the shapes do not fit together.
public func refineQuarter<S: SubpixScalar>(_ heatmaps: Tensor<S>, coords: Tensor<S>) throws -> Tensor<S> {
    try FieldPoints.refine(heatmaps, coords: coords, op: "refine_quarter") { plane, px, py in
        guard let x = truncatedPixel(px), let y = truncatedPixel(py) else { return (px, py) }
        let (height, width) = (plane.height, plane.width)
        let dx: S = 1 < x && x < width - 1 && 0 < y && y < height ? plane[y, x + 1] - plane[y, x - 1] : 0
        let dy: S = 1 < y && y < height - 1 && 0 < x && x < width ? plane[y + 1, x] - plane[y - 1, x] : 0
        return (px + quarterStep(dx), py + quarterStep(dy))
    }
}

/// `0.25 · sign(d)`, NaN for NaN (NumPy's `sign`).
private func quarterStep<S: SubpixScalar>(_ difference: S) -> S {
    if difference.isNaN { return .nan }
    return difference > 0 ? 0.25 : difference < 0 ? -0.25 : 0
}
