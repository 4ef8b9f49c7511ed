/// The pieces both quadratic interpolations share: the dense outputs they
/// start from, and the list of NMS maxima they refine.
enum VoxelMaxima {
    /// Sizes of a `(B, C, D, H, W)` volume tensor.
    struct Volume {
        let maps: Int, depth: Int, height: Int, width: Int
        var plane: Int { height * width }
        var mapSize: Int { depth * height * width }

        init(_ shape: [Int]) {
            (maps, depth, height, width) = (shape[0] * shape[1], shape[2], shape[3], shape[4])
        }

        /// `(d, h, w)` of an index within one map.
        @inline(__always)
        func position(_ index: Int) -> (d: Int, h: Int, w: Int) {
            (index / plane, (index / width) % height, index % width)
        }
    }

    /// Coordinates of shape `(B, C, 3, D, H, W)` holding every voxel's own grid
    /// position in kornia's order: channel 0 the depth `d`, 1 the column `x`, 2 the row `y`.
    static func gridCoordinates<S: SubpixScalar>(shape: [Int]) -> Tensor<S> {
        let volume = Volume(shape)
        let coordsShape = [shape[0], shape[1], 3, shape[2], shape[3], shape[4]]
        let columns = (0..<volume.width).map { S($0) }
        return Tensor(validShape: coordsShape) { coords in
            guard let base = coords.baseAddress else { return }
            columns.withUnsafeBufferPointer { columns in
                guard let columns = columns.baseAddress else { return }
                // One item per (map, axis, plane): each fills one H × W slice, row by
                // row with plain loops (rows are often too short for a library call).
                parallelFor(volume.maps * 3 * volume.depth, work: coords.count) { item in
                    let (d, axis) = (item % volume.depth, (item / volume.depth) % 3)
                    let slice = base + item * volume.plane
                    let width = volume.width
                    for h in 0..<volume.height {
                        let row = slice + h &* width
                        if axis == 1 {
                            for w in 0..<width { row[w] = columns[w] }
                        } else {
                            let value = S(axis == 0 ? d : h)
                            for w in 0..<width { row[w] = value }
                        }
                    }
                }
            }
        }
    }

    /// A copy of `input` (the values both interpolations start from), and, when
    /// `scanned`, whether any of its elements is NaN or beyond half the largest finite
    /// magnitude — values whose central differences may not be finite (false otherwise).
    static func startingValues<S: SubpixScalar>(_ input: Tensor<S>, scanned: Bool = true) -> (values: Tensor<S>, unsafe: Bool) {
        let count = input.count
        let pieces = min(parallelPieces, max(1, count / 65536))
        let pieceSize = (count + pieces - 1) / pieces
        var unsafePieces = [Bool](repeating: false, count: pieces)
        let values = input.withUnsafeBufferPointer { x in
            unsafePieces.withUnsafeMutableBufferPointer { flags in
                Tensor<S>(validShape: input.shape) { out in
                    guard let source = x.baseAddress, let target = out.baseAddress, let flags = flags.baseAddress else { return }
                    parallelFor(pieces, work: count) { piece in
                        let range = (piece * pieceSize)..<min(count, (piece + 1) * pieceSize)
                        (target + range.lowerBound).initialize(from: source + range.lowerBound, count: range.count)
                        flags[piece] = scanned && MapReduction.containsNaNOrHuge(source + range.lowerBound, count: range.count)
                    }
                }
            }
        }
        return (values, unsafePieces.contains(true))
    }

    /// The true positions of `mask` as flat indices into the tensor, map by map
    /// and in row-major order within each map.
    ///
    /// With `limit`, each map keeps only its `limit` maxima of largest input
    /// value (ties in row-major order, NaN first), as kornia's `max_candidates` does.
    static func list<S: SubpixScalar>(_ mask: Mask, values x: UnsafePointer<S>, volume: Volume, limit: Int?) -> [Int] {
        let count = mask.count
        let pieces = min(parallelPieces, max(1, count / 4096))
        let pieceSize = (count + pieces - 1) / pieces
        var found = [[Int]](repeating: [], count: pieces)
        mask.withUnsafeBufferPointer { keep in
            found.withUnsafeMutableBufferPointer { found in
                guard let lists = found.baseAddress else { return }
                guard let base = keep.baseAddress else { return }
                let bytes = UnsafeRawPointer(base)
                parallelFor(pieces, work: count) { piece in
                    var local: [Int] = []
                    var index = piece * pieceSize
                    let end = min(count, (piece + 1) * pieceSize)
                    // Eight entries at a time: a Bool is one byte, 0 or 1, so each true entry
                    // is one set bit of the little-endian word, at eight times its offset.
                    while index + 8 <= end {
                        var word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        while word != 0 {
                            local.append(index + word.trailingZeroBitCount / 8)
                            word &= word &- 1
                        }
                        index += 8
                    }
                    while index < end {
                        if keep[index] { local.append(index) }
                        index += 1
                    }
                    lists[piece] = local
                }
            }
        }
        let all = found.flatMap { $0 }
        guard let limit else { return all }
        // Per map: the `limit` largest values, stably.
        var kept: [Int] = []
        var start = 0
        while start < all.count {
            let map = all[start] / volume.mapSize
            var end = start
            while end < all.count && all[end] / volume.mapSize == map { end += 1 }
            // Descending as torch sorts, NaN above everything; equal values keep their order.
            let ranked = all[start..<end].enumerated().sorted { lhs, rhs in
                let (a, b) = (x[lhs.element], x[rhs.element])
                if a.isNaN || b.isNaN { return a.isNaN && (!b.isNaN || lhs.offset < rhs.offset) }
                return a > b || (a == b && lhs.offset < rhs.offset)
            }
            kept += ranked.prefix(limit).map(\.element)
            start = end
        }
        return kept
    }

    /// Runs `body` on every maximum of `list`, spread over the cores.
    static func forEach(_ list: [Int], costPerItem: Int, _ body: (Int) -> Void) {
        forEachPiece(list, costPerItem: costPerItem) { piece in
            for flat in piece { body(flat) }
        }
    }

    /// Runs `body` on consecutive pieces of `list`, spread over the cores.
    static func forEachPiece(_ list: [Int], costPerItem: Int, _ body: (UnsafeBufferPointer<Int>) -> Void) {
        let pieces = min(parallelPieces, max(1, list.count / 256))
        let pieceSize = (list.count + pieces - 1) / pieces
        list.withUnsafeBufferPointer { list in
            parallelFor(pieces, work: list.count * costPerItem) { piece in
                let range = (piece * pieceSize)..<min(list.count, (piece + 1) * pieceSize)
                guard !range.isEmpty else { return }
                body(UnsafeBufferPointer(rebasing: list[range]))
            }
        }
    }
}
