/// The engine of `conv_soft_argmax2d` and `conv_soft_argmax3d`: for every
/// window of every `(D, H, W)` map it computes, with `e = exp((x − max) / T)`,
///
///     S = Σ e,  Sd = Σ t_d·e,  Sx = Σ t_x·e,  Sy = Σ t_y·e,  V = Σ e·x
///
/// over the taps that land inside the map (zero padding adds nothing), and
/// writes coordinates `centre + (scale·St − shift·S) / (S + eps)` and values
/// `V / (S + eps)`. A 2D map is a volume of depth 1 with a one-cell depth window.
///
/// Each input element is exponentiated once per work item (rows shared by two
/// items are recomputed at the seam); window sums are separable — along W,
/// then H, then D — so a window costs `kx + ky + kz` adds, not `kx·ky·kz`.
struct WindowedSoftArgmax<S: SubpixScalar> {
    let depth: WindowAxis
    let height: WindowAxis
    let width: WindowAxis
    let temperature: S
    let eps: S
    let normalized: Bool
    /// Write `(d, x, y)` coordinates (3D) instead of `(x, y)` (2D).
    let volumetric: Bool

    var coordinateAxes: Int { volumetric ? 3 : 2 }
    var outputPlane: Int { height.outputs * width.outputs }
    var outputMap: Int { depth.outputs * outputPlane }

    /// Runs over `maps` contiguous maps of `x`, writing `coords` (`maps × axes × outputMap`)
    /// and, when given, `values` (`maps × outputMap`).
    func run(_ x: UnsafePointer<S>, maps: Int, coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>?) {
        let mapSize = depth.length * height.length * width.length
        var peaks = [S](repeating: 0, count: maps)
        peaks.withUnsafeMutableBufferPointer { peaks in
            guard let peaks = peaks.baseAddress else { return }
            parallelFor(maps, work: maps * mapSize) { map in
                peaks[map] = MapReduction.maximum(x + map * mapSize, count: mapSize)
            }
        }
        let chunks = Swift.max(1, Swift.min(height.outputs, (parallelPieces + maps - 1) / maps))
        let rowsPerChunk = (height.outputs + chunks - 1) / chunks
        let work = maps * mapSize * (depth.kernel + height.kernel + width.kernel + 8)
        parallelFor(maps * chunks, work: work) { item in
            let (map, chunk) = item.quotientAndRemainder(dividingBy: chunks)
            let firstRow = Swift.min(height.outputs, chunk * rowsPerChunk)
            let rows = firstRow..<Swift.min(height.outputs, firstRow + rowsPerChunk)
            guard !rows.isEmpty else { return }
            let sums = WindowSums<S>(planes: depth.length, rows: rows.count, columns: width.outputs, values: values != nil)
            sums.accumulate(
                x + map * mapSize, peak: peaks[map], temperature: temperature,
                depth: depth, height: height, width: width, outputRows: rows)
            write(sums, map: map, outputRows: rows, coords: coords, values: values)
        }
    }

    /// Combines the per-plane sums along depth and writes coordinates and values.
    private func write(
        _ sums: WindowSums<S>, map: Int, outputRows: Range<Int>,
        coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>?
    ) {
        let scale = (d: S(depth.offsetScale), x: S(width.offsetScale), y: S(height.offsetScale))
        let shift = (d: S(depth.offsetShift), x: S(width.offsetShift), y: S(height.offsetShift))
        let centreCells = S(depth.centreTaps.count * height.centreTaps.count * width.centreTaps.count)
        let factor = (
            d: PixelGrid.normalizingFactor(depth.length) as S,
            x: PixelGrid.normalizingFactor(width.length) as S,
            y: PixelGrid.normalizingFactor(height.length) as S)
        let columns = width.outputs
        for od in 0..<depth.outputs {
            let centreD = depth.centre(od)
            for oy in outputRows {
                let centreY = height.centre(oy)
                let local = oy - outputRows.lowerBound
                for ox in 0..<columns {
                    let centreX = width.centre(ox)
                    var total = WindowTotals<S>()
                    for tap in depth.taps(od) {
                        total.add(sums, plane: depth.start(od) + tap, tap: S(tap), row: local, column: ox)
                    }
                    let denominator = total.s + eps
                    // kornia averages the grid over the centre cells, padding counting as 0.
                    var pixel = (
                        d: S(centreD.coordinateSum * centreY.inRange * centreX.inRange) / centreCells,
                        x: S(centreX.coordinateSum * centreY.inRange * centreD.inRange) / centreCells,
                        y: S(centreY.coordinateSum * centreX.inRange * centreD.inRange) / centreCells)
                    pixel.d += (scale.d * total.sd - shift.d * total.s) / denominator
                    pixel.x += (scale.x * total.sx - shift.x * total.s) / denominator
                    pixel.y += (scale.y * total.sy - shift.y * total.s) / denominator
                    if normalized {
                        pixel = (d: pixel.d * factor.d - 1, x: pixel.x * factor.x - 1, y: pixel.y * factor.y - 1)
                    }
                    let position = (od * height.outputs + oy) * columns + ox
                    let base = coords + map * coordinateAxes * outputMap + position
                    if volumetric {
                        base[0] = pixel.d
                        base[outputMap] = pixel.x
                        base[2 * outputMap] = pixel.y
                    } else {
                        base[0] = pixel.x
                        base[outputMap] = pixel.y
                    }
                    values?[map * outputMap + position] = total.v / denominator
                }
            }
        }
    }
}

/// The five window sums of one output position, gathered along depth.
private struct WindowTotals<S: SubpixScalar> {
    var s: S = 0, sd: S = 0, sx: S = 0, sy: S = 0, v: S = 0

    @inline(__always)
    mutating func add(_ sums: WindowSums<S>, plane: Int, tap: S, row: Int, column: Int) {
        let index = sums.index(plane: plane, row: row, column: column)
        let planeSum = sums.s[index]
        s += planeSum
        sd += tap * planeSum
        sx += sums.sx[index]
        sy += sums.sy[index]
        if let values = sums.v { v += values[index] }
    }
}
