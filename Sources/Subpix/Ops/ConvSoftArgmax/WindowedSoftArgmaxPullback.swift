/// The backward pass of `conv_soft_argmax2d` and `conv_soft_argmax3d`, on its
/// own code path (it shares only the window geometry with the forward engine).
///
/// With `e = exp((x − max) / T)` per map (the max is a constant, as kornia
/// detaches it), each window `w` has the sums over its in-range taps
///
///     S = Σ e,   Sa = Σ o_a · e  (a = d, x, y; o_a the tap's offset),   V = Σ e · x,
///
/// coordinates `f_a · (centre_a + Sa / (S + eps)) − 1` (`f_a = 1` and no `− 1` in
/// pixels) and value `V / (S + eps)`. For cotangents `ḡa` and `v̄` of a window,
/// let `D = S + eps`, `α_a = f_a · ḡa / D`, `γ = v̄ / D` and
/// `ρ = −(Σ_a α_a · Sa + γ · V) / D`. Then
///
///     ∂L/∂e(k) = Σ_{w ∋ k} (Σ_a α_a · o_a(k, w) + γ · x(k) + ρ),
///     x̄(k) = e(k) · (∂L/∂e(k) / T + Σ_{w ∋ k} γ)
///
/// The Swift implementation (what `Double` maps run, and the reference the
/// float32 C kernel is tested against) exponentiates each map once, then for
/// each output row gathers the row's window sums separably, turns them into `α`,
/// `γ`, `ρ` and scatters those back over the windows' taps (width first, then
/// depth × height).
struct WindowedSoftArgmaxPullback<S: SubpixScalar> {
    /// The op's configuration: axes, temperature, eps, normalisation, 2D or 3D
    /// (only these are read from the forward engine).
    let forward: WindowedSoftArgmax<S>

    private var depth: WindowAxis { forward.depth }
    var height: WindowAxis { forward.height }
    private var width: WindowAxis { forward.width }
    private var temperature: S { forward.temperature }
    private var volumetric: Bool { forward.volumetric }
    var coordinateAxes: Int { volumetric ? 3 : 2 }
    var outputMap: Int { depth.outputs * height.outputs * width.outputs }
    var mapSize: Int { depth.length * height.length * width.length }

