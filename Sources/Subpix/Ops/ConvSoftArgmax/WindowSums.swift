/// Per-plane window sums for a block of output rows: for plane `p`, output row
/// `r` and output column `c`, the sums over the (height × width) window of
/// `e`, `t_x·e`, `t_y·e` and (optionally) `e·x`, where `t_x`, `t_y` are the
/// tap offsets inside the window.
final class WindowSums<S: SubpixScalar> {
    let planes: Int
    let rows: Int
    let columns: Int
    let s: UnsafeMutablePointer<S>
    let sx: UnsafeMutablePointer<S>
    let sy: UnsafeMutablePointer<S>
    /// `nil` when values are not wanted.
    let v: UnsafeMutablePointer<S>?
    private let storage: UnsafeMutablePointer<S>

    init(planes: Int, rows: Int, columns: Int, values: Bool) {
        self.planes = planes
        self.rows = rows
        self.columns = columns
        let count = planes * rows * columns
        storage = .allocate(capacity: count * (values ? 4 : 3))
        storage.initialize(repeating: 0, count: count * (values ? 4 : 3))
        (s, sx, sy) = (storage, storage + count, storage + 2 * count)
        v = values ? storage + 3 * count : nil
    }

    deinit { storage.deallocate() }

    @inline(__always) func index(plane: Int, row: Int, column: Int) -> Int {
        (plane * rows + row) * columns + column
    }

    /// Fills the sums of every plane of one map `x` (`D × H × W`) for `outputRows`.
    func accumulate(
        _ x: UnsafePointer<S>, peak: S, temperature: S,
        depth: WindowAxis, height: WindowAxis, width: WindowAxis, outputRows: Range<Int>
    ) {
        let span = height.inputSpan(outputRows)
        let (inputWidth, outputColumns) = (width.length, width.outputs)
        // Horizontal pass results for the input rows of `span`, one plane at a time.
        let scratch = UnsafeMutablePointer<S>.allocate(capacity: 3 * span.count * outputColumns + 2 * inputWidth)
        defer { scratch.deallocate() }
        let rowS = scratch, rowT = rowS + span.count * outputColumns, rowV = rowT + span.count * outputColumns
        let exponentials = rowV + span.count * outputColumns, products = exponentials + inputWidth
        // For each tap, the output columns whose window puts that tap inside the row
        // (tap-major order: the inner loops run over contiguous columns and vectorise).
        let tapColumns = (0..<width.kernel).map { tap -> Range<Int> in
            let lower = max(0, (width.padding - tap + width.stride - 1) / width.stride)
            let last = inputWidth - 1 + width.padding - tap   // the tap lands inside while ox · stride <= last
            let upper = last < 0 ? 0 : min(outputColumns, last / width.stride + 1)
            return lower..<max(lower, upper)
        }
        for plane in 0..<planes {
                let planeInput = x + plane * height.length * inputWidth
                for (local, row) in span.enumerated() {
                    let line = planeInput + row * inputWidth
                    S.exponentials(line, count: inputWidth, scale: 1 / temperature, offset: peak / temperature, into: exponentials)
                    for column in 0..<inputWidth { products[column] = exponentials[column] * line[column] }
                    let (sums, weighted, valued) = (rowS + local * outputColumns, rowT + local * outputColumns, rowV + local * outputColumns)
                    sums.update(repeating: 0, count: outputColumns)
                    weighted.update(repeating: 0, count: outputColumns)
                    valued.update(repeating: 0, count: outputColumns)
                    for (tap, columns) in tapColumns.enumerated() {
                        let offset = S(tap)
                        let first = tap - width.padding
                        for ox in columns {
                            let cell = ox * width.stride + first
                            let e = exponentials[cell]
                            sums[ox] += e
                            weighted[ox] += offset * e
                            valued[ox] += products[cell]
                        }
                    }
                }
                // Vertical pass: gather the rows of each output row's window.
                for oy in outputRows {
                    let target = index(plane: plane, row: oy - outputRows.lowerBound, column: 0)
                    let start = height.start(oy)
                    for tap in height.taps(oy) {
                        let source = (start + tap - span.lowerBound) * outputColumns
                        let offset = S(tap)
                        for ox in 0..<outputColumns {
                            let rowSum = rowS[source + ox]
                            s[target + ox] += rowSum
                            sy[target + ox] += offset * rowSum
                            sx[target + ox] += rowT[source + ox]
                        }
                        if let v {
                            for ox in 0..<outputColumns { v[target + ox] += rowV[source + ox] }
                        }
                    }
                }
        }
    }
}
