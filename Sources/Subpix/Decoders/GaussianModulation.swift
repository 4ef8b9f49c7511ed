import CSubpixKernels

/// DARK's distribution modulation — mmpose's `gaussian_blur`: each map blurred
/// with OpenCV's Gaussian kernel for σ = 0, zero outside the map, then rescaled
/// so its maximum is the map's original maximum.
///
///     b = (g ⊗ g) ∗ zero-padded(h),   out = b · max(h) / max(b)
///
/// `g` is `cv2.getGaussianKernel(kernel_size, 0)`: for sizes up to 7 OpenCV's
/// fixed table (`[1]`, `[1, 2, 1] / 4`, `[1, 4, 6, 4, 1] / 16`,
/// `[1, 3.5, 7, 9, 7, 3.5, 1] / 32` — the last is not binomial), above it
/// `exp(−x² / (2σ²))` normalised, with `σ = 0.3 · ((kernel_size − 1) / 2 − 1) + 0.8`
/// (σ = 2 for the default 11). A map that blurs to all zeros gives NaN (0 / 0),
/// as in mmpose. Both maxima are over finite values: unlike mmpose's, a map with a
/// NaN pixel is NaN only within the kernel's reach of it, not everywhere.
///
/// ```swift
/// let modulated = try gaussianBlur(maps, kernelSize: 11)
/// ```
///
/// - Parameters:
///   - heatmaps: `(B, K, H, W)`.
///   - kernelSize: odd, positive, at most 1001.
/// - Returns: the modulated maps, `(B, K, H, W)`.
/// - Throws: ``SubpixError`` for a bad shape or an even or non-positive kernel size.
public func gaussianBlur<S: SubpixScalar>(_ heatmaps: Tensor<S>, kernelSize: Int = 11) throws -> Tensor<S> {
    let maps = try HeatmapBatch(heatmaps, op: "gaussian_blur")
    let blur = try GaussianModulation<S>(kernelSize: kernelSize, op: "gaussian_blur")
    var out: [S] = []
    out.reserveCapacity(heatmaps.count)
    for index in 0..<maps.mapCount { out += blur(maps.plane(index)).materialized.values }
    return Tensor(uncheckedShape: heatmaps.shape, elements: out)
}

/// A map after DARK's modulation, read where it is needed: the blurred map and
/// the factor that rescales it to the map's maximum, applied on each read (a
/// 2048² map is refined at a handful of points; rescaling and taking the log of
/// all of it took longer than the blur).
struct ModulatedPlane<S: SubpixScalar> {
    let blurred: HeatPlane<S>
    let scale: S

    var height: Int { blurred.height }
    var width: Int { blurred.width }

    subscript(y: Int, x: Int) -> S { blurred[y, x] * scale }

    /// The value at `(y, x)` with both indices clamped into the map (see ``HeatPlane/clamped(_:_:)``).
    func clamped(_ y: Int, _ x: Int) -> S { blurred.clamped(y, x) * scale }

    /// Every value rescaled: `gaussian_blur`'s output.
    var materialized: HeatPlane<S> { blurred.map { $0 * scale } }
}

/// The separable blur and rescale of ``gaussianBlur(_:kernelSize:)``, for one map.
struct GaussianModulation<S: SubpixScalar> {
    let weights: [S]

    /// Far wider than any heatmap's Gaussian (σ ≈ 150); it keeps a typo from allocating gigabytes.
    static var largestKernel: Int { 1001 }

    init(kernelSize: Int, op: String) throws {
        guard kernelSize > 0, kernelSize % 2 == 1 else {
            throw SubpixError(op, "expected an odd positive kernel size, got \(kernelSize)")
        }
        guard kernelSize <= Self.largestKernel else {
            throw SubpixError(op, "expected a kernel size of at most \(Self.largestKernel), got \(kernelSize)")
        }
        weights = Self.openCVKernel(kernelSize)
    }

