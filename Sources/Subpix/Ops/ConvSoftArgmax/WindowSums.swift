/// Per-plane window sums for a block of output rows: for plane `p`, output row
/// `r` and output column `c`, the sums over the (height × width) window of
/// `e`, `t_x·e`, `t_y·e` and (optionally) `e·x`, where `t_x`, `t_y` are the
/// tap offsets inside the window.
struct WindowSums<S: SubpixScalar> {
    let planes: Int
    let rows: Int
    let columns: Int
    var s: [S]
    var sx: [S]
    var sy: [S]
    var v: [S]

    init(planes: Int, rows: Int, columns: Int, values: Bool) {
        self.planes = planes
        self.rows = rows
        self.columns = columns
        let count = planes * rows * columns
        s = [S](repeating: 0, count: count)
        sx = s
        sy = s
        v = values ? s : []
    }

    @inline(__always) func index(plane: Int, row: Int, column: Int) -> Int {
        (plane * rows + row) * columns + column
    }

    /// Fills the sums of every plane of one map `x` (`D × H × W`) for `outputRows`.
    mutating func accumulate(
        _ x: UnsafePointer<S>, peak: S, temperature: S,
        depth: WindowAxis, height: WindowAxis, width: WindowAxis, outputRows: Range<Int>
    ) {
        let span = height.inputSpan(outputRows)
        let wantValues = !v.isEmpty
        let (inputWidth, outputColumns) = (width.length, width.outputs)
        // Horizontal pass results for the input rows of `span`, one plane at a time.
        var rowS = [S](repeating: 0, count: span.count * outputColumns)
        var rowT = rowS
        var rowV = wantValues ? rowS : []
        var exponentials = [S](repeating: 0, count: inputWidth)
        for plane in 0..<planes {
            let planeInput = x + plane * height.length * inputWidth
            for (local, row) in span.enumerated() {
                let line = planeInput + row * inputWidth
                for column in 0..<inputWidth { exponentials[column] = S.exp((line[column] - peak) / temperature) }
                let out = local * outputColumns
                for ox in 0..<outputColumns {
                    let start = width.start(ox)
                    var sum: S = 0, weighted: S = 0, valued: S = 0
                    for tap in width.taps(ox) {
                        let e = exponentials[start + tap]
                        sum += e
                        weighted += S(tap) * e
                        if wantValues { valued += e * line[start + tap] }
                    }
                    rowS[out + ox] = sum
                    rowT[out + ox] = weighted
                    if wantValues { rowV[out + ox] = valued }
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
                        if wantValues { v[target + ox] += rowV[source + ox] }
                    }
                }
            }
        }
    }
}
