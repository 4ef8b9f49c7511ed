/// The window sums of one output row, in two separable steps over contiguous
/// memory: ``gather(_:depthStart:depthTaps:heightStart:heightTaps:)`` adds the
/// input rows under the window's depth and height taps per input column, then
/// ``reduceColumns()`` adds the width taps per output column, giving
///
///     s = Σ e,  sd = Σ t_d·e,  sx = Σ t_x·e,  sy = Σ t_y·e,  v = Σ e·x
///
/// for every output column, where `t_d`, `t_x`, `t_y` are the tap offsets inside
/// the window. Taps on zero padding add nothing. A window costs `kd·ky + kx`
/// adds per sum instead of `kd·ky·kx`, and every inner loop vectorises.
final class WindowRowSums<S: SubpixScalar> {
    let width: WindowAxis
    /// Per input column: the depth × height sums of `e`, `t_d·e`, `t_y·e`, `e·x`.
    private let columnS, columnY: UnsafeMutablePointer<S>
    private let columnD, columnV: UnsafeMutablePointer<S>?
    /// Per output column: the finished window sums (`sd`, `v` only when asked for).
    let s, sx, sy: UnsafeMutablePointer<S>
    let sd, v: UnsafeMutablePointer<S>?
    /// For each width tap, the output columns whose window puts that tap inside the input.
    private let tapColumns: [Range<Int>]
    /// With a 3-wide window, the outputs whose three taps all land inside the
    /// input: they take them in one pass; the rest, and other kernels, tap by tap.
    private let threeTaps: Range<Int>
    private let storage: UnsafeMutablePointer<S>

    init(width: WindowAxis, depthSums: Bool, values: Bool) {
        self.width = width
        let (inputs, outputs) = (width.length, width.outputs)
        let count = 2 * inputs + 3 * outputs + (depthSums ? inputs + outputs : 0) + (values ? inputs + outputs : 0)
        storage = .allocate(capacity: count)
        var next = storage
        func take(_ count: Int) -> UnsafeMutablePointer<S> {
            defer { next += count }
            return next
        }
        (columnS, columnY, s, sx, sy) = (take(inputs), take(inputs), take(outputs), take(outputs), take(outputs))
        (columnD, sd) = depthSums ? (take(inputs), take(outputs)) : (nil, nil)
        (columnV, v) = values ? (take(inputs), take(outputs)) : (nil, nil)
        tapColumns = (0..<width.kernel).map(width.outputs(placingInside:))
        threeTaps = width.kernel == 3 ? tapColumns[0].clamped(to: tapColumns[2]) : 0..<0
    }

    deinit { storage.deallocate() }

    /// Sums, per input column, the rows `heightStart + heightTaps` of the planes
    /// `depthStart + depthTaps` of `block`, weighting by the tap offsets.
    func gather(_ block: ExponentialRows<S>, depthStart: Int, depthTaps: Range<Int>, heightStart: Int, heightTaps: Range<Int>) {
        let columns = width.length
        columnS.update(repeating: 0, count: columns)
        columnY.update(repeating: 0, count: columns)
        columnD?.update(repeating: 0, count: columns)
        columnV?.update(repeating: 0, count: columns)
        // The window's input rows, taken two at a time: each pass reads and writes
        // the running sums once for two rows.
        var pending: (start: Int, y: S, d: S)?
        for depthTap in depthTaps {
            for heightTap in heightTaps {
                let row = (start: block.offset(plane: depthStart + depthTap, row: heightStart + heightTap),
                           y: S(heightTap), d: S(depthTap))
                if let first = pending {
                    addRows(block, first, row, columns: columns)
                    pending = nil
                } else {
                    pending = row
                }
            }
        }
        if let last = pending { addRows(block, last, nil, columns: columns) }
    }

    /// Adds one or two input rows (offsets into `block`, with their tap offsets) to the column sums.
    @inline(__always)
    private func addRows(
        _ block: ExponentialRows<S>, _ a: (start: Int, y: S, d: S), _ b: (start: Int, y: S, d: S)?, columns: Int
    ) {
        let (sums, ySums) = (columnS, columnY)
        let ea = block.exponentials + a.start
        guard let b else {
            for c in 0..<columns {
                sums[c] += ea[c]
                ySums[c] += a.y * ea[c]
            }
            if let dSums = columnD { for c in 0..<columns { dSums[c] += a.d * ea[c] } }
            if let vSums = columnV, let products = block.products {
                let pa = products + a.start
                for c in 0..<columns { vSums[c] += pa[c] }
            }
            return
        }
        let eb = block.exponentials + b.start
        for c in 0..<columns {
            sums[c] += ea[c] + eb[c]
            ySums[c] += a.y * ea[c] + b.y * eb[c]
        }
        if let dSums = columnD { for c in 0..<columns { dSums[c] += a.d * ea[c] + b.d * eb[c] } }
        if let vSums = columnV, let products = block.products {
            let (pa, pb) = (products + a.start, products + b.start)
            for c in 0..<columns { vSums[c] += pa[c] + pb[c] }
        }
    }

