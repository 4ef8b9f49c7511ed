/// Non-maxima suppression of a 2D response map: the values of its strict
/// local maxima, `0` elsewhere — kornia's `nms2d(input, kernel_size, mask_only=False)`.
///
/// A position `p` is kept when
///
///     x[p] > x[q]  for every other q in its ky × kx window,
///
/// where the window spans `(k - 1) / 2` positions before `p` and `k / 2` after
/// it on each axis (so an even `k` reaches one further down / right). As in
/// kornia 0.9, only strict maxima survive — every pixel of a plateau is
/// suppressed — and a position whose whole window does not fit inside the map
/// (the first `(k - 1) / 2` and last `k / 2` rows and columns) is never a
/// maximum. A window of 1×1 keeps everything. A NaN in a window suppresses its
/// centre.
///
/// The output keeps the input value at each maximum and is `0` elsewhere,
/// which is larger than a negative maximum: use ``nms2dMask(_:kernelSize:)``
/// (kornia's `mask_only=True`) for a signed response.
///
/// ```swift
/// let x = try Tensor<Float>(shape: [1, 1, 3, 3], elements: [0, 0, 0,
///                                                           0, 5, 1,
///                                                           0, 0, 0])
/// try nms2d(x, kernelSize: [3, 3])   // 5 at the centre, 0 elsewhere
/// ```
///
/// - Parameters:
///   - input: responses of shape `(B, C, H, W)`.
///   - kernelSize: window `(ky, kx)`, each at least 1; odd or even.
/// - Returns: a tensor of the input's shape.
/// - Throws: ``SubpixError`` for an input that is not a non-empty `(B, C, H, W)`
///   tensor or a `kernelSize` that is not two positive sizes.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func nms2d<S: SubpixScalar>(_ input: Tensor<S>, kernelSize: [Int]) throws -> Tensor<S> {
    NMSRunner.suppressed(input, kernel: try validatedWindow2d(input, kernelSize), rule: .interior)
}

/// The strict local maxima of a 2D response map as a mask — kornia's
/// `nms2d(input, kernel_size, mask_only=True)`.
///
/// `mask[p] = x[p] > x[q]` for every other `q` of the `ky × kx` window around
/// `p`; see ``nms2d(_:kernelSize:)`` for the window and the border rule.
///
/// ```swift
/// let peaks = try nms2dMask(heatmap, kernelSize: [5, 5])   // Tensor<Bool>, shape of heatmap
/// ```
///
/// - Throws: ``SubpixError`` as ``nms2d(_:kernelSize:)`` does.
// No exported pre-specialisations: in-module callers specialise it themselves (Swift 6.3
// referred to its exported ones from specialised in-module callers without emitting them).
public func nms2dMask<S: SubpixScalar>(_ input: Tensor<S>, kernelSize: [Int]) throws -> Mask {
    NMSRunner.mask(input, kernel: try validatedWindow2d(input, kernelSize), rule: .interior)
}

/// Checks an `nms2d` call and gives its window as a one-plane 3D window.
private func validatedWindow2d<S: SubpixScalar>(
    _ input: Tensor<S>, _ kernelSize: [Int]
) throws -> (depth: Int, height: Int, width: Int) {
    try input.requireShape(rank: 4, layout: "(B, C, H, W)", op: Method.nms2d.name)
    try NMSRunner.validate(kernelSize: kernelSize, axes: 2, op: Method.nms2d.name)
    return (1, kernelSize[0], kernelSize[1])
}

/// kornia's `NonMaximaSuppression2d(kernel_size)` module: ``nms2d(_:kernelSize:)``
/// with the window fixed at construction.
///
/// `mask[p] = x[p] > x[q]` for every other `q` of the `ky × kx` window around
/// `p` (kornia 0.9's strict maxima and border rule).
///
/// ```swift
/// let nms = try NonMaximaSuppression2d(kernelSize: [3, 3])
/// let kept = try nms(heatmap)        // mask_only=False: values at maxima, 0 elsewhere
/// let peaks = try nms.mask(heatmap)  // mask_only=True
/// ```
public struct NonMaximaSuppression2d: Sendable, Equatable {
    /// The window `(ky, kx)`.
    public let kernelSize: [Int]

    /// - Throws: ``SubpixError`` unless `kernelSize` is two positive sizes.
    public init(kernelSize: [Int]) throws {
        try NMSRunner.validate(kernelSize: kernelSize, axes: 2, op: "NonMaximaSuppression2d")
        self.kernelSize = kernelSize
    }

    /// The input at its strict maxima, `0` elsewhere (kornia's `forward(x, mask_only=False)`).
    public func callAsFunction<S: SubpixScalar>(_ input: Tensor<S>) throws -> Tensor<S> {
        try nms2d(input, kernelSize: kernelSize)
    }

    /// The strict-maxima mask (kornia's `forward(x, mask_only=True)`).
    public func mask<S: SubpixScalar>(_ input: Tensor<S>) throws -> Mask {
        try nms2dMask(input, kernelSize: kernelSize)
    }
}

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
    try map.requireShape(rank: 4, layout: "(B, C, H, W)", op: Method.nms2d.name)
    guard map.shape[0] == 1, map.shape[1] == 1 else {
        throw SubpixError(Method.nms2d.name, "expected one map of shape (1, 1, H, W) for banded keypoints, got \(formatShape(map.shape))")
    }
    let (height, width) = (map.shape[2], map.shape[3])
    let bandSearch = try BandSearch<S>(columns: width, rows: height, suppression: kernelSize, topK: topK, minValue: minValue)
    let size = Swift.max(1, bandElements / Swift.max(1, width))
    let blocks = stride(from: 0, to: height, by: size).map { $0..<Swift.min(height, $0 + size) }
    let columns = (0..<width).map { S($0) }
    return try bandSearch.search(blocks: blocks, work: map.elements.count) { block in
        (pixelPlanes(rows: block, columns: columns), Array(map.elements[(block.lowerBound * width)..<(block.upperBound * width)]))
    }
}

/// The pixel coordinates of the rows `rows` as ``BandSearch`` takes a band's: the x
/// plane (`columns` once per row), then the y plane (each row's index, `columns.count`
/// times). Written row by row through buffers: this runs unspecialised (its callers
/// are), where `joined()` and `flatMap` cost a metadata lookup per element: 23× slower
/// on a 2048² map (docs/performance.md).
private func pixelPlanes<S: SubpixScalar>(rows: Range<Int>, columns: [S]) -> [S] {
    let (width, plane) = (columns.count, rows.count * columns.count)
    return [S](unsafeUninitializedCapacity: 2 * plane) { planes, initialized in
        for (offset, row) in rows.enumerated() {
            let start = offset * width
            _ = UnsafeMutableBufferPointer(rebasing: planes[start..<(start + width)]).initialize(fromContentsOf: columns)
            UnsafeMutableBufferPointer(rebasing: planes[(plane + start)..<(plane + start + width)]).initialize(repeating: S(row))
        }
        initialized = 2 * plane
    }
}
