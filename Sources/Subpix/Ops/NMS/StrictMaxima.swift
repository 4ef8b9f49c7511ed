/// The border rule of a non-maxima suppression: which positions near the edge
/// of a map may be maxima at all.
enum NMSBorderRule: Sendable {
    /// kornia 0.9 (`nms2d`, `nms3d`, every window size): a position whose whole
    /// window does not fit inside the map is never a maximum.
    case interior
    /// kornia 0.7.4's general path (every window but 3×3×3), which
    /// `conv_soft_argmax3d`'s strict-maxima bonus sees: the map is
    /// replicate-padded by `(k - 1) / 2` and the zeroed centre tap of kornia's
    /// one-hot convolution joins the neighbour maximum. So a position on the
    /// first or last index of an axis with `k ≥ 3` is never a maximum (its own
    /// value is replicated beside it), the window is otherwise clipped to the
    /// map, and a maximum must also exceed `0`. Odd windows only.
    case replicatePadded
}

/// Where a suppression writes: a mask (kornia's `mask_only=True`) or the
/// input's values at the maxima and `0` elsewhere (`mask_only=False`).
enum NMSOutput<S: SubpixScalar> {
    case mask(UnsafeMutablePointer<Bool>)
    case values(UnsafeMutablePointer<S>)

    /// The same kind of output, `offset` elements further on.
    func advanced(by offset: Int) -> NMSOutput {
        switch self {
        case .mask(let mask): .mask(mask + offset)
        case .values(let values): .values(values + offset)
        }
    }

    /// Writes `x[j] > neighbours[j]` (or the value it keeps) for `j` in `0..<n`.
    @inline(__always)
    func write(_ x: UnsafePointer<S>, above neighbours: UnsafePointer<S>, count n: Int) {
        switch self {
        case .mask(let mask): for j in 0..<n { mask[j] = x[j] > neighbours[j] }
        case .values(let values): for j in 0..<n { values[j] = x[j] > neighbours[j] ? x[j] : 0 }
        }
    }

    /// The 3×3(×3) window in one pass: `x[j] > max(a[j], b[j], c[j], d[j], x[j - 1], x[j + 1])`
    /// for the interior columns, where `a … d` are the row maxima of the window's other rows
    /// and planes; the first and last column are not maxima.
    @inline(__always)
    func writeThreeWide(
        _ x: UnsafePointer<S>, rows a: UnsafePointer<S>, _ b: UnsafePointer<S>, _ c: UnsafePointer<S>,
        _ d: UnsafePointer<S>, count n: Int
    ) {
        guard n >= 3 else { return clear(0..<n) }
        @inline(__always) func neighbours(_ j: Int) -> S {
            larger(larger(larger(a[j], b[j]), larger(c[j], d[j])), larger(x[j - 1], x[j + 1]))
        }
        switch self {
        case .mask(let mask): for j in 1..<(n - 1) { mask[j] = x[j] > neighbours(j) }
        case .values(let values): for j in 1..<(n - 1) { values[j] = x[j] > neighbours(j) ? x[j] : 0 }
        }
        clear(0..<1)
        clear((n - 1)..<n)
    }

    /// Marks `range` as not maxima.
    @inline(__always)
    func clear(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        switch self {
        case .mask(let mask): (mask + range.lowerBound).update(repeating: false, count: range.count)
        case .values(let values): (values + range.lowerBound).update(repeating: 0, count: range.count)
        }
    }

    /// Marks everything as maxima (a window with no other position in it).
    func keepAll(_ x: UnsafePointer<S>, count n: Int) {
        switch self {
        case .mask(let mask): mask.update(repeating: true, count: n)
        case .values(let values): values.update(from: x, count: n)
        }
    }
}

/// The strict local maxima of a batch of volumes: positions greater than every
/// other value of the window around them.
///
/// The window spans `(k - 1) / 2` positions before the centre and `k / 2`
/// after it on each axis (an even `k` reaches one further forward). The
/// neighbour maximum is taken separably, as kornia 0.9 does: a `kx` maximum
/// along each row; per row, the maximum of those over the `ky` rows of every
/// plane; then for each centre the maximum over the window's other planes, its
/// own plane's other rows and its own row's taps either side. A NaN anywhere
/// in a window suppresses its centre, as torch's comparisons and
/// NaN-propagating pooling do.
struct StrictMaxima: Sendable {
    /// Window size per axis (depth, height, width), each at least 1.
    let kernel: (depth: Int, height: Int, width: Int)
    let rule: NMSBorderRule
    /// Runs the Swift implementation even where the float32 C kernel applies
    /// (the reference the kernel tests compare against).
    var swiftOnly = false

