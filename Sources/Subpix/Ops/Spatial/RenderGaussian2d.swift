/// Renders the normalised PDF of 2D Gaussians on a pixel grid — kornia's
/// `render_gaussian2d`.
///
/// For each mean `(μx, μy)` and standard deviation `(σx, σy)`:
///
///     g(i, j) = exp(−(x_j − μx)² / (2σx)) · exp(−(y_i − μy)² / (2σy)),
///     out = g / Σ g
///
/// Note the divisor `2σ`, not `2σ²`: that is what kornia computes, and this
/// port keeps it so results match kornia exactly. Coordinates `x_j`, `y_i` are
/// pixels, or normalised to [-1, 1] (then `mean` and `std` are too).
///
/// `mean` has shape `(*, 2)`; `std` has shape `(*, 2)` broadcastable with it
/// (NumPy rules on the leading axes, e.g. `(2,)` for one σ shared by all).
///
/// ```swift
/// let mean = try Tensor<Float>(shape: [1, 2], elements: [4, 3])
/// let std = try Tensor<Float>(shape: [1, 2], elements: [1, 1])
/// try renderGaussian2d(mean: mean, std: std, size: (7, 9), normalizedCoordinates: false)   // (1, 7, 9)
/// ```
///
/// - Returns: `(*, H, W)` where `*` is the broadcast of the leading axes.
/// - Throws: ``SubpixError`` when `mean` or `std` do not end in an axis of 2,
///   when they do not broadcast, or when `size` is not positive.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func renderGaussian2d<S: SubpixScalar>(
    mean: Tensor<S>, std: Tensor<S>, size: (height: Int, width: Int), normalizedCoordinates: Bool = true
) throws -> Tensor<S> {
    let op = "render_gaussian2d"
    for (name, tensor) in [("mean", mean), ("std", std)] where tensor.shape.last != 2 {
        throw SubpixError(op, "expected \(name) of shape (*, 2), got \(formatShape(tensor.shape))")
    }
    guard size.height > 0, size.width > 0 else {
        throw SubpixError(op, "expected a positive size (height, width), got (\(size.height), \(size.width))")
    }
    let meanLead = Array(mean.shape.dropLast())
    let stdLead = Array(std.shape.dropLast())
    guard let lead = Broadcast.shape(meanLead, stdLead) else {
        throw SubpixError(
            op, "expected std broadcastable with mean, got mean \(formatShape(mean.shape)) and std \(formatShape(std.shape))")
    }
    let (height, width) = size
    let xs: [S] = PixelGrid.coordinates(width, normalized: normalizedCoordinates)
    let ys: [S] = PixelGrid.coordinates(height, normalized: normalizedCoordinates)
    let meanIndex = Broadcast.sourceIndices(from: meanLead, to: lead)
    let stdIndex = Broadcast.sourceIndices(from: stdLead, to: lead)
    let planeSize = height * width
    let items = meanIndex.count
    return Tensor<S>(validShape: lead + [height, width]) { output in
        guard let out = output.baseAddress else { return }
        parallelFor(items, work: items * planeSize) { item in
            let m = meanIndex[item] * 2, s = stdIndex[item] * 2
            let columns = gaussianProfile(xs, mean: mean.elements[m], std: std.elements[s])
            let rows = gaussianProfile(ys, mean: mean.elements[m + 1], std: std.elements[s + 1])
            // kornia clamps the total at 1e-32 before dividing.
            let inverse = 1 / Swift.max(columns.total * rows.total, S(1e-32))
            let plane = out + item * planeSize
            columns.weights.withUnsafeBufferPointer { columnWeights in
                for row in 0..<height {
                    let rowScale = rows.weights[row] * inverse
                    let line = plane + row * width
                    for column in 0..<width { line[column] = columnWeights[column] * rowScale }
                }
            }
        }
    }
}

/// `weights[k] = exp(−(coords[k] − mean)² / (2 · std))` and their sum.
private func gaussianProfile<S: SubpixScalar>(_ coords: [S], mean: S, std: S) -> (weights: [S], total: S) {
    let factor = -S(0.5) / std
    let weights = coords.map { coordinate in
        let distance = coordinate - mean
        return S.exp(distance * distance * factor)
    }
    return (weights, weights.reduce(0, +))
}

/// NumPy broadcasting of leading axes.
enum Broadcast {
    /// The broadcast shape of `a` and `b`, or `nil` when they do not broadcast.
    static func shape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        let a = Array(repeating: 1, count: rank - a.count) + a
        let b = Array(repeating: 1, count: rank - b.count) + b
        var result: [Int] = []
        for (x, y) in zip(a, b) {
            guard x == y || x == 1 || y == 1 else { return nil }
            result.append(x == 1 ? y : x)
        }
        return result
    }

    /// For each flat index of `target`, the flat index of `source` that broadcasts to it.
    static func sourceIndices(from source: [Int], to target: [Int]) -> [Int] {
        let padded = Array(repeating: 1, count: target.count - source.count) + source
        let count = target.reduce(1, *)
        var indices = [Int](repeating: 0, count: count)
        for flat in 0..<count {
            var remainder = flat
            var sourceFlat = 0
            var sourceStride = 1
            for axis in stride(from: target.count - 1, through: 0, by: -1) {
                let coordinate = remainder % target[axis]
                remainder /= target[axis]
                if padded[axis] != 1 { sourceFlat += coordinate * sourceStride }
                sourceStride *= padded[axis]
            }
            indices[flat] = sourceFlat
        }
        return indices
    }
}
