/// One `H × W` heatmap, row-major: the unit every field decoder works on.
///
/// The decoders of pose estimation, PIV and astronomy read a map through pixel
/// indices (`plane[y, x]`); a plane keeps those reads short and bounds-explicit.
struct HeatPlane<S: SubpixScalar> {
    var values: [S]
    let height: Int
    let width: Int

    subscript(y: Int, x: Int) -> S {
        get { values[y * width + x] }
        set { values[y * width + x] = newValue }
    }

    /// The value at `(y, x)` with both indices clamped into the map: the map
    /// with its edge pixels repeated outward (NumPy's `pad(..., mode='edge')`).
    func clamped(_ y: Int, _ x: Int) -> S {
        self[Swift.min(Swift.max(y, 0), height - 1), Swift.min(Swift.max(x, 0), width - 1)]
    }

    /// The index of the first largest value, as NumPy's `argmax` finds it: the
    /// first NaN when there is one.
    var firstMaximum: (y: Int, x: Int, value: S) {
        var best = 0
        for index in values.indices {
            if values[index].isNaN { best = index; break }
            if values[index] > values[best] { best = index }
        }
        return (best / width, best % width, values[best])
    }

    /// The first largest value that is not NaN, as NumPy's `nanargmax` finds it.
    var firstMaximumIgnoringNaN: (y: Int, x: Int, value: S) {
        var best: Int?
        for index in values.indices where !values[index].isNaN {
            if best.map({ values[index] > values[$0] }) ?? true { best = index }
        }
        let found = best ?? 0
        return (found / width, found % width, values[found])
    }

    /// Every value transformed.
    func map(_ transform: (S) -> S) -> HeatPlane {
        HeatPlane(values: values.map(transform), height: height, width: width)
    }
}

/// The `(B, K, H, W)` heatmaps of a field decoder, validated and cut into planes.
struct HeatmapBatch<S: SubpixScalar> {
    let batch: Int
    let keypoints: Int
    let height: Int
    let width: Int
    let tensor: Tensor<S>

    init(_ heatmaps: Tensor<S>, op: String) throws {
        try heatmaps.requireShape(rank: 4, layout: "(B, K, H, W)", op: op)
        (batch, keypoints, height, width) = (heatmaps.shape[0], heatmaps.shape[1], heatmaps.shape[2], heatmaps.shape[3])
        tensor = heatmaps
    }

    var mapCount: Int { batch * keypoints }

    /// Map number `index` in `(B, K)` order.
    func plane(_ index: Int) -> HeatPlane<S> {
        let size = height * width
        return HeatPlane(values: Array(tensor.elements[(index * size)..<((index + 1) * size)]), height: height, width: width)
    }

    /// One `(x, y)` per map, `(B, K, 2)`, from a function of the plane.
    func pointPerMap(_ decode: (HeatPlane<S>) -> (x: S, y: S)) -> Tensor<S> {
        var out: [S] = []
        out.reserveCapacity(mapCount * 2)
        for index in 0..<mapCount {
            let point = decode(plane(index))
            out += [point.x, point.y]
        }
        return Tensor(uncheckedShape: [batch, keypoints, 2], elements: out)
    }
}

/// The pixel a coordinate falls in by truncation toward zero, as NumPy's
/// `astype(int)` gives it; `nil` for NaN, ±∞ and magnitudes beyond any map.
func truncatedPixel<S: SubpixScalar>(_ coordinate: S) -> Int? {
    guard coordinate.isFinite, Swift.abs(coordinate) < 1e9 else { return nil }
    return Int(coordinate)
}

/// The pixel nearest a coordinate, halves away from zero (photutils' `round_half_away`);
/// `nil` for NaN, ±∞ and magnitudes beyond any map.
func roundedPixel<S: SubpixScalar>(_ coordinate: S) -> Int? {
    guard coordinate.isFinite, Swift.abs(coordinate) < 1e9 else { return nil }
    return Int(coordinate.rounded(.toNearestOrAwayFromZero))
}