    /// Suppresses `maps` volumes of `depth × height × width`, stored one after
    /// another in `x`, writing `output` in the same layout.
    func run<S: SubpixScalar>(
        _ x: UnsafePointer<S>, maps: Int, depth: Int, height: Int, width: Int, output: NMSOutput<S>
    ) {
        let total = maps * depth * height * width
        if rule == .interior && kernel == (1, 1, 1) {
            // kornia 0.9 keeps every position of a 1×1(×1) window, NaN included.
            output.keepAll(x, count: total)
            return
        }
        if rule == .interior && (kernel.depth > depth || kernel.height > height || kernel.width > width) {
            // No window fits inside the map.
            output.clear(0..<total)
            return
        }
        if rule == .replicatePadded {
            // A window clipped to the map reaches no further than 2·size + 1 (odd, so the rule is unchanged).
            let clipped = StrictMaxima(
                kernel: (min(kernel.depth, 2 * depth + 1), min(kernel.height, 2 * height + 1), min(kernel.width, 2 * width + 1)),
                rule: .interior)
            guard clipped.kernel == kernel else {
                return StrictMaxima(kernel: clipped.kernel, rule: rule, swiftOnly: swiftOnly)
                    .run(x, maps: maps, depth: depth, height: height, width: width, output: output)
            }
        }
        // Cut each map into blocks of rows when there are too few maps to keep every core busy.
        let blocksPerMap = maps >= parallelPieces ? 1 : min(max(1, height / 8), (parallelPieces + maps - 1) / maps)
        let rowsPerBlock = (height + blocksPerMap - 1) / blocksPerMap
        let work = total * (min(kernel.depth, depth) + min(kernel.height, height) + 2 * min(kernel.width, width))
        parallelFor(maps * blocksPerMap, work: work) { item in
            let map = item / blocksPerMap
            let firstRow = (item % blocksPerMap) * rowsPerBlock
            let rows = firstRow..<min(height, firstRow + rowsPerBlock)
            guard !rows.isEmpty else { return }
            let offset = map * depth * height * width
            if runKernel(x + offset, output: output.advanced(by: offset), depth: depth, height: height, width: width, rows: rows) {
                return
            }
            Block(
                window: self, x: x + offset, output: output.advanced(by: offset),
                depth: depth, height: height, width: width, rows: rows
            ).run()
        }
    }

    /// ``run(_:maps:depth:height:width:output:)`` on the output rows `rows[map]` of
    /// each map alone, the map's other rows cleared: for maps whose other rows hold
    /// no maximum that is wanted (the rows ``WindowedSoftArgmax/run(_:maps:floors:coords:values:)``
    /// leaves at −∞). A 1×1 window, a window larger than the map and kornia 0.7.4's
    /// rule run on every row.
    func run<S: SubpixScalar>(
        _ x: UnsafePointer<S>, maps: Int, depth: Int, height: Int, width: Int, rows: [[Range<Int>]], output: NMSOutput<S>
    ) {
        let everyRow = rule == .replicatePadded || kernel == (1, 1, 1)
            || kernel.depth > depth || kernel.height > height || kernel.width > width
        guard !everyRow else { return run(x, maps: maps, depth: depth, height: height, width: width, output: output) }
        let mapSize = depth * height * width
        let work = rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } * depth * width * (kernel.height + 2 * kernel.width)
        parallelFor(maps, work: work) { map in
            let (source, target) = (x + map * mapSize, output.advanced(by: map * mapSize))
            target.clear(0..<mapSize)
            for block in rows[map] where !runKernel(source, output: target, depth: depth, height: height, width: width, rows: block) {
                Block(window: self, x: source, output: target, depth: depth, height: height, width: width, rows: block).run()
            }
        }
    }

    /// Neighbour extents either side of the centre for a window of `k`.
    static func split(_ k: Int) -> (before: Int, after: Int) {
        let before = (k - 1) / 2
        return (before, k - 1 - before)
    }
}

