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

/// The strict local maxima of a batch of volumes: positions greater than every
/// other value of the window around them.
///
/// The window spans `(k - 1) / 2` positions before the centre and `k / 2`
/// after it on each axis (an even `k` reaches one further forward). The
/// neighbour maximum is taken separably, as kornia 0.9 does: a `kx` row maximum
/// per row, then the maximum of those rows over the window's other rows and
/// planes, then the centre row's own taps either side of the centre. A NaN
/// anywhere in a window suppresses its centre, as torch's comparisons and
/// NaN-propagating pooling do.
struct StrictMaxima: Sendable {
    /// Window size per axis (depth, height, width), each at least 1.
    let kernel: (depth: Int, height: Int, width: Int)
    let rule: NMSBorderRule

    /// Writes the mask of `maps` volumes of `depth × height × width`, stored
    /// one after another in `x`, into `mask` (same layout).
    func mask<S: SubpixScalar>(
        of x: UnsafePointer<S>, maps: Int, depth: Int, height: Int, width: Int,
        into mask: UnsafeMutablePointer<Bool>
    ) {
        let total = maps * depth * height * width
        if rule == .interior && kernel == (1, 1, 1) {
            // kornia 0.9 keeps every position of a 1×1(×1) window, NaN included.
            mask.initialize(repeating: true, count: total)
            return
        }
        // Cut each map into blocks of rows when there are too few maps to keep every core busy.
        let blocksPerMap = maps >= parallelPieces ? 1 : min(max(1, height / 8), (parallelPieces + maps - 1) / maps)
        let rowsPerBlock = (height + blocksPerMap - 1) / blocksPerMap
        let work = total * (kernel.depth * kernel.height + 2 * kernel.width)
        parallelFor(maps * blocksPerMap, work: work) { item in
            let map = item / blocksPerMap
            let firstRow = (item % blocksPerMap) * rowsPerBlock
            let rows = firstRow..<min(height, firstRow + rowsPerBlock)
            guard !rows.isEmpty else { return }
            let offset = map * depth * height * width
            Block(
                window: self, x: x + offset, mask: mask + offset,
                depth: depth, height: height, width: width, rows: rows
            ).run()
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
    let mask: UnsafeMutablePointer<Bool>
    let depth: Int, height: Int, width: Int
    let rows: Range<Int>

    func run() {
        let (cd, bd) = StrictMaxima.split(window.kernel.depth)
        let (cy, by) = StrictMaxima.split(window.kernel.height)
        let (cx, bx) = StrictMaxima.split(window.kernel.width)
        // Input rows the block's windows reach.
        let top = max(0, rows.lowerBound - cy), bottom = min(height, rows.upperBound + by)
        let span = bottom - top
        // Row maxima over the width window, and which input rows hold a NaN.
        let rowMax = UnsafeMutablePointer<S>.allocate(capacity: depth * span * width)
        let rowHasNaN = UnsafeMutablePointer<Bool>.allocate(capacity: depth * span)
        let neighbours = UnsafeMutablePointer<S>.allocate(capacity: 2 * width)
        defer {
            rowMax.deallocate()
            rowHasNaN.deallocate()
            neighbours.deallocate()
        }
        let scratch = neighbours + width
        for plane in 0..<depth {
            for row in top..<bottom {
                let input = x + (plane * height + row) * width
                let slot = plane * span + row - top
                rowWindowMax(input, count: width, lo: -cx, hi: bx, into: rowMax + slot * width)
                rowHasNaN[slot] = containsNaN(input, count: width)
            }
        }
        let floor: S = window.rule == .replicatePadded ? 0 : -S.infinity
        for plane in 0..<depth {
            for row in rows {
                let input = x + (plane * height + row) * width
                let output = mask + (plane * height + row) * width
                guard mayHoldMaxima(plane: plane, row: row) else {
                    output.initialize(repeating: false, count: width)
                    continue
                }
                // Maximum of every tap of the window but the centre.
                neighbours.initialize(repeating: floor, count: width)
                var windowHasNaN = false
                for p in max(0, plane - cd)...min(depth - 1, plane + bd) {
                    for r in max(0, row - cy)...min(height - 1, row + by) {
                        let slot = p * span + r - top
                        windowHasNaN = windowHasNaN || rowHasNaN[slot]
                        if p != plane || r != row { accumulateMax(rowMax + slot * width, count: width, into: neighbours) }
                    }
                }
                if cx > 0 {
                    rowWindowMax(input, count: width, lo: -cx, hi: -1, into: scratch)
                    accumulateMax(scratch, count: width, into: neighbours)
                }
                if bx > 0 {
                    rowWindowMax(input, count: width, lo: 1, hi: bx, into: scratch)
                    accumulateMax(scratch, count: width, into: neighbours)
                }
                for j in 0..<width { output[j] = input[j] > neighbours[j] }
                clearColumnBorders(output)
                if windowHasNaN { suppressAroundNaN(plane: plane, row: row, output: output) }
            }
        }
    }

    /// Whether any position of this row of this plane may be a maximum under the border rule.
    private func mayHoldMaxima(plane: Int, row: Int) -> Bool {
        switch window.rule {
        case .interior:
            let (cd, bd) = StrictMaxima.split(window.kernel.depth)
            let (cy, by) = StrictMaxima.split(window.kernel.height)
            return plane >= cd && plane < depth - bd && row >= cy && row < height - by
        case .replicatePadded:
            return Self.replicatedInside(plane, count: depth, kernel: window.kernel.depth)
                && Self.replicatedInside(row, count: height, kernel: window.kernel.height)
        }
    }

    /// Clears the columns the border rule excludes.
    private func clearColumnBorders(_ output: UnsafeMutablePointer<Bool>) {
        let allowed: Range<Int>
        switch window.rule {
        case .interior:
            let (cx, bx) = StrictMaxima.split(window.kernel.width)
            allowed = min(cx, width)..<max(min(cx, width), width - bx)
        case .replicatePadded:
            allowed = window.kernel.width < 3 ? 0..<width : min(1, width)..<max(min(1, width), width - 1)
        }
        for j in 0..<allowed.lowerBound { output[j] = false }
        for j in allowed.upperBound..<width { output[j] = false }
    }

    /// Under replicate padding by `(k - 1) / 2 ≥ 1`, the first and last index see their own value beside them.
    private static func replicatedInside(_ index: Int, count: Int, kernel: Int) -> Bool {
        kernel < 3 || (index > 0 && index < count - 1)
    }

    /// Clears every centre of this output row whose window holds a NaN.
    private func suppressAroundNaN(plane: Int, row: Int, output: UnsafeMutablePointer<Bool>) {
        let (cd, bd) = StrictMaxima.split(window.kernel.depth)
        let (cy, by) = StrictMaxima.split(window.kernel.height)
        let (cx, bx) = StrictMaxima.split(window.kernel.width)
        for p in max(0, plane - cd)...min(depth - 1, plane + bd) {
            for r in max(0, row - cy)...min(height - 1, row + by) {
                let input = x + (p * height + r) * width
                for column in 0..<width where input[column].isNaN {
                    // Centres j whose window [j - cx, j + bx] holds this column.
                    for j in max(0, column - bx)...min(width - 1, column + cx) { output[j] = false }
                }
            }
        }
    }
}

/// Whether any of the `n` values at `x` is NaN.
@inline(__always)
func containsNaN<S: SubpixScalar>(_ x: UnsafePointer<S>, count n: Int) -> Bool {
    var count = 0
    for j in 0..<n { count &+= x[j] != x[j] ? 1 : 0 }
    return count > 0
}
