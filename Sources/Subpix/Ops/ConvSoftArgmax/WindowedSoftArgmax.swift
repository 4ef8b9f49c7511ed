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
    @_specialize(where S == Float)
    @_specialize(where S == Double)
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
            if volumetric {
                write(sums, map: map, outputRows: rows, coords: coords, values: values)
            } else {
                writePlane(sums, map: map, outputRows: rows, coords: coords, values: values)
            }
        }
    }

    /// The 2D case of ``write(_:map:outputRows:coords:values:)``: one plane, no depth
    /// taps, so each output row is a straight loop over columns that vectorises.
    private func writePlane(
        _ sums: WindowSums<S>, map: Int, outputRows: Range<Int>,
        coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>?
    ) {
        let columns = width.outputs
        let (scaleX, shiftX) = (S(width.offsetScale), S(width.offsetShift))
        let (scaleY, shiftY) = (S(height.offsetScale), S(height.offsetShift))
        let perCentreCell = 1 / S(height.centreTaps.count * width.centreTaps.count)
        let (factorX, factorY) = (PixelGrid.normalizingFactor(width.length) as S, PixelGrid.normalizingFactor(height.length) as S)
        let centres = (0..<columns).map { width.centre($0) }
        let centreSumX = centres.map { S($0.coordinateSum) * perCentreCell }
        let centreInX = centres.map { S($0.inRange) * perCentreCell }
        let (offset, epsilon) = (normalized ? S(1) : 0, eps)
        let (scaleNormX, scaleNormY) = (normalized ? factorX : 1, normalized ? factorY : 1)
        centreSumX.withUnsafeBufferPointer { centreSumX in
            centreInX.withUnsafeBufferPointer { centreInX in
                for oy in outputRows {
                    let centreY = height.centre(oy)
                    let (centreSumY, centreInY) = (S(centreY.coordinateSum), S(centreY.inRange))
                    let row = sums.index(plane: 0, row: oy - outputRows.lowerBound, column: 0)
                    let (s, sx, sy) = (sums.s + row, sums.sx + row, sums.sy + row)
                    let outX = coords + map * 2 * outputMap + oy * columns
                    let outY = outX + outputMap
                    let outV = values.map { $0 + map * outputMap + oy * columns }
                    for ox in 0..<columns {
                        let inverse = 1 / (s[ox] + epsilon)
                        let x = centreSumX[ox] * centreInY + (scaleX * sx[ox] - shiftX * s[ox]) * inverse
                        let y = centreSumY * centreInX[ox] + (scaleY * sy[ox] - shiftY * s[ox]) * inverse
                        outX[ox] = x * scaleNormX - offset
                        outY[ox] = y * scaleNormY - offset
                    }
                    if let outV, let v = sums.v {
                        for ox in 0..<columns { outV[ox] = v[row + ox] / (s[ox] + epsilon) }
                    }
                }
            }
        }
    }

    /// Combines the per-plane sums along depth and writes coordinates and values.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    private func write(
        _ sums: WindowSums<S>, map: Int, outputRows: Range<Int>,
        coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>?
    ) {
        let scale = (d: S(depth.offsetScale), x: S(width.offsetScale), y: S(height.offsetScale))
        let shift = (d: S(depth.offsetShift), x: S(width.offsetShift), y: S(height.offsetShift))
        let perCentreCell = 1 / S(depth.centreTaps.count * height.centreTaps.count * width.centreTaps.count)
        let factor = (
            d: PixelGrid.normalizingFactor(depth.length) as S,
            x: PixelGrid.normalizingFactor(width.length) as S,
            y: PixelGrid.normalizingFactor(height.length) as S)
        let columns = width.outputs
        let centresX = (0..<columns).map { width.centre($0) }
        for od in 0..<depth.outputs {
            let centreD = depth.centre(od)
            let depthTaps = depth.taps(od), depthStart = depth.start(od)
            for oy in outputRows {
                let centreY = height.centre(oy)
                let local = oy - outputRows.lowerBound
                for ox in 0..<columns {
                    let centreX = centresX[ox]
                    var total = WindowTotals<S>()
                    for tap in depthTaps {
                        total.add(sums, plane: depthStart + tap, tap: S(tap), row: local, column: ox)
                    }
                    let inverse = 1 / (total.s + eps)
                    // kornia averages the grid over the centre cells, padding counting as 0.
                    var pixel = (
                        d: S(centreD.coordinateSum * centreY.inRange * centreX.inRange) * perCentreCell,
                        x: S(centreX.coordinateSum * centreY.inRange * centreD.inRange) * perCentreCell,
                        y: S(centreY.coordinateSum * centreX.inRange * centreD.inRange) * perCentreCell)
                    pixel.d += (scale.d * total.sd - shift.d * total.s) * inverse
                    pixel.x += (scale.x * total.sx - shift.x * total.s) * inverse
                    pixel.y += (scale.y * total.sy - shift.y * total.s) * inverse
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
                    values?[map * outputMap + position] = total.v * inverse
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
