/// Keypoints at pixels of `(B, C, H, W)` maps, best first: one per position
/// (where `mask` is true, typically an NMS mask), at the pixel's own integer
/// coordinates — the hard argmax of each NMS window. Filters and order are
/// those of ``keypoints(coords:values:mask:topK:minValue:)``; a NaN or infinite
/// value is dropped and counted.
///
/// `normalizedCoordinates` gives kornia's `[-1, 1]` grid instead of pixels
/// (`2x / (W − 1) − 1`; NaN along an axis of size 1, as kornia's grid).
///
/// ```swift
/// let peaks = try keypoints(pixelsOf: heat, mask: try nms2dMask(heat, kernelSize: [3, 3]), topK: 5)
/// peaks[0]   // Keypoint(batch: 0, channel: 0, x: 14, y: 13, value: 0.98)
/// ```
///
/// - Throws: ``SubpixError`` (op `keypoints`) unless `values` is `(B, C, H, W)`,
///   or when the mask's shape differs, `topK` is negative or `minValue` is NaN.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func keypoints<S: SubpixScalar>(
    pixelsOf values: Tensor<S>, mask: Mask? = nil, topK: Int? = nil, minValue: Double? = nil, normalizedCoordinates: Bool = false
) throws -> KeypointList {
    try values.requireShape(rank: 4, layout: "(B, C, H, W)", op: "keypoints")
    let (channels, height, width) = (values.shape[1], values.shape[2], values.shape[3])
    let selection = try KeypointSelection(
        values: values, mask: mask, maps: values.shape[0] * channels, topK: topK, minValue: minValue) { _, _ in true }
    func coordinate(_ pixel: Int, size: Int) -> Double {
        guard normalizedCoordinates else { return Double(pixel) }
        return size > 1 ? 2 * Double(pixel) / Double(size - 1) - 1 : .nan
    }
    let points = selection.chosen.map { pick in
        Keypoint(batch: pick.map / channels, channel: pick.map % channels,
                 x: coordinate(pick.candidate.index % width, size: width), y: coordinate(pick.candidate.index / width, size: height),
                 value: pick.candidate.value)
    }
    return KeypointList(points, droppedNonFinite: selection.dropped)
}
