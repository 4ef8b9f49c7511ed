/// kornia 0.9 takes the softmax of each window on its own, shifted by the window's
/// own maximum. The engine shifts every window by the map's maximum instead — one
/// exponential per input element, shared by all the windows that read it — which
/// is the same softmax to rounding as long as a window's `Σ e` keeps the terms that
/// matter in full precision. A window whose `Σ e` falls below ``weakMass``
/// (its maximum about 40 temperatures below the map's) is marked by the pass (a NaN
/// x coordinate) and computed here on its own, as kornia does — for float32 by the C
/// kernel's online rescale over the marked rows, otherwise window by window; so is
/// a window that holds a NaN, which stays NaN.
extension WindowedSoftArgmax {
    /// The `Σ e` below which a window is computed on its own: 2⁻⁵⁸ (`e⁻⁴⁰`). Above
    /// it every term within 2⁻²⁴ of the window's largest is a normal float32.
    /// 0 for kornia 0.7.4, which marks nothing.
    var weakMass: S { perWindow ? 0x1p-58 : 0 }

    /// The `eps` of the per-window mode: 2⁻⁹⁸, at most 2⁻⁴⁰ of a window's `Σ e`
    /// (nothing in float32), there only to keep `1 / (Σ e + eps)` finite where a
    /// window computed on its own has all its terms underflow — finite even times
    /// the factor `2 / 10⁻⁸` of a normalised one-cell axis.
    static var perWindowEps: S { 0x1p-98 }

    /// The engine of kornia `version`'s op: for 0.9 each window's softmax on its
    /// own (`eps` ignored, as 0.9 ignores it), for 0.7.4 the map's, plus `eps`.
    init(depth: WindowAxis, height: WindowAxis, width: WindowAxis, temperature: Double, eps: Double,
         normalized: Bool, volumetric: Bool, version: KorniaVersion) {
        let perWindow = version == .v0_9
        self.init(depth: depth, height: height, width: width, temperature: S(temperature),
                  eps: perWindow ? Self.perWindowEps : S(eps), normalized: normalized, volumetric: volumetric,
                  perWindow: perWindow)
    }

    /// Where the outputs of one map are: the coordinate planes, the values, and which
    /// output rows (of each depth output) the buffers hold.
    struct OutputRows {
        let x, y: UnsafeMutablePointer<S>
        let d, values: UnsafeMutablePointer<S>?
        let heldRows: Range<Int>
        let columns: Int

        init(x: UnsafeMutablePointer<S>, y: UnsafeMutablePointer<S>, d: UnsafeMutablePointer<S>?, values: UnsafeMutablePointer<S>?,
             heldRows: Range<Int>, columns: Int) {
            (self.x, self.y, self.d, self.values, self.heldRows, self.columns) = (x, y, d, values, heldRows, columns)
        }

        /// The whole outputs of one map: `coords` (`axes × outputMap`) and `values` (`outputMap`).
        init(_ engine: WindowedSoftArgmax<S>, coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>?) {
            let plane = engine.outputMap
            let x = coords + (engine.volumetric ? plane : 0)
            self.init(x: x, y: x + plane, d: engine.volumetric ? coords : nil, values: values,
                      heldRows: 0..<engine.height.outputs, columns: engine.width.outputs)
        }

        @inline(__always) func index(od: Int, oy: Int, ox: Int) -> Int {
            (od * heldRows.count + oy - heldRows.lowerBound) * columns + ox
        }
    }

    /// Computes on its own every window of output rows `rows` (of every depth output)
    /// whose x coordinate in `outputs` is NaN, writing its coordinates and value, and
    /// returns their indices in the map's outputs (`(od · H_out + oy) · W_out + ox`), in order.
    /// With the float32 `kernel` they are computed by its online rescale
    /// (``WindowKernel/ownWindows(_:rows:into:band:)``, on the band's view when `band`),
    /// otherwise window by window (``ownWindow(_:od:oy:ox:)``).
    @discardableResult
    func ownWindows(
        _ map: UnsafePointer<S>, rows: Range<Int>, into outputs: OutputRows, kernel: WindowKernel<S>? = nil, band: Bool = false
    ) -> [Int] {
        var indices: [Int] = []
        for od in 0..<depth.outputs {
            for oy in rows {
                let (held, position) = (outputs.index(od: od, oy: oy, ox: 0), (od * height.outputs + oy) * width.outputs)
                for ox in 0..<width.outputs where outputs.x[held + ox].isNaN { indices.append(position + ox) }
            }
        }
        if indices.isEmpty || kernel?.ownWindows(map, rows: rows, into: outputs, band: band) == true { return indices }
        for flat in indices {
            let (od, plane) = flat.quotientAndRemainder(dividingBy: height.outputs * width.outputs)
            let (oy, ox) = plane.quotientAndRemainder(dividingBy: width.outputs)
            let index = outputs.index(od: od, oy: oy, ox: ox)
            let window = ownWindow(map, od: od, oy: oy, ox: ox)
            outputs.x[index] = window.x
            outputs.y[index] = window.y
            outputs.d?[index] = window.d
            outputs.values?[index] = window.value
        }
        return indices
    }