    /// Writes the gradient of `maps` contiguous maps of `x` for the coordinate
    /// cotangent `coords` (`maps × axes × outputMap`) and, when given, the value
    /// cotangent `values` (`maps × outputMap`) with the forward's values `pooled`
    /// (`V / D`, without the 3D strict-maxima bonus; the Swift implementation
    /// recomputes them).
    ///
    /// `Float` maps run the C kernel (`subpix_window_soft_argmax_backward_f32`)
    /// unless `forward.usesKernel` is off; `Double` maps and maps the kernel could
    /// not allocate scratch for run the Swift implementation below.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func gradient(
        _ x: UnsafePointer<S>, maps: Int, coords: UnsafePointer<S>, values: UnsafePointer<S>?, pooled: UnsafePointer<S>?,
        into gradient: UnsafeMutablePointer<S>
    ) {
        if let kernel = forward.usesKernel ? WindowKernel(forward, centres: ColumnCentres(width)) : nil {
            let cotangent = values.flatMap { values in pooled.map { (cotangent: values, pooled: $0) } }
            let missed = kernelGradient(kernel, x, maps: maps, coords: coords, values: cotangent, into: gradient)
            for map in missed { swiftGradient(x, map: map, coords: coords, values: values, into: gradient) }
            return
        }
        parallelFor(maps, work: maps * mapSize * (depth.kernel * height.kernel + width.kernel) * 4) { map in
            swiftGradient(x, map: map, coords: coords, values: values, into: gradient)
        }
    }

    private func swiftGradient(
        _ x: UnsafePointer<S>, map: Int, coords: UnsafePointer<S>, values: UnsafePointer<S>?, into gradient: UnsafeMutablePointer<S>
    ) {
        mapGradient(
            x + map * mapSize, coords: coords + map * coordinateAxes * outputMap, values: values.map { $0 + map * outputMap },
            into: gradient + map * mapSize)
    }

    private func mapGradient(
        _ x: UnsafePointer<S>, coords: UnsafePointer<S>, values: UnsafePointer<S>?, into gradient: UnsafeMutablePointer<S>
    ) {
        let scratch = PullbackScratch<S>(mapSize: mapSize, width: width.length, values: values != nil)
        let e = scratch.e
        let peak = MapReduction.maximum(x, count: mapSize)
        S.exponentials(x, count: mapSize, scale: 1 / temperature, offset: peak / temperature, into: e)
        let cotangent = AxisCotangents(
            coords: coords, values: values, outputMap: outputMap, volumetric: volumetric,
            factors: (factor(depth), factor(width), factor(height)))
        let offsets = TapOffsets<S>(depth: depth, height: height, width: width)
        for od in 0..<depth.outputs {
            for oy in 0..<height.outputs {
                scratch.clearRows()
                gatherRowSums(x, scratch, offsets, od: od, oy: oy)
                scatterRow(scratch, offsets, cotangent: cotangent, row: (od * height.outputs + oy) * width.outputs)
                spreadRows(scratch, offsets, od: od, oy: oy)
            }
        }
        let g = scratch.g
        let inverseTemperature = 1 / temperature
        if let c = scratch.c {
            for k in 0..<mapSize { gradient[k] = e[k] * ((g[k] + x[k] * c[k]) * inverseTemperature + c[k]) }
        } else {
            for k in 0..<mapSize { gradient[k] = e[k] * g[k] * inverseTemperature }
        }
    }

    /// Row sums over the depth × height taps of output row `(od, oy)`, per input column.
    private func gatherRowSums(_ x: UnsafePointer<S>, _ scratch: PullbackScratch<S>, _ offsets: TapOffsets<S>, od: Int, oy: Int) {
        let (columns, rowS, rowY, rowD) = (width.length, scratch.rowS, scratch.rowY, scratch.rowD)
        forEachInputRow(offsets, od: od, oy: oy) { cell, offsetD, offsetY in
            let e = UnsafePointer(scratch.e + cell)
            for j in 0..<columns {
                rowS[j] += e[j]
                rowY[j] += offsetY * e[j]
            }
            if volumetric {
                for j in 0..<columns { rowD[j] += offsetD * e[j] }
            }
            if let rowV = scratch.rowV {
                let line = x + cell
                for j in 0..<columns { rowV[j] += e[j] * line[j] }
            }
        }
    }

    /// Each window of the output row: its sums, then `α`, `γ`, `ρ` scattered over its width taps.
    private func scatterRow(_ scratch: PullbackScratch<S>, _ offsets: TapOffsets<S>, cotangent: AxisCotangents<S>, row: Int) {
        let (rowS, rowY, rowD, rowV) = (UnsafePointer(scratch.rowS), UnsafePointer(scratch.rowY), UnsafePointer(scratch.rowD), scratch.rowV)
        let (spreadX, spreadY, spreadD, spreadV) = (scratch.spreadX, scratch.spreadY, scratch.spreadD, scratch.spreadV)
        let (offsetX, eps) = (offsets.width, forward.eps)
        for ox in 0..<width.outputs {
            let (first, taps) = (width.start(ox), width.taps(ox))
            var (s, sx, sy, sd, v): (S, S, S, S, S) = (0, 0, 0, 0, 0)
            for t in taps {
                let j = first + t
                s += rowS[j]
                sx += offsetX[t] * rowS[j]
                sy += rowY[j]
            }
            if volumetric { for t in taps { sd += rowD[first + t] } }
            if let rowV { for t in taps { v += rowV[first + t] } }
            let inverse = 1 / (s + eps)
            let index = row + ox
            let (alphaX, alphaY, alphaD) = (cotangent.x(index) * inverse, cotangent.y(index) * inverse, cotangent.d(index) * inverse)
            let gamma = cotangent.value(index) * inverse
            let rho = -(alphaX * sx + alphaY * sy + alphaD * sd + gamma * v) * inverse
            for t in taps {
                let j = first + t
                spreadX[j] += alphaX * offsetX[t] + rho
                spreadY[j] += alphaY
            }
            if volumetric { for t in taps { spreadD[first + t] += alphaD } }
            if let spreadV { for t in taps { spreadV[first + t] += gamma } }
        }
    }

    /// Adds the row's scattered terms to every input row its windows read.
    private func spreadRows(_ scratch: PullbackScratch<S>, _ offsets: TapOffsets<S>, od: Int, oy: Int) {
        let columns = width.length
        let (spreadX, spreadY, spreadD) = (UnsafePointer(scratch.spreadX), UnsafePointer(scratch.spreadY), UnsafePointer(scratch.spreadD))
        forEachInputRow(offsets, od: od, oy: oy) { cell, offsetD, offsetY in
            let g = scratch.g + cell
            if volumetric {
                for j in 0..<columns { g[j] += spreadX[j] + offsetY * spreadY[j] + offsetD * spreadD[j] }
            } else {
                for j in 0..<columns { g[j] += spreadX[j] + offsetY * spreadY[j] }
            }
            if let c = scratch.c.map({ $0 + cell }), let spreadV = scratch.spreadV {
                for j in 0..<columns { c[j] += spreadV[j] }
            }
        }
    }

    /// Calls `body` with the first element of each input row that the windows of
    /// output row `(od, oy)` read, and the row's depth and height tap offsets.
    @inline(__always)
    private func forEachInputRow(_ offsets: TapOffsets<S>, od: Int, oy: Int, _ body: (_ cell: Int, _ offsetD: S, _ offsetY: S) -> Void) {
        for v in depth.taps(od) {
            for u in height.taps(oy) {
                let cell = ((depth.start(od) + v) * height.length + height.start(oy) + u) * width.length
                body(cell, offsets.depth[v], offsets.height[u])
            }
        }
    }

    /// The factor that turns pixel coordinates along `axis` into output coordinates.
    private func factor(_ axis: WindowAxis) -> S { forward.normalized ? PixelGrid.normalizingFactor(axis.length) : 1 }
}

