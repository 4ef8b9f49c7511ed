extension WindowedSoftArgmax {
    /// The output rows of one map cut into consecutive blocks of at most about
    /// `maxRows` rows whose numbers are bit for bit those of ``run(_:maps:coords:values:)``
    /// on `maps` maps: each block lies inside one of `run`'s work items and starts a
    /// whole number of window-sum groups (`kernel` input rows) after that item's first window.
    func rowBlocks(maxRows: Int, maps: Int = 1) -> [Range<Int>] {
        let (outputs, item) = (height.outputs, rowsPerItem(maps: maps))
        let period = height.kernel / greatestCommonDivisor(height.kernel, height.stride)
        let size = Swift.max(period, maxRows / period * period)
        return stride(from: 0, to: outputs, by: item).flatMap { start in
            let end = Swift.min(outputs, start + item)
            return stride(from: start, to: end, by: size).map { $0..<Swift.min(end, $0 + size) }
        }
    }

    /// Output rows `rows` of the 2D map `x` (whose maximum is `peak`): coordinates
    /// (x plane then y plane, `rows.count × W_out` each) and pooled values, in
    /// buffers of those rows only. Nil for element types without the C kernel.
    func band(_ x: UnsafePointer<S>, peak: S, rows: Range<Int>, kernel: WindowKernel<S>) -> (coords: [S], values: [S])? {
        let count = rows.count * width.outputs
        var values = [S](repeating: 0, count: count)
        var written = true
        let coords = [S](unsafeUninitializedCapacity: 2 * count) { coords, initialized in
            guard let target = coords.baseAddress else { return }
            written = values.withUnsafeMutableBufferPointer { values in
                guard let values = values.baseAddress, let marked = kernel.runBand(x, peak: peak, rows: rows, coords: target, values: values) else {
                    return false
                }
                if marked > 0 {
                    ownWindows(x, rows: rows, into: OutputRows(x: target, y: target + count, d: nil, values: values, heldRows: rows, columns: width.outputs),
                               kernel: kernel, band: true)
                }
                return true
            }
            if !written { target.initialize(repeating: 0, count: 2 * count) }
            initialized = 2 * count
        }
        return written ? (coords, values) : nil
    }

    private func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int { b == 0 ? a : greatestCommonDivisor(b, a % b) }
}