    /// Output `(od, oy, ox)` of the map `x` from its window alone: with `m` the
    /// window's maximum, `e = exp((x − m) / T)` over its cells inside the map,
    /// coordinates `centre + Σ e·offset / Σ e` and value `Σ e·x / Σ e`.
    func ownWindow(_ x: UnsafePointer<S>, od: Int, oy: Int, ox: Int) -> (d: S, x: S, y: S, value: S) {
        let window = OwnWindow(self, x, od: od, oy: oy, ox: ox)
        let sums = window.sums
        let reciprocal = 1 / sums.mass
        let (xWeight, yBase, dBase) = rowCentre(od: od, oy: oy)
        let centre = width.centre(ox)
        let inRange = S(centre.inRange)
        let axes = window.axes
        let cx = axes.x.coordinate(centre: S(centre.coordinateSum) * xWeight, mass: sums.mass, moment: sums.x, reciprocal: reciprocal)
        let cy = axes.y.coordinate(centre: yBase * inRange, mass: sums.mass, moment: sums.y, reciprocal: reciprocal)
        let cd = axes.d.coordinate(centre: dBase * inRange, mass: sums.mass, moment: sums.d, reciprocal: reciprocal)
        return (cd * axes.d.factor - axes.d.offset, cx * axes.x.factor - axes.x.offset, cy * axes.y.factor - axes.y.offset,
                sums.value * reciprocal)
    }
}

/// One window of the engine taken on its own: its cells inside the map, its maximum
/// `m`, and per cell `e = exp((x − m) / T)`.
struct OwnWindow<S: SubpixScalar> {
    let engine: WindowedSoftArgmax<S>
    let map: UnsafePointer<S>
    /// Input index of tap 0 per axis, and the taps inside the map.
    let start: (d: Int, y: Int, x: Int)
    let taps: (d: Range<Int>, y: Range<Int>, x: Range<Int>)
    /// The window's maximum (NaN when it holds a NaN).
    let peak: S

    init(_ engine: WindowedSoftArgmax<S>, _ map: UnsafePointer<S>, od: Int, oy: Int, ox: Int) {
        self.engine = engine
        self.map = map
        start = (engine.depth.start(od), engine.height.start(oy), engine.width.start(ox))
        taps = (engine.depth.taps(od), engine.height.taps(oy), engine.width.taps(ox))
        var peak = -S.infinity
        let (start, taps, height, width) = (start, taps, engine.height.length, engine.width.length)
        for v in taps.d {
            for u in taps.y {
                let line = map + ((start.d + v) * height + start.y + u) * width + start.x + taps.x.lowerBound
                for t in 0..<taps.x.count { peak = line[t].isNaN || peak.isNaN ? .nan : Swift.max(peak, line[t]) }
            }
        }
        self.peak = peak
    }

    /// How the window's sums become coordinates along depth, x and y.
    var axes: (d: OutputAxis<S>, x: OutputAxis<S>, y: OutputAxis<S>) {
        (OutputAxis<S>(engine.depth, normalized: engine.normalized), OutputAxis<S>(engine.width, normalized: engine.normalized),
         OutputAxis<S>(engine.height, normalized: engine.normalized))
    }

    /// The index in the map of the cell at taps `(v, u, t)`.
    @inline(__always) func cell(_ v: Int, _ u: Int, _ t: Int) -> Int {
        ((start.d + v) * engine.height.length + start.y + u) * engine.width.length + start.x + t
    }

    /// Calls `body` with every cell inside the map: its index, its taps `(v, u, t)` and `e`.
    @inline(__always)
    func forEachCell(_ body: (_ cell: Int, _ taps: (d: Int, y: Int, x: Int), _ e: S) -> Void) {
        let (inverse, columns) = (1 / engine.temperature, taps.x.count)
        withUnsafeTemporaryAllocation(of: S.self, capacity: Swift.max(1, columns)) { e in
            guard let row = e.baseAddress else { return }
            for v in taps.d {
                for u in taps.y {
                    let first = cell(v, u, taps.x.lowerBound)
                    S.exponentials(map + first, count: columns, scale: inverse, offset: peak * inverse, into: row)
                    for column in 0..<columns { body(first + column, (v, u, taps.x.lowerBound + column), row[column]) }
                }
            }
        }
    }

    /// `Σ e`, `Σ t·e` per axis (`t` the tap) and `Σ e·x`.
    var sums: (mass: S, d: S, x: S, y: S, value: S) {
        var sums: (mass: S, d: S, x: S, y: S, value: S) = (0, 0, 0, 0, 0)
        forEachCell { cell, taps, e in
            sums.mass += e
            sums.d += S(taps.d) * e
            sums.x += S(taps.x) * e
            sums.y += S(taps.y) * e
            sums.value += e * map[cell]
        }
        return sums
    }
}
