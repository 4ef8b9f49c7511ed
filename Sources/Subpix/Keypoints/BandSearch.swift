import Foundation

/// The keypoint search over bands of rows that arrive in order — of an op's
/// outputs (``convSoftArgmax2dKeypoints``) or of a map's own pixels
/// (``nms2dKeypoints(pixelsOf:kernelSize:topK:minValue:bandElements:)``): keeps the
/// rows a suppression window still needs, searches the rows whose windows are
/// complete, and merges each band's best into ``found``.
struct BandSearch<S: SubpixScalar> {
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
        try NMSRunner.validate(kernelSize: suppression, axes: 2, op: Method.suppression(rank: 4).name)
        try validateKeypointFilters(topK: topK, minValue: minValue)
        (self.columns, self.rows, self.suppression, self.topK, self.minValue) = (columns, rows, suppression, topK, minValue)
        (above, below) = ((suppression[0] - 1) / 2, suppression[0] / 2)
    }

    /// The keypoints of all `rows`, computed by `band` a block of rows at a time:
    /// `blocks` are consecutive ranges covering `0 ..< rows`, in order. One run of
    /// consecutive blocks per thread; each run also computes the blocks its first and
    /// last rows' suppression windows reach into. `band` returns a block's coordinates
    /// (x plane then y plane) and values, and is called from several threads at once.
    func search(blocks: [Range<Int>], work: Int, band: (Range<Int>) throws -> (coords: [S], values: [S])) throws -> KeypointList {
        let segments = Swift.min(Parallelism.threads, blocks.count)
        var found = [KeypointList](repeating: [], count: segments)
        var failure: Error?
        let lock = NSLock()
        found.withUnsafeMutableBufferPointer { found in
            parallelFor(segments, work: work) { segment in
                let owned = blocks[(segment * blocks.count / segments)..<((segment + 1) * blocks.count / segments)]
                guard let first = owned.first, let last = owned.last else { return }   // (never empty: segments <= blocks)
                let rows = first.lowerBound..<last.upperBound
                var part = self
                do {
                    for block in blocks where block.upperBound > rows.lowerBound - above && block.lowerBound < rows.upperBound + below {
                        try part.append(band(block), rows: block, searching: rows)
                    }
                    found[segment] = part.found
                } catch {
                    lock.withLock { failure = failure ?? error }
                }
            }
        }
        if let failure { throw failure }
        return found.reduce([]) { Self.merged($0, $1, topK: topK) }
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
        let coords = try Tensor(shape: [1, 1, 2, count, columns], elements: Array(xs[span]) + Array(ys[span]))
        let searched = try Tensor(shape: [1, 1, count, columns], elements: Array(values[span]))
        // One stretch: the bands are already spread over the threads.
        let points = keypoints(
            coords: coords, values: searched, layout: try KeypointLayout(coords: coords.shape, values: searched.shape),
            mask: try Tensor(shape: [1, 1, count, columns], elements: Array(mask.elements[span])),
            topK: topK, minValue: minValue, stretches: 1)
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