    /// `cv2.getGaussianKernel(size, 0)` in the element type: each weight is
    /// rounded to `S`, then divided by the sum of the rounded weights.
    static func openCVKernel(_ size: Int) -> [S] {
        let fixed: [Int: [Double]] = [
            1: [1], 3: [1, 2, 1].map { $0 / 4 }, 5: [1, 4, 6, 4, 1].map { $0 / 16 },
            7: [1, 3.5, 7, 9, 7, 3.5, 1].map { $0 / 32 },
        ]
        let sigma = 0.3 * (Double(size - 1) * 0.5 - 1) + 0.8
        let raw = fixed[size] ?? (0..<size).map { index in
            let x = Double(index) - Double(size - 1) * 0.5
            return Double.exp(-0.5 / (sigma * sigma) * x * x)
        }
        let rounded = raw.map { Double(S($0)) }
        let inverse = 1 / rounded.reduce(0, +)
        return rounded.map { S($0 * inverse) }
    }

    /// The modulated map: blurred (the C kernel for float32, ``reference(_:)`` for
    /// float64), with the factor that gives it the map's maximum.
    func callAsFunction(_ plane: HeatPlane<S>) -> ModulatedPlane<S> {
        guard S.self == Float.self else {
            let blurred = reference(plane)
            return ModulatedPlane(blurred: blurred, scale: Self.scale(plane, plane.firstMaximum.value, blurred, blurred.firstMaximum.value))
        }
        var blurred = plane
        let (count, taps) = (plane.values.count, weights.count)
        var scratch = [Float](repeating: 0, count: count)
        var peaks = (map: Float.nan, blurred: Float.nan)
        plane.values.withUnsafeBufferPointer { source in
            weights.withUnsafeBufferPointer { weights in
                blurred.values.withUnsafeMutableBufferPointer { out in
                    guard let source = source.baseAddress, let target = out.baseAddress, let floats = floatPointers(source, target),
                          let weights = weights.baseAddress else { return }
                    peaks.map = subpix_maximum_f32(floats.input, count)
                    peaks.blurred = subpix_gaussian_blur_f32(
                        floats.input, plane.height, plane.width, floatPointer(weights), taps, &scratch, floats.output)
                }
            }
        }
        return ModulatedPlane(blurred: blurred, scale: Self.scale(plane, S(peaks.map), blurred, S(peaks.blurred)))
    }

    /// `max(map) / max(blurred)` over finite values only, given each plane's maximum
    /// as found (NaN or +∞ when it holds one; only then is it scanned again). A NaN or
    /// ±∞ pixel so spoils the blurred cells within the kernel's reach of it and the
    /// points refined there, not the rescale of the whole map (mmpose's would be NaN).
    static func scale(_ map: HeatPlane<S>, _ mapPeak: S, _ blurred: HeatPlane<S>, _ blurredPeak: S) -> S {
        (mapPeak.isFinite ? mapPeak : map.finiteMaximum) / (blurredPeak.isFinite ? blurredPeak : blurred.finiteMaximum)
    }

    /// The separable filter in Swift, rows then columns as OpenCV filters them:
    /// what float64 maps run and what tests compare the C kernel against.
    func reference(_ plane: HeatPlane<S>) -> HeatPlane<S> {
        pass(pass(plane, horizontal: true), horizontal: false)
    }

    /// One pass of the separable filter along x (`horizontal`) or y, zero outside the map.
    private func pass(_ plane: HeatPlane<S>, horizontal: Bool) -> HeatPlane<S> {
        let (height, width, taps, radius) = (plane.height, plane.width, weights.count, weights.count / 2)
        // Along x neighbours are 1 apart in memory, along y a row apart.
        let (length, step) = horizontal ? (width, 1) : (height, width)
        var out = plane
        plane.values.withUnsafeBufferPointer { source in
            weights.withUnsafeBufferPointer { weights in
                out.values.withUnsafeMutableBufferPointer { out in
                    for y in 0..<height {
                        for x in 0..<width {
                            let position = horizontal ? x : y
                            let first = Swift.max(0, radius - position), last = Swift.min(taps, length + radius - position)
                            let centre = y * width + x
                            var total: S = 0
                            for tap in first..<last { total += weights[tap] * source[centre + (tap - radius) * step] }
                            out[centre] = total
                        }
                    }
                }
            }
        }
        return out
    }
}
