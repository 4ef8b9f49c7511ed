import CSubpixKernels

extension WindowedSoftArgmaxPullback {
    /// Runs the float32 backward kernel over every map of `x`, in blocks of input
    /// rows as the forward splits its work, and returns the maps it could not do
    /// (a block's scratch could not be allocated), for the Swift implementation.
    /// `values` pairs the values cotangent with the forward's values.
    func kernelGradient(
        _ kernel: WindowKernel<S>, _ x: UnsafePointer<S>, maps: Int, coords: UnsafePointer<S>,
        values: (cotangent: UnsafePointer<S>, pooled: UnsafePointer<S>)?, into gradient: UnsafeMutablePointer<S>
    ) -> [Int] {
        let (mapSize, outputMap, rows) = (mapSize, outputMap, height.length)
        let chunks = max(1, min(rows, (parallelPieces + maps - 1) / maps))
        let rowsPerChunk = (rows + chunks - 1) / chunks
        // A map in one piece finds its own maximum; one in several shares it from a
        // pass before (one parallel loop less where maps are many: on a loaded
        // machine each loop waits for its slowest thread to be scheduled).
        var peaks = [S]()
        if chunks > 1 {
            peaks = [S](repeating: 0, count: maps)
            peaks.withUnsafeMutableBufferPointer { peaks in
                guard let peaks = peaks.baseAddress else { return }
                parallelFor(maps, work: maps * mapSize) { map in peaks[map] = MapReduction.maximum(x + map * mapSize, count: mapSize) }
            }
        }
        var done = [Bool](repeating: true, count: maps * chunks)
        done.withUnsafeMutableBufferPointer { done in
            parallelFor(maps * chunks, work: maps * mapSize * (height.kernel + 24)) { item in
                let (map, chunk) = item.quotientAndRemainder(dividingBy: chunks)
                let first = min(rows, chunk * rowsPerChunk)
                let peak = chunks > 1 ? peaks[map] : MapReduction.maximum(x + map * mapSize, count: mapSize)
                done[item] = kernel.backward(
                    x + map * mapSize, peak: peak, rows: first..<min(rows, first + rowsPerChunk),
                    coords: coords + map * coordinateAxes * outputMap,
                    values: values.map { ($0.cotangent + map * outputMap, $0.pooled + map * outputMap) }, into: gradient + map * mapSize)
            }
        }
        return (0..<maps).filter { map in done[map * chunks..<(map + 1) * chunks].contains(false) }
    }
}

extension WindowKernel {
    /// Writes the gradient of input rows `rows` (of every plane) of one map from the
    /// cotangents of its coordinates (`axes × outputMap`) and values (with the forward's values);
    /// false when the kernel could not allocate its scratch memory.
    func backward(
        _ map: UnsafePointer<S>, peak: S, rows: Range<Int>, coords: UnsafePointer<S>,
        values: (cotangent: UnsafePointer<S>, pooled: UnsafePointer<S>)?, into gradient: UnsafeMutablePointer<S>
    ) -> Bool {
        guard !rows.isEmpty else { return true }
        let status = withUnsafePointer(to: op) { op in
            subpix_window_soft_argmax_backward_f32(
                op, floatPointer(map), Float(peak), rows.lowerBound, rows.upperBound, floatPointer(coords),
                values.map { floatPointer($0.cotangent) }, values.map { floatPointer($0.pooled) }, UnsafeMutableRawPointer(gradient).assumingMemoryBound(to: Float.self))
        }
        return status == 0
    }
}
