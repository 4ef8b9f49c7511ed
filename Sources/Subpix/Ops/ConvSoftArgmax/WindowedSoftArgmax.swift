/// The engine of `conv_soft_argmax2d` and `conv_soft_argmax3d`: for every
/// window of every `(D, H, W)` map it computes, with `e = exp((x − max) / T)`,
///
///     S = Σ e,  Sd = Σ t_d·e,  Sx = Σ t_x·e,  Sy = Σ t_y·e,  V = Σ e·x
///
/// over the taps that land inside the map (zero padding adds nothing), and
/// writes coordinates `centre + (scale·St − shift·S) / (S + eps)` and values
/// `V / (S + eps)`. A 2D map is a volume of depth 1 with a one-cell depth window.
/// For kornia 0.9 (``perWindow``) each window's softmax is its own: the same
/// sums with a negligible `eps`, and the windows far below the map's maximum
/// computed on their own (``ownWindows(_:into:)``).
///
/// Work items are blocks of output rows of one map. For `Float` each runs the C
/// kernel (`subpix_window_soft_argmax_f32`: exponentials once per input element,
/// van Herk / Gil-Werman window sums along both axes). The Swift implementation
/// below — what `Double` runs, and the reference the kernel is tested against —
/// exponentiates the input rows a block reads once (``ExponentialRows``; rows
/// shared by two blocks are recomputed at the seam), then builds each output
/// row's sums separably (``WindowRowSums``, `kernel` additions per window and
/// axis) and writes that row.
struct WindowedSoftArgmax<S: SubpixScalar> {
    let depth: WindowAxis
    let height: WindowAxis
    let width: WindowAxis
    let temperature: S
    let eps: S
    let normalized: Bool
    /// Write `(d, x, y)` coordinates (3D) instead of `(x, y)` (2D).
    let volumetric: Bool
    /// kornia 0.9: the softmax of each window on its own (`eps` is then negligible).
    var perWindow = false
    /// Run `Float` maps through the C kernel (tests turn it off to get the Swift reference).
    var usesKernel = true

    var coordinateAxes: Int { volumetric ? 3 : 2 }
    var outputPlane: Int { height.outputs * width.outputs }
    var outputMap: Int { depth.outputs * outputPlane }