/// One block of output rows `rows` (in every depth plane) of one map.
private struct Block<S: SubpixScalar> {
    let window: StrictMaxima
    let x: UnsafePointer<S>
    let output: NMSOutput<S>
    let depth: Int, height: Int, width: Int
    let rows: Range<Int>

    func run() {
        let (cy, by) = StrictMaxima.split(window.kernel.height)
        let top = max(0, rows.lowerBound - cy), bottom = min(height, rows.upperBound + by)
        let scratch = Scratch<S>(depth: depth, rows: top..<bottom, width: width)
        defer { scratch.deallocate() }
        let (cx, bx) = StrictMaxima.split(window.kernel.width)
        for plane in 0..<depth {
            for row in top..<bottom {
                let input = x + (plane * height + row) * width
                rowWindowMax(input, count: width, lo: -cx, hi: bx, into: scratch.rowMax(plane, row))
                scratch.rowHasNaN[scratch.slot(plane, row)] = MapReduction.containsNaN(input, count: width)
            }
        }
        let (cd, bd) = StrictMaxima.split(window.kernel.depth)
        let threeWide = window.rule == .interior && window.kernel.height == 3 && window.kernel.width == 3
            && (window.kernel.depth == 1 || window.kernel.depth == 3)
        for row in rows {
            let windowRows = max(0, row - cy)...min(height - 1, row + by)
            if window.kernel.depth > 1 {
                // Only planes next to a plane that may hold maxima are needed.
                for plane in 0..<depth where planeFeedsMaxima(plane) {
                    maxOfRows(count: windowRows.count, width: width, into: scratch.planeMax(plane)) {
                        UnsafePointer(scratch.rowMax(plane, windowRows.lowerBound + $0))
                    }
                }
            }
            for plane in 0..<depth {
                let input = x + (plane * height + row) * width
                let out = output.advanced(by: (plane * height + row) * width)
                guard mayHoldMaxima(plane: plane, row: row) else {
                    out.clear(0..<width)
                    continue
                }
                let windowPlanes = max(0, plane - cd)...min(depth - 1, plane + bd)
                if threeWide {
                    // A 3×3(×3) window away from the top and bottom: one fused pass.
                    let up = UnsafePointer(scratch.rowMax(plane, row - 1))
                    let down = UnsafePointer(scratch.rowMax(plane, row + 1))
                    let (front, back) = window.kernel.depth == 3
                        ? (UnsafePointer(scratch.planeMax(plane - 1)), UnsafePointer(scratch.planeMax(plane + 1)))
                        : (up, down)
                    out.writeThreeWide(input, rows: front, back, up, down, count: width)
                } else {
                    let neighbours = neighbourMaximum(
                        input, plane: plane, row: row, planes: windowPlanes, rows: windowRows, scratch: scratch)
                    out.write(input, above: neighbours, count: width)
                    clearColumnBorders(out)
                }
                if windowPlanes.contains(where: { p in windowRows.contains { scratch.rowHasNaN[scratch.slot(p, $0)] } }) {
                    suppressAroundNaN(planes: windowPlanes, rows: windowRows, output: out)
                }
            }
        }
    }

    /// The maximum over every tap of the window but the centre, for each centre of one row
    /// (any window size), built pass by pass in `scratch.neighbours`.
    private func neighbourMaximum(
        _ input: UnsafePointer<S>, plane: Int, row: Int, planes: ClosedRange<Int>, rows: ClosedRange<Int>,
        scratch: Scratch<S>
    ) -> UnsafePointer<S> {
        let neighbours = scratch.neighbours
        neighbours.update(repeating: window.rule == .replicatePadded ? 0 : -S.infinity, count: width)
        // The other planes, whole.
        let planesBefore = plane - planes.lowerBound
        accumulateRows(count: planes.count - 1, width: width, into: neighbours) {
            UnsafePointer(scratch.planeMax(planes.lowerBound + $0 + ($0 >= planesBefore ? 1 : 0)))
        }
        // The other rows of this plane.
        let rowsBefore = row - rows.lowerBound
        accumulateRows(count: rows.count - 1, width: width, into: neighbours) {
            UnsafePointer(scratch.rowMax(plane, rows.lowerBound + $0 + ($0 >= rowsBefore ? 1 : 0)))
        }
        // This row, either side of the centre.
        let (cx, bx) = StrictMaxima.split(window.kernel.width)
        for offset in -cx..<0 { accumulateShifted(input, by: offset, count: width, into: neighbours) }
        if bx > 0 { for offset in 1...bx { accumulateShifted(input, by: offset, count: width, into: neighbours) } }
        return UnsafePointer(neighbours)
    }

