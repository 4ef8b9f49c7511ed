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
        tapColumns = (0..<width.kernel).map { tap in
            let lower = max(0, (width.padding - tap + width.stride - 1) / width.stride)
            let last = inputs - 1 + width.padding - tap   // the tap lands inside while o · stride <= last
            let upper = last < 0 ? 0 : min(outputs, last / width.stride + 1)
            return lower..<max(lower, upper)
        }
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
        for depthTap in depthTaps {
            for heightTap in heightTaps {
                let start = block.offset(plane: depthStart + depthTap, row: heightStart + heightTap)
                let e = block.exponentials + start
                let (sums, ySums, y) = (columnS, columnY, S(heightTap))
                for c in 0..<columns {
                    sums[c] += e[c]
                    ySums[c] += y * e[c]
                }
                if let dSums = columnD {
                    let d = S(depthTap)
                    for c in 0..<columns { dSums[c] += d * e[c] }
                }
                if let vSums = columnV, let products = block.products {
                    let p = products + start
                    for c in 0..<columns { vSums[c] += p[c] }
                }
            }
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
        // A literal stride of 1 lets the common dense case load contiguously and vectorise.
        if width.stride == 1 { addTaps(stride: 1) } else { addTaps(stride: width.stride) }
    }

    @inline(__always)
    private func addTaps(stride: Int) {
        for (tap, columns) in tapColumns.enumerated() where !columns.isEmpty {
            // Pointers rebased to the first cell and wrapping offsets keep overflow
            // checks out of the loops.
            let first = columns.lowerBound &* stride &+ tap &- width.padding
            let x = S(tap)
            let (e, ey) = (columnS + first, columnY + first)
            let (sums, xSums, ySums) = (s + columns.lowerBound, sx + columns.lowerBound, sy + columns.lowerBound)
            for o in 0..<columns.count {
                let weight = e[o &* stride]
                sums[o] += weight
                xSums[o] += x * weight
                ySums[o] += ey[o &* stride]
            }
            if let sd, let columnD { Self.add(columnD + first, stride: stride, into: sd + columns.lowerBound, count: columns.count) }
            if let v, let columnV { Self.add(columnV + first, stride: stride, into: v + columns.lowerBound, count: columns.count) }
        }
    }

    /// `into[o] += from[o · stride]` for `o < count`.
    @inline(__always)
    private static func add(_ from: UnsafeMutablePointer<S>, stride: Int, into: UnsafeMutablePointer<S>, count: Int) {
        for o in 0..<count { into[o] += from[o &* stride] }
    }
}