    /// Runs over `maps` contiguous maps of `x`, writing `coords` (`maps × axes × outputMap`)
    /// and, when given, `values` (`maps × outputMap`). Returns the windows computed
    /// on their own (``ownWindows(_:rows:into:kernel:band:)``) as flat output indices,
    /// work item by work item.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    @discardableResult
    func run(_ x: UnsafePointer<S>, maps: Int, coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>?) -> [Int] {
        let mapSize = depth.length * height.length * width.length
        let rowsPerChunk = rowsPerItem(maps: maps)
        let chunks = (height.outputs + rowsPerChunk - 1) / rowsPerChunk
        // A map in one piece finds its own maximum in its work item; one in several
        // shares it from a pass before (so where maps are many, one parallel loop
        // less: on a loaded machine each loop waits for its slowest thread).
        var peaks = [S]()
        if chunks > 1 {
            peaks = [S](repeating: 0, count: maps)
            peaks.withUnsafeMutableBufferPointer { peaks in
                guard let peaks = peaks.baseAddress else { return }
                parallelFor(maps, work: maps * mapSize) { map in
                    peaks[map] = MapReduction.maximum(x + map * mapSize, count: mapSize)
                }
            }
        }
        let work = maps * mapSize * (depth.kernel * height.kernel + width.kernel + 8)
        let centres = ColumnCentres<S>(width)
        let kernel = usesKernel ? WindowKernel(self, centres: centres) : nil
        var own = [[Int]](repeating: [], count: perWindow ? maps * chunks : 0)
        own.withUnsafeMutableBufferPointer { own in
            parallelFor(maps * chunks, work: work) { item in
                let (map, chunk) = item.quotientAndRemainder(dividingBy: chunks)
                let firstRow = Swift.min(height.outputs, chunk * rowsPerChunk)
                let rows = firstRow..<Swift.min(height.outputs, firstRow + rowsPerChunk)
                guard !rows.isEmpty else { return }
                let mapCoords = coords + map * coordinateAxes * outputMap, mapValues = values.map { $0 + map * outputMap }
                let peak = chunks > 1 ? peaks[map] : MapReduction.maximum(x + map * mapSize, count: mapSize)
                let ownRows = OutputRows(self, coords: mapCoords, values: mapValues)
                if let kernel, let marked = kernel.run(x + map * mapSize, peak: peak, rows: rows, coords: mapCoords, values: mapValues) {
                    if marked > 0 {
                        own[item] = ownWindows(x + map * mapSize, rows: rows, into: ownRows, kernel: kernel).map { map * outputMap + $0 }
                    }
                    return
                }
                let block = ExponentialRows<S>(
                    map: x + map * mapSize, planes: depth.length, height: height.length,
                    rows: height.inputSpan(rows), width: width.length,
                    peak: peak, temperature: temperature, products: values != nil)
                let sums = WindowRowSums<S>(width: width, depthSums: volumetric, values: values != nil)
                for od in 0..<depth.outputs {
                    for oy in rows {
                        sums.gather(block, depthStart: depth.start(od), depthTaps: depth.taps(od),
                                    heightStart: height.start(oy), heightTaps: height.taps(oy))
                        sums.reduceColumns()
                        write(sums, centres: centres, map: map, od: od, oy: oy, coords: coords, values: values)
                    }
                }
                if perWindow { own[item] = ownWindows(x + map * mapSize, rows: rows, into: ownRows).map { map * outputMap + $0 } }
            }
        }
        return own.flatMap { $0 }
    }

    /// How many output rows one work item of ``run(_:maps:coords:values:)`` takes on
    /// `maps` maps: the rows of a map cut into a few items per core. (The C kernel
    /// groups its window sums from an item's first row, so a row's last bits depend
    /// on where its item starts; ``rowBlocks(maxRows:)`` keeps those starts.)
    func rowsPerItem(maps: Int) -> Int {
        let items = Swift.max(1, Swift.min(height.outputs, (parallelPieces + maps - 1) / maps))
        return (height.outputs + items - 1) / items
    }

    /// Writes the coordinates and values of output row `(od, oy)` of `map` from its sums.
    private func write(
        _ sums: WindowRowSums<S>, centres: ColumnCentres<S>, map: Int, od: Int, oy: Int,
        coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>?
    ) {
        let columns = width.outputs
        let position = (od * height.outputs + oy) * columns
        let (xWeight, yBase, dBase) = rowCentre(od: od, oy: oy)
        let (s, epsilon, weak) = (sums.s, eps, weakMass)
        let inverse = sums.sx   // reused in place: each sx is read before its slot is overwritten
        let outX = coords + (map * coordinateAxes + (volumetric ? 1 : 0)) * outputMap + position
        let outY = outX + outputMap
        let (xAxis, yAxis) = (OutputAxis<S>(width, normalized: normalized), OutputAxis<S>(height, normalized: normalized))
        for ox in 0..<columns {
            let reciprocal = 1 / (s[ox] + epsilon)
            let x = xAxis.coordinate(centre: centres.coordinateSum[ox] * xWeight, mass: s[ox], moment: sums.sx[ox], reciprocal: reciprocal)
            let y = yAxis.coordinate(centre: yBase * centres.inRange[ox], mass: s[ox], moment: sums.sy[ox], reciprocal: reciprocal)
            outX[ox] = s[ox] < weak ? .nan : x * xAxis.factor - xAxis.offset
            outY[ox] = y * yAxis.factor - yAxis.offset
            inverse[ox] = reciprocal
        }
        if volumetric, let sd = sums.sd {
            let outD = outX - outputMap
            let dAxis = OutputAxis<S>(depth, normalized: normalized)
            for ox in 0..<columns {
                let d = dAxis.coordinate(centre: dBase * centres.inRange[ox], mass: s[ox], moment: sd[ox], reciprocal: inverse[ox])
                outD[ox] = d * dAxis.factor - dAxis.offset
            }
        }
        if let values, let v = sums.v {
            let outV = values + map * outputMap + position
            for ox in 0..<columns { outV[ox] = v[ox] * inverse[ox] }
        }
    }
}