/// kornia's offset of each tap from its window's centre, `2t / (k − 1) − 1`, per axis.
private final class TapOffsets<S: SubpixScalar> {
    let depth, height, width: UnsafeMutablePointer<S>

    init(depth: WindowAxis, height: WindowAxis, width: WindowAxis) {
        func table(_ axis: WindowAxis) -> UnsafeMutablePointer<S> {
            let offsets = UnsafeMutablePointer<S>.allocate(capacity: axis.kernel)
            for tap in 0..<axis.kernel { (offsets + tap).initialize(to: S(axis.offset(tap))) }
            return offsets
        }
        (self.depth, self.height, self.width) = (table(depth), table(height), table(width))
    }

    deinit {
        depth.deallocate()
        height.deallocate()
        width.deallocate()
    }
}

/// The cotangents of one map's outputs, the coordinate ones multiplied by
/// their axis's normalisation factor.
private struct AxisCotangents<S: SubpixScalar> {
    let coords: UnsafePointer<S>
    let values: UnsafePointer<S>?
    let outputMap: Int
    let volumetric: Bool
    /// Normalisation factors of the depth, x and y axes (1 in pixels).
    let factors: (d: S, x: S, y: S)

    @inline(__always) func x(_ index: Int) -> S { coords[(volumetric ? 1 : 0) * outputMap + index] * factors.x }
    @inline(__always) func y(_ index: Int) -> S { coords[(volumetric ? 2 : 1) * outputMap + index] * factors.y }
    @inline(__always) func d(_ index: Int) -> S { volumetric ? coords[index] * factors.d : 0 }
    @inline(__always) func value(_ index: Int) -> S { values?[index] ?? 0 }
}

/// The buffers of one map's backward pass: the exponentials and the two
/// accumulators `g` (`Σ α·o + γ·x + ρ` without the `x` part) and `c` (`Σ γ`),
/// map-sized; per-column row sums and scattered terms, input-width-sized.
private final class PullbackScratch<S: SubpixScalar> {
    let e, g: UnsafeMutablePointer<S>
    let c: UnsafeMutablePointer<S>?
    let rowS, rowY, rowD, spreadX, spreadY, spreadD: UnsafeMutablePointer<S>
    let rowV, spreadV: UnsafeMutablePointer<S>?
    private let rows: UnsafeMutablePointer<S>
    private let rowBuffers: Int
    private let rowLength: Int

    init(mapSize: Int, width: Int, values: Bool) {
        e = .allocate(capacity: mapSize)
        g = .allocate(capacity: mapSize)
        g.initialize(repeating: 0, count: mapSize)
        c = values ? .allocate(capacity: mapSize) : nil
        c?.initialize(repeating: 0, count: mapSize)
        rowBuffers = values ? 8 : 6
        rows = .allocate(capacity: rowBuffers * width)
        (rowS, rowY, rowD) = (rows, rows + width, rows + 2 * width)
        (spreadX, spreadY, spreadD) = (rows + 3 * width, rows + 4 * width, rows + 5 * width)
        (rowV, spreadV) = values ? (rows + 6 * width, rows + 7 * width) : (nil, nil)
        rowLength = width
    }

    /// Zeroes the per-column buffers for the next output row.
    func clearRows() { rows.update(repeating: 0, count: rowBuffers * rowLength) }

    deinit {
        e.deallocate()
        g.deallocate()
        c?.deallocate()
        rows.deallocate()
    }
}
