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
    return mean.withUnsafeBufferPointer { means in
        std.withUnsafeBufferPointer { stds in
            Tensor<S>(validShape: lead + [height, width]) { output in
                guard let out = output.baseAddress, let means = means.baseAddress, let stds = stds.baseAddress else { return }
                xs.withUnsafeBufferPointer { xs in
                    ys.withUnsafeBufferPointer { ys in
                        parallelFor(items, work: items * planeSize) { item in
                            let (m, s) = (meanIndex[item] * 2, stdIndex[item] * 2)
                            renderPlane(
                                into: out + item * planeSize, xs: xs, ys: ys,
                                mean: (means[m], means[m + 1]), std: (stds[s], stds[s + 1]))
                        }
                    }
                }
            }
        }
    }
}

/// One `height × width` plane: the outer product of the column and row profiles,
/// divided by their total (clamped at `1e-32` as kornia does).
@inline(__always)
private func renderPlane<S: SubpixScalar>(
    into plane: UnsafeMutablePointer<S>, xs: UnsafeBufferPointer<S>, ys: UnsafeBufferPointer<S>,
    mean: (x: S, y: S), std: (x: S, y: S)
) {
    let (width, height) = (xs.count, ys.count)
    withUnsafeTemporaryAllocation(of: S.self, capacity: width + height) { scratch in
        guard let columns = scratch.baseAddress, let xs = xs.baseAddress, let ys = ys.baseAddress else { return }
        let rows = columns + width
        let columnTotal = gaussianProfile(xs, count: width, mean: mean.x, std: std.x, into: columns)
        let rowTotal = gaussianProfile(ys, count: height, mean: mean.y, std: std.y, into: rows)
        let inverse = 1 / Swift.max(columnTotal * rowTotal, S(1e-32))
        for row in 0..<height {
            let rowScale = rows[row] * inverse
            let line = plane + row * width
            for column in 0..<width { line[column] = columns[column] * rowScale }
        }
    }
}

/// `weights[k] = exp(−(coords[k] − mean)² / (2 · std))`; returns their sum.
@inline(__always)
private func gaussianProfile<S: SubpixScalar>(
    _ coords: UnsafePointer<S>, count: Int, mean: S, std: S, into weights: UnsafeMutablePointer<S>
) -> S {
    let factor = -S(0.5) / std
    if std > 0 {
        // Every exponent is at most 0, so the vectorised exponentials apply. They
        // flush results below e^−87 to 0; when that empties the whole profile, the
        // C library's exp below gives kornia's subnormal weights instead.
        for k in 0..<count {
            let distance = coords[k] - mean
            weights[k] = distance * distance
        }
        S.exponentials(weights, count: count, scale: factor, offset: 0, into: weights)
        let total = sum(weights, count: count)
        if total > 0 { return total }
    }
    // kornia does not check std: a zero, negative or NaN one gives what exp gives.
    for k in 0..<count {
        let distance = coords[k] - mean
        weights[k] = S.exp(distance * distance * factor)
    }
    return sum(weights, count: count)
}

@inline(__always)
private func sum<S: SubpixScalar>(_ values: UnsafePointer<S>, count: Int) -> S {
    var total: S = 0
    for k in 0..<count { total += values[k] }
    return total
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
