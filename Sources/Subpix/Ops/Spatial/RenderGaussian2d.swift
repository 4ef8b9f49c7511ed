import CSubpixKernels

/// Renders 2D Gaussians on a pixel grid, each normalised to sum 1 — kornia's
/// `render_gaussian2d`, in kornia 0.9's semantics or, with `version: .v0_7`,
/// kornia 0.7.4's (see ``renderGaussian2dKornia07(mean:std:size:normalizedCoordinates:lead:)``).
///
/// For each mean `(μx, μy)` and standard deviation `(σx, σy)` the two axis
/// profiles are softmaxes of the Gaussian exponent, and the map is their outer
/// product:
///
///     gx = softmax_j(−(x_j − μx)² / (2σx²)),   gy = softmax_i(−(y_i − μy)² / (2σy²)),
///     out(i, j) = gy(i) · gx(j)
///
/// so `std` is the standard deviation, as the seed documents. kornia 0.7.4
/// divided by `2σ` instead of `2σ²`; see `docs/kornia.md`. The softmax keeps a
/// mean far outside the grid or a very narrow σ finite: the pixel nearest the
/// mean gets the weight instead of every weight underflowing to 0. A σ of 0
/// or NaN gives NaN, as in kornia. Coordinates `x_j`, `y_i` are pixels, or
/// `torch.linspace(−1, 1, n)` when normalised (then `mean` and `std` are too;
/// a one-pixel axis sits at −1).
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
    mean: Tensor<S>, std: Tensor<S>, size: (height: Int, width: Int), normalizedCoordinates: Bool = true,
    version: KorniaVersion = .default
) throws -> Tensor<S> {
    let op = Method.renderGaussian2d.name
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
    if version < .v0_9 {
        return renderGaussian2dKornia07(mean: mean, std: std, size: size, normalizedCoordinates: normalizedCoordinates, lead: lead)
    }
    let (height, width) = size
    let xs: [S] = renderCoordinates(width, normalized: normalizedCoordinates, version: version)
    let ys: [S] = renderCoordinates(height, normalized: normalizedCoordinates, version: version)
    let meanIndex = Broadcast.sourceIndices(from: meanLead, to: lead)
    let stdIndex = Broadcast.sourceIndices(from: stdLead, to: lead)
    let planeSize = height * width
    let items = meanIndex.count
    let perItem = mapsPerItem(items)
    return mean.withUnsafeBufferPointer { means in
        std.withUnsafeBufferPointer { stds in
            Tensor<S>(validShape: lead + [height, width]) { output in
                guard let out = output.baseAddress, let means = means.baseAddress, let stds = stds.baseAddress else { return }
                xs.withUnsafeBufferPointer { xs in
                    ys.withUnsafeBufferPointer { ys in
                        // Work items of several maps, each with one scratch for the two profiles.
                        parallelFor((items + perItem - 1) / perItem, work: items * planeSize) { chunk in
                            let maps = chunk * perItem..<min(items, (chunk + 1) * perItem)
                            withUnsafeTemporaryAllocation(of: S.self, capacity: width + height) { profiles in
                                guard let profiles = profiles.baseAddress, let columns = xs.baseAddress, let rows = ys.baseAddress
                                else { return }
                                if S.self == Float.self {
                                    subpix_render_gaussian_f32(
                                        floatElements(columns), width, floatElements(rows), height,
                                        floatElements(means), meanIndex, floatElements(stds), stdIndex,
                                        maps.lowerBound, maps.upperBound, floatElements(profiles), floatElements(out))
                                    return
                                }
                                for item in maps {
                                    let (m, s) = (meanIndex[item] * 2, stdIndex[item] * 2)
                                    renderPlane(
                                        into: out + item * planeSize, xs: xs, ys: ys,
                                        mean: (means[m], means[m + 1]), std: (stds[s], stds[s + 1]), profiles: profiles)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The grid `render_gaussian2d` evaluates on: kornia 0.9 calls `torch.linspace`
/// (`0 … n − 1` in pixels, `−1 … 1` normalised, a single point at −1); kornia
/// 0.7.4 called `create_meshgrid` (``PixelGrid``: a normalised single point is NaN).
func renderCoordinates<S: SubpixScalar>(_ count: Int, normalized: Bool, version: KorniaVersion) -> [S] {
    guard version >= .v0_9 else { return PixelGrid.coordinates(count, normalized: normalized, version: version) }
    guard normalized else { return (0..<count).map { S($0) } }
    guard count > 1 else { return [-1] }
    let step = 2 / S(count - 1)
    return (0..<count).map { index in
        // torch fills the second half from the end, so the last point is exactly 1.
        index < count / 2 ? -1 + S(index) * step : 1 - S(count - 1 - index) * step
    }
}

/// One `height × width` plane, the outer product of the row and column
/// profiles computed into `profiles` (`width + height` elements): what `Double`
/// tensors run (float32 ones run the C kernel, tested against this in `Double`).
@inline(__always)
private func renderPlane<S: SubpixScalar>(
    into plane: UnsafeMutablePointer<S>, xs: UnsafeBufferPointer<S>, ys: UnsafeBufferPointer<S>,
    mean: (x: S, y: S), std: (x: S, y: S), profiles columns: UnsafeMutablePointer<S>
) {
    let (width, height) = (xs.count, ys.count)
    guard let xs = xs.baseAddress, let ys = ys.baseAddress else { return }
    let rows = columns + width
    gaussianProfile(xs, count: width, mean: mean.x, std: std.x, into: columns)
    gaussianProfile(ys, count: height, mean: mean.y, std: std.y, into: rows)
    for row in 0..<height {
        let rowWeight = rows[row]
        let line = plane + row * width
        for column in 0..<width { line[column] = columns[column] * rowWeight }
    }
}

/// `weights = softmax(−(coords − mean)² / (2 · std²))`: exponents are shifted by
/// their maximum, so the largest weight is `exp(0)` and the total is at least 1.
/// A NaN exponent (σ of 0 or NaN) makes the whole profile NaN, as torch's softmax does.
@inline(__always)
private func gaussianProfile<S: SubpixScalar>(
    _ coords: UnsafePointer<S>, count: Int, mean: S, std: S, into weights: UnsafeMutablePointer<S>
) {
    let factor = -S(0.5) * (1 / (std * std))
    var peak = -S.infinity
    for k in 0..<count {
        let distance = coords[k] - mean
        let exponent = distance * distance * factor
        weights[k] = exponent
        peak = exponent.isNaN || peak.isNaN ? .nan : Swift.max(peak, exponent)
    }
    S.exponentials(weights, count: count, scale: 1, offset: peak, into: weights)
    var total: S = 0
    for k in 0..<count { total += weights[k] }
    for k in 0..<count { weights[k] /= total }
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
        if padded == target { return Array(0..<count) }
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