    /// Adds the width taps of the gathered column sums into the output-column sums.
    func reduceColumns() {
        let outputs = width.outputs
        s.update(repeating: 0, count: outputs)
        sx.update(repeating: 0, count: outputs)
        sy.update(repeating: 0, count: outputs)
        sd?.update(repeating: 0, count: outputs)
        v?.update(repeating: 0, count: outputs)
        // Literal strides let the compiler vectorise the strided loads.
        switch width.stride {
        case 1: addTaps(stride: 1)
        case 2: addTaps(stride: 2)
        default: addTaps(stride: width.stride)
        }
    }

    @inline(__always)
    private func addTaps(stride: Int) {
        for (tap, columns) in tapColumns.enumerated() {
            let (before, after) = (threeTaps.lowerBound, threeTaps.upperBound)
            addTap(tap, outputs: columns.lowerBound..<max(columns.lowerBound, min(columns.upperBound, before)), stride: stride)
            addTap(tap, outputs: min(columns.upperBound, max(columns.lowerBound, after))..<columns.upperBound, stride: stride)
        }
        guard !threeTaps.isEmpty else { return }
        // Same order of additions as tap by tap: (0 + t₀) + t₁ + t₂ per sum.
        let first = width.start(threeTaps.lowerBound)
        let (e, ey) = (columnS + first, columnY + first)
        let (sums, xSums, ySums) = (s + threeTaps.lowerBound, sx + threeTaps.lowerBound, sy + threeTaps.lowerBound)
        for o in 0..<threeTaps.count {
            let cell = o &* stride
            let (e0, e1, e2) = (e[cell], e[cell &+ 1], e[cell &+ 2])
            sums[o] = e0 + e1 + e2
            xSums[o] = 0 * e0 + e1 + 2 * e2
            ySums[o] = ey[cell] + ey[cell &+ 1] + ey[cell &+ 2]
        }
        if let sd, let columnD { Self.addThree(columnD + first, stride: stride, into: sd + threeTaps.lowerBound, count: threeTaps.count) }
        if let v, let columnV { Self.addThree(columnV + first, stride: stride, into: v + threeTaps.lowerBound, count: threeTaps.count) }
    }

    /// `into[o] = from[o · stride] + from[o · stride + 1] + from[o · stride + 2]` for `o < count`.
    @inline(__always)
    private static func addThree(_ from: UnsafeMutablePointer<S>, stride: Int, into: UnsafeMutablePointer<S>, count: Int) {
        for o in 0..<count {
            let cell = o &* stride
            into[o] = from[cell] + from[cell &+ 1] + from[cell &+ 2]
        }
    }

    /// Adds width tap `tap` into `outputs`.
    @inline(__always)
    private func addTap(_ tap: Int, outputs: Range<Int>, stride: Int) {
        guard !outputs.isEmpty else { return }
        // Pointers rebased to the first cell and wrapping offsets keep overflow
        // checks out of the loops.
        let first = width.start(outputs.lowerBound) &+ tap
        let x = S(tap)
        let (e, ey) = (columnS + first, columnY + first)
        let (sums, xSums, ySums) = (s + outputs.lowerBound, sx + outputs.lowerBound, sy + outputs.lowerBound)
        for o in 0..<outputs.count {
            let weight = e[o &* stride]
            sums[o] += weight
            xSums[o] += x * weight
            ySums[o] += ey[o &* stride]
        }
        if let sd, let columnD { Self.add(columnD + first, stride: stride, into: sd + outputs.lowerBound, count: outputs.count) }
        if let v, let columnV { Self.add(columnV + first, stride: stride, into: v + outputs.lowerBound, count: outputs.count) }
    }

    /// `into[o] += from[o · stride]` for `o < count`.
    @inline(__always)
    private static func add(_ from: UnsafeMutablePointer<S>, stride: Int, into: UnsafeMutablePointer<S>, count: Int) {
        for o in 0..<count { into[o] += from[o &* stride] }
    }
}
