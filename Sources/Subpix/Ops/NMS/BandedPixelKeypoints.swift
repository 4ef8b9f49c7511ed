/// The strict maxima of one `(1, 1, H, W)` map as keypoints at their pixels, best
/// first — the same list, bit for bit, as
///
///     try keypoints(pixelsOf: map, mask: nms2dMask(map, kernelSize: kernelSize), topK: topK, minValue: minValue)
///
/// computed band by band: a block of rows at a time (about `bandElements` pixels),
/// suppression over the rows whose whole window is in hand (keeping the rows the
/// next band's windows reach back to), each band's best `topK` merged into the list.
/// Memory is the map plus a few bands, not the dense mask and pixel grid (a 4096²
/// float32 map: 64 MB, where the grid takes 128 MB and the mask 16 MB).
///
/// ```swift
/// let peaks = try nms2dKeypoints(pixelsOf: heat, kernelSize: [3, 3], topK: 5, minValue: nil)
/// peaks[0]   // Keypoint(batch: 0, channel: 0, x: 14, y: 13, value: 0.98)
/// ```
///
/// - Throws: ``SubpixError`` as `nms2dMask` and `keypoints(pixelsOf:...)` do, or for
///   a map that is not `(1, 1, H, W)`.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func nms2dKeypoints<S: SubpixScalar>(
    pixelsOf map: Tensor<S>, kernelSize: [Int], topK: Int?, minValue: Double?, bandElements: Int = 1 << 16
) throws -> KeypointList {
    try map.requireShape(rank: 4, layout: "(B, C, H, W)", op: "nms2d")
    guard map.shape[0] == 1, map.shape[1] == 1 else {
        throw SubpixError("nms2d", "expected one map of shape (1, 1, H, W) for banded keypoints, got \(formatShape(map.shape))")
    }
    let (height, width) = (map.shape[2], map.shape[3])
    let bandSearch = try BandSearch<S>(columns: width, rows: height, suppression: kernelSize, topK: topK, minValue: minValue)
    let size = Swift.max(1, bandElements / Swift.max(1, width))
    let blocks = stride(from: 0, to: height, by: size).map { $0..<Swift.min(height, $0 + size) }
    let columns = (0..<width).map { S($0) }
    return try bandSearch.search(blocks: blocks, work: map.elements.count) { block in
        let xs = Array(repeatElement(columns, count: block.count).joined())
        let ys = block.flatMap { repeatElement(S($0), count: width) }
        return (xs + ys, Array(map.elements[(block.lowerBound * width)..<(block.upperBound * width)]))
    }
}
