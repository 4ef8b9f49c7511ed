import Foundation

/// The keypoints of ``convSoftArgmax2d(_:kernelSize:stride:padding:temperature:normalizedCoordinates:eps:outputValue:)``
/// on one `(1, 1, H, W)` map with non-maxima suppression of its pooled values —
/// the same list, bit for bit, as
///
///     let (coords, values) = try convSoftArgmax2d(map, ..., normalizedCoordinates: false, outputValue: true)
///     try keypoints(coords: coords, values: values!, mask: nms2dMask(values!, kernelSize: suppression),
///                   topK: topK, minValue: minValue)
///
/// computed band by band: a block of output rows at a time (about `bandElements`
/// outputs), suppression over the rows whose whole window is computed (keeping the
/// rows the next band's windows reach back to), each band's best `topK` merged into
/// the list. Memory is the map plus a few bands, not the dense coordinates and values
/// (a 4096² float32 map: 64 MB, where the dense outputs take 192 MB).
///
/// Each band runs the C kernel on the band's rows alone, starting where a work item
/// of the dense op starts a window-sum group, so its numbers are the dense op's.
/// `Double` maps (which have no C kernel) take the dense path.
///
/// - Returns: the keypoints in pixels, best first, and the dense op's coordinate shape `(1, 1, 2, H_out, W_out)`.
/// - Throws: ``SubpixError`` as `convSoftArgmax2d`, `nms2dMask` and `keypoints` do, or
///   for a map that is not `(1, 1, H, W)`.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func convSoftArgmax2dKeypoints<S: SubpixScalar>(
    _ map: Tensor<S>, kernelSize: [Int], stride: [Int], padding: [Int], temperature: Double,
    eps: Double = 1e-8, suppression: [Int], topK: Int?, minValue: Double?, bandElements: Int = 1 << 16
) throws -> (keypoints: KeypointList, outputShape: [Int]) {
    let op = "conv_soft_argmax2d"
    try map.requireShape(rank: 4, layout: "(B, C, H, W)", op: op)
    guard map.shape[0] == 1, map.shape[1] == 1 else {
        throw SubpixError(op, "expected one map of shape (1, 1, H, W) for banded keypoints, got \(formatShape(map.shape))")
    }
    let axes = try WindowAxis.validated(op: op, input: map.shape, kernel: kernelSize, stride: stride, padding: padding, temperature: temperature)
    let engine = WindowedSoftArgmax<S>(
        depth: WindowAxis(length: 1, kernel: 1, stride: 1, padding: 0, outputs: 1),
        height: axes[0], width: axes[1], temperature: S(temperature), eps: S(eps),
        normalized: false, volumetric: false)
    let outputShape = [1, 1, 2, axes[0].outputs, axes[1].outputs]
    let centres = ColumnCentres<S>(axes[1])   // the kernel reads them: kept alive to the end
    defer { withExtendedLifetime(centres) {} }
    guard let kernel = WindowKernel(engine, centres: centres) else {
        let (coords, values) = try convSoftArgmax2d(map, kernelSize: kernelSize, stride: stride, padding: padding,
                                                    temperature: temperature, normalizedCoordinates: false, eps: eps, outputValue: true)
        let pooled = values ?? coords
        let points = try keypoints(coords: coords, values: pooled, mask: nms2dMask(pooled, kernelSize: suppression), topK: topK, minValue: minValue)
        return (points, outputShape)
    }
    let blocks = engine.rowBlocks(maxRows: Swift.max(1, bandElements / axes[1].outputs))
    let search = try BandSearch<S>(columns: axes[1].outputs, rows: axes[0].outputs, suppression: suppression, topK: topK, minValue: minValue)
    // One run of consecutive blocks per thread; each also computes the blocks its
    // first and last rows' suppression windows reach into.
    let segments = Swift.min(Parallelism.threads, blocks.count)
    var found = [KeypointList](repeating: [], count: segments)
    var failure: Error?
    let lock = NSLock()
    map.withUnsafeBufferPointer { elements in
        guard let x = elements.baseAddress else { return }
        let peak = MapReduction.maximum(x, count: elements.count)
        found.withUnsafeMutableBufferPointer { found in
            parallelFor(segments, work: elements.count) { segment in
                let owned = blocks[(segment * blocks.count / segments)..<((segment + 1) * blocks.count / segments)]
                guard let first = owned.first, let last = owned.last else { return }   // (never empty: segments <= blocks)
                let rows = first.lowerBound..<last.upperBound
                var part = search
                do {
                    for block in blocks where block.upperBound > rows.lowerBound - search.above && block.lowerBound < rows.upperBound + search.below {
                        guard let band = engine.band(x, peak: peak, rows: block, kernel: kernel) else {
                            throw SubpixError(op, "could not allocate the scratch memory of a band of \(block.count) rows")
                        }
                        try part.append(band, rows: block, searching: rows)
                    }
                    found[segment] = part.found
                } catch {
                    lock.withLock { failure = failure ?? error }
                }
            }
        }
    }
    if let failure { throw failure }
    return (found.reduce([]) { BandSearch<S>.merged($0, $1, topK: topK) }, outputShape)
}

