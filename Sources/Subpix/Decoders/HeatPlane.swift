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

    /// The largest finite value; NaN when there is none.
    var finiteMaximum: S {
        values.reduce(S.nan) { best, value in value.isFinite && (best.isNaN || value > best) ? value : best }
    }

    /// Every value transformed.
    func map(_ transform: (S) -> S) -> HeatPlane {
        HeatPlane(values: values.map(transform), height: height, width: width)
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
