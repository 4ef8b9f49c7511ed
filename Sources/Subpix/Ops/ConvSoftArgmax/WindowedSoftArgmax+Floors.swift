import CSubpixKernels

/// Output rows that cannot hold a keypoint are not worth computing.
///
/// A window's pooled value is a weighted mean of the window's cells (weights
/// `e ≥ 0`, and a padded cell adds nothing), divided by `Σ e + eps` rather than
/// `Σ e`: so when every cell is below a positive floor `f`, so is the value. The
/// keypoint search keeps only values `≥ f`, and a window below `f` never
/// suppresses one that is at least `f`, so rows of windows whose cells are all
/// below `f` can be left out of the search: their values are written as −∞.
///
/// Rounding is allowed for: a cell counts as reaching the floor from
/// `f · (1 − 10⁻³)` on, which covers the relative error of the window's two sums
/// (about `2 · n · 2⁻²⁴` for `n` cells), and a cell far below zero (under
/// `−f · 10⁻³ / (4 · n · 2⁻²⁴)`), whose product could carry that error over,
/// counts too. So does a NaN. Windows of more than 2048 cells, whose sums' error
/// could pass the margin, are computed whole.
extension WindowedSoftArgmax {
    /// The output rows of every map that ``run(_:maps:floors:coords:values:)`` computes,
    /// per map: blocks as ``rowBlocks(maxRows:maps:)`` cuts them (so each row's
    /// numbers are those of ``run(_:maps:coords:values:)``), consecutive ones merged
    /// within a work item. A map whose floor is +∞ gets none; one whose floor is not
    /// positive (or not finite), any map of another element type than `Float` and any
    /// window of more than 2048 cells, all (a range per work item).
    func rowsReaching(_ floors: [S], of x: UnsafePointer<S>, maps: Int) -> [[Range<Int>]] {
        let mapSize = depth.length * height.length * width.length
        let blocks = rowBlocks(maxRows: 1, maps: maps)
        let cells = Float(depth.kernel * height.kernel * width.kernel)
        let item = rowsPerItem(maps: maps)
        let everyRow = stride(from: 0, to: height.outputs, by: item).map { $0..<Swift.min(height.outputs, $0 + item) }
        var hot = [UInt8](repeating: 0, count: depth.length * height.length)
        return (0..<maps).map { map in
            let floor = Float(floors[map])
            if floor == .infinity { return [] }
            guard S.self == Float.self, floor > 0, floor.isFinite, cells <= 2048 else { return everyRow }
            let (high, low) = (floor * (1 - 1e-3), -floor * 1e-3 / (4 * cells * Float.ulpOfOne / 2))
            let cellsOfMap = UnsafeRawPointer(x + map * mapSize).assumingMemoryBound(to: Float.self)
            subpix_rows_reaching_f32(cellsOfMap, depth.length * height.length, width.length, high, low, &hot)
            var rows: [Range<Int>] = []
            for block in blocks where height.inputSpan(block).contains(where: { row in (0..<depth.length).contains { hot[$0 * height.length + row] != 0 } }) {
                if let last = rows.last, last.upperBound == block.lowerBound, block.lowerBound % item != 0 {
                    rows[rows.count - 1] = last.lowerBound..<block.upperBound
                } else {
                    rows.append(block)
                }
            }
            return rows
        }
    }

    /// ``run(_:maps:coords:values:)`` on the rows ``rowsReaching(_:of:maps:)`` gives
    /// for `floors` (one per map) alone, into uninitialised `coords` and `values`:
    /// the other rows get the values −∞ and the coordinates 0. For the float32 C
    /// kernel; other element types compute every row. Returns the rows computed, per map.
    func run(_ x: UnsafePointer<S>, maps: Int, floors: [S], coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>) -> [[Range<Int>]] {
        let centres = ColumnCentres<S>(width)
        guard usesKernel, let kernel = WindowKernel(self, centres: centres) else {
            coords.initialize(repeating: 0, count: maps * coordinateAxes * outputMap)
            values.initialize(repeating: 0, count: maps * outputMap)
            run(x, maps: maps, coords: coords, values: values)
            return Array(repeating: [0..<height.outputs], count: maps)
        }
        let mapSize = depth.length * height.length * width.length
        let computed = rowsReaching(floors, of: x, maps: maps)
        let work = computed.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } * width.length * (height.kernel * width.kernel + 8)
        parallelFor(maps, work: work) { map in
            let mapCoords = coords + map * coordinateAxes * outputMap, mapValues = values + map * outputMap
            mapCoords.initialize(repeating: 0, count: coordinateAxes * outputMap)
            mapValues.initialize(repeating: -.infinity, count: outputMap)
            guard !computed[map].isEmpty else { return }
            let input = x + map * mapSize
            let peak = MapReduction.maximum(input, count: mapSize)
            for rows in computed[map] {
                guard let marked = kernel.run(input, peak: peak, rows: rows, coords: mapCoords, values: mapValues) else {
                    // No scratch memory for the C kernel: this map's rows the Swift way.
                    run(input, maps: 1, coords: mapCoords, values: mapValues)
                    return
                }
                if marked > 0 { ownWindows(input, rows: rows, into: OutputRows(self, coords: mapCoords, values: mapValues), kernel: kernel) }
            }
        }
        withExtendedLifetime(centres) {}
        return computed
    }
}