/// The keypoint search over bands of output rows that arrive in order: keeps the
/// rows a suppression window still needs, searches the rows whose windows are
/// complete, and merges each band's best into ``found``.
private struct BandSearch<S: SubpixScalar> {
    let columns: Int
    let rows: Int
    let suppression: [Int]
    let topK: Int?
    let minValue: Double?
    /// Rows a suppression window reaches above and below its centre.
    let above: Int
    let below: Int
    /// The kept rows `first ..< first + values.count / columns`: x, y and values
    /// (`first` is set by the first band).
    private var first: Int?
    private var xs: [S] = []
    private var ys: [S] = []
    private var values: [S] = []
    /// The first row not searched yet.
    private var next = 0
    private(set) var found: KeypointList = []

    init(columns: Int, rows: Int, suppression: [Int], topK: Int?, minValue: Double?) throws {
        guard suppression.count == 2, suppression.allSatisfy({ $0 >= 1 }) else {
            throw SubpixError("nms2d", "expected kernel_size to be two sizes >= 1, got \(suppression)")
        }
        (self.columns, self.rows, self.suppression, self.topK, self.minValue) = (columns, rows, suppression, topK, minValue)
        (above, below) = ((suppression[0] - 1) / 2, suppression[0] / 2)
    }

    /// Takes the band of output rows `block` (the next ones) and searches the rows of
    /// `searched` it completes (those whose suppression window it finishes).
    mutating func append(_ band: (coords: [S], values: [S]), rows block: Range<Int>, searching searched: Range<Int>) throws {
        let first = self.first ?? block.lowerBound
        if self.first == nil { (self.first, next) = (first, searched.lowerBound) }
        let plane = block.count * columns
        xs += band.coords[0..<plane]
        ys += band.coords[plane...]
        values += band.values
        let end = block.upperBound
        let ready = Swift.min(searched.upperBound, end == rows ? rows : end - below)
        guard ready > next else { return }
        let kept = values.count / columns
        let mask = try nms2dMask(Tensor(shape: [1, 1, kept, columns], elements: values), kernelSize: suppression)
        let span = ((next - first) * columns)..<((ready - first) * columns)
        let count = ready - next
        let points = try keypoints(
            coords: Tensor(shape: [1, 1, 2, count, columns], elements: Array(xs[span]) + Array(ys[span])),
            values: Tensor(shape: [1, 1, count, columns], elements: Array(values[span])),
            mask: Tensor(shape: [1, 1, count, columns], elements: Array(mask.elements[span])),
            topK: topK, minValue: minValue)
        found = Self.merged(found, points, topK: topK)
        next = ready
        let drop = (Swift.max(first, next - above) - first) * columns
        xs.removeFirst(drop)
        ys.removeFirst(drop)
        values.removeFirst(drop)
        self.first = first + drop / columns
    }

    /// Two lists in keypoint order (value descending, ties by position) whose
    /// positions all come in `earlier` before `later`, as one list of at most `topK`.
    static func merged(_ earlier: KeypointList, _ later: KeypointList, topK: Int?) -> KeypointList {
        let limit = topK ?? (earlier.count + later.count)
        var points: [Keypoint] = []
        points.reserveCapacity(Swift.min(limit, earlier.count + later.count))
        var (i, j) = (0, 0)
        while points.count < limit, i < earlier.count || j < later.count {
            if j == later.count || (i < earlier.count && earlier[i].value >= later[j].value) {
                points.append(earlier[i])
                i += 1
            } else {
                points.append(later[j])
                j += 1
            }
        }
        return KeypointList(points, droppedNonFinite: earlier.droppedNonFinite + later.droppedNonFinite)
    }
}