    /// Whether `plane` lies in the depth window of some plane that may hold maxima.
    private func planeFeedsMaxima(_ plane: Int) -> Bool {
        let (cd, bd) = StrictMaxima.split(window.kernel.depth)
        return (max(0, plane - bd)...min(depth - 1, plane + cd)).contains(where: planeMayHoldMaxima)
    }

    /// Whether any position of this row of this plane may be a maximum under the border rule.
    private func mayHoldMaxima(plane: Int, row: Int) -> Bool {
        planeMayHoldMaxima(plane) && Self.mayHoldMaxima(
            row, count: height, kernel: window.kernel.height, rule: window.rule)
    }

    private func planeMayHoldMaxima(_ plane: Int) -> Bool {
        Self.mayHoldMaxima(plane, count: depth, kernel: window.kernel.depth, rule: window.rule)
    }

    /// The border rule along one axis of `count` positions and window `kernel`.
    private static func mayHoldMaxima(_ index: Int, count: Int, kernel: Int, rule: NMSBorderRule) -> Bool {
        switch rule {
        case .interior:
            let (before, after) = StrictMaxima.split(kernel)
            return index >= before && index < count - after
        case .replicatePadded:
            // Padding by (k − 1) / 2 ≥ 1 puts the first and last index's own value beside it.
            return kernel < 3 || (index > 0 && index < count - 1)
        }
    }

    /// Clears the columns the border rule excludes.
    private func clearColumnBorders(_ output: NMSOutput<S>) {
        let (first, last): (Int, Int)
        switch window.rule {
        case .interior:
            (first, last) = StrictMaxima.split(window.kernel.width)
        case .replicatePadded:
            (first, last) = window.kernel.width < 3 ? (0, 0) : (1, 1)
        }
        output.clear(0..<min(first, width))
        output.clear(max(min(first, width), width - last)..<width)
    }

    /// Clears every centre of this output row whose window holds a NaN.
    private func suppressAroundNaN(planes: ClosedRange<Int>, rows: ClosedRange<Int>, output: NMSOutput<S>) {
        let (cx, bx) = StrictMaxima.split(window.kernel.width)
        for plane in planes {
            for row in rows {
                let input = x + (plane * height + row) * width
                for column in 0..<width where input[column].isNaN {
                    // Centres j whose window [j - cx, j + bx] holds this column.
                    output.clear(max(0, column - bx)..<min(width, column + cx + 1))
                }
            }
        }
    }
}

/// Working rows of one ``Block``: per input row its width-window maximum and
/// whether it holds a NaN, per plane the whole-window maximum for the current
/// output row, and one row of neighbour maxima.
private struct Scratch<S: SubpixScalar> {
    let rows: Range<Int>
    let width: Int
    private let rowMaxima: UnsafeMutablePointer<S>
    private let planeMaxima: UnsafeMutablePointer<S>
    let rowHasNaN: UnsafeMutablePointer<Bool>
    let neighbours: UnsafeMutablePointer<S>

    init(depth: Int, rows: Range<Int>, width: Int) {
        (self.rows, self.width) = (rows, width)
        rowMaxima = .allocate(capacity: depth * rows.count * width)
        planeMaxima = .allocate(capacity: depth * width)
        rowHasNaN = .allocate(capacity: depth * rows.count)
        neighbours = .allocate(capacity: width)
    }

    func deallocate() {
        rowMaxima.deallocate()
        planeMaxima.deallocate()
        rowHasNaN.deallocate()
        neighbours.deallocate()
    }

    @inline(__always) func slot(_ plane: Int, _ row: Int) -> Int { plane * rows.count + row - rows.lowerBound }
    @inline(__always) func rowMax(_ plane: Int, _ row: Int) -> UnsafeMutablePointer<S> { rowMaxima + slot(plane, row) * width }
    @inline(__always) func planeMax(_ plane: Int) -> UnsafeMutablePointer<S> { planeMaxima + plane * width }
}