extension WindowedSoftArgmax {
    /// How output row `(od, oy)` turns the column centres (``ColumnCentres``) into
    /// its windows' centre: `x = columnSum · xWeight`, `y = yBase · inRange`,
    /// `d = dBase · inRange`. kornia averages the grid over the window's centre
    /// cells, padding counting as 0.
    func rowCentre(od: Int, oy: Int) -> (xWeight: S, yBase: S, dBase: S) {
        rowCentre(depth: depth.centre(od), height: height.centre(oy))
    }

    /// ``rowCentre(od:oy:)`` from the depth and height centres (``WindowAxis/centre(start:)``)
    /// of any window.
    func rowCentre(
        depth centreD: (coordinateSum: Int, inRange: Int), height centreY: (coordinateSum: Int, inRange: Int)
    ) -> (xWeight: S, yBase: S, dBase: S) {
        let perCentreCell = 1 / S(depth.centreTaps.count * height.centreTaps.count * width.centreTaps.count)
        return (S(centreY.inRange * centreD.inRange) * perCentreCell,
                S(centreY.coordinateSum * centreD.inRange) * perCentreCell,
                S(centreD.coordinateSum * centreY.inRange) * perCentreCell)
    }
}

/// Per output column, kornia's window centre along the width: the sum of the
/// in-range centre cells' coordinates and how many are in range.
final class ColumnCentres<S: SubpixScalar> {
    let coordinateSum: UnsafeMutablePointer<S>
    let inRange: UnsafeMutablePointer<S>

    init(_ width: WindowAxis) {
        coordinateSum = .allocate(capacity: 2 * width.outputs)
        inRange = coordinateSum + width.outputs
        for output in 0..<width.outputs {
            let centre = width.centre(output)
            (coordinateSum + output).initialize(to: S(centre.coordinateSum))
            (inRange + output).initialize(to: S(centre.inRange))
        }
    }

    deinit { coordinateSum.deallocate() }
}

/// How one axis turns window sums into an output coordinate: the tap offsets
/// `scale · t − shift` and, for normalised coordinates, `c · factor − offset`.
struct OutputAxis<S: SubpixScalar> {
    let scale, shift, factor, offset: S

    init(_ axis: WindowAxis, normalized: Bool) {
        scale = S(axis.offsetScale)
        shift = S(axis.offsetShift)
        factor = normalized ? PixelGrid.normalizingFactor(axis.length) : 1
        offset = normalized ? 1 : 0
    }

    /// The pixel coordinate of a window with centre `centre`, `mass = Σ e` and
    /// `moment = Σ t·e` over its taps `t`, and `reciprocal = 1 / (Σ e + eps)`:
    /// `centre + Σ p·(scale·t − shift)` with the weights `p = e / (Σ e + eps)`.
    @inline(__always) func coordinate(centre: S, mass: S, moment: S, reciprocal: S) -> S {
        centre + meanOffset(mass: mass, moment: moment, reciprocal: reciprocal)
    }

    /// `Σ p·(scale·t − shift)`, what ``coordinate(centre:mass:moment:reciprocal:)`` adds to the centre.
    @inline(__always) func meanOffset(mass: S, moment: S, reciprocal: S) -> S {
        (scale * moment - shift * mass) * reciprocal
    }
}
