/// Keypoints at pixels of `(B, C, H, W)` maps, best first: one per position
/// (where `mask` is true, typically an NMS mask), at the pixel's own integer
/// coordinates — the hard argmax of each NMS window. It is
/// ``keypoints(coords:values:mask:topK:minValue:)`` on the maps' pixel grid, so
/// the filters, the order and the NaN rule are the same.
///
/// `normalizedCoordinates` gives kornia's `[-1, 1]` grid instead of pixels
/// (`2x / (W − 1) − 1`; NaN along an axis of size 1, as kornia's grid — such
/// points are then dropped and counted).
///
/// ```swift
/// let peaks = try keypoints(pixelsOf: heat, mask: try nms2dMask(heat, kernelSize: [3, 3]), topK: 5)
/// peaks[0]   // Keypoint(batch: 0, channel: 0, x: 14, y: 13, value: 0.98)
/// ```
///
/// - Throws: ``SubpixError`` (op `keypoints`) unless `values` is `(B, C, H, W)`,
///   or when the mask's shape differs, `topK` is negative or `minValue` is NaN.
public func keypoints<S: SubpixScalar>(
    pixelsOf values: Tensor<S>, mask: Mask? = nil, topK: Int? = nil, minValue: Double? = nil, normalizedCoordinates: Bool = false
) throws -> KeypointList {
    try values.requireShape(rank: 4, layout: "(B, C, H, W)", op: "keypoints")
    let (maps, height, width) = (values.shape[0] * values.shape[1], values.shape[2], values.shape[3])
    func coordinate(_ pixel: Int, size: Int) -> S {
        guard normalizedCoordinates else { return S(pixel) }
        return size > 1 ? S(2 * Double(pixel) / Double(size - 1) - 1) : .nan
    }
    let grid = Tensor<S>(validShape: [values.shape[0], values.shape[1], 2, height, width]) { out in
        for map in 0..<maps {
            for row in 0..<height {
                for column in 0..<width {
                    out[(2 * map) * height * width + row * width + column] = coordinate(column, size: width)
                    out[(2 * map + 1) * height * width + row * width + column] = coordinate(row, size: height)
                }
            }
        }
    }
    return try keypoints(coords: grid, values: values, mask: mask, topK: topK, minValue: minValue)
}
