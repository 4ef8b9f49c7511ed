/// One isotropic Gaussian blob of a synthetic heatmap, at a sub-pixel position.
public struct GaussianPeak: Sendable, Equatable {
    /// Centre in pixels: `x` is the column, `y` the row.
    public var x: Double
    public var y: Double
    public var sigma: Double
    public var amplitude: Double

    public init(x: Double, y: Double, sigma: Double, amplitude: Double = 1) {
        self.x = x
        self.y = y
        self.sigma = sigma
        self.amplitude = amplitude
    }
}

/// A `(1, 1, H, W)` heatmap with known sub-pixel peaks: the sum of
///
///     amplitude · exp(−((x − px)² + (y − py)²) / (2σ²))
///
/// over `peaks`, plus Gaussian noise of standard deviation `noise` (seeded).
///
/// ```swift
/// let heat: Tensor<Float> = try gaussians(size: (32, 48), peaks: [GaussianPeak(x: 10.3, y: 20.7, sigma: 2)])
/// ```
///
/// - Throws: ``SubpixError`` for a non-positive size, a sigma that is not
///   positive, a negative noise level, or a non-finite peak.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func gaussians<S: SubpixScalar>(
    size: (height: Int, width: Int), peaks: [GaussianPeak], noise: Double = 0, seed: UInt64 = 0, as: S.Type = S.self
) throws -> Tensor<S> {
    let op = "gaussians"
    guard size.height > 0, size.width > 0 else {
        throw SubpixError(op, "expected a positive size (H, W), got (\(size.height), \(size.width))")
    }
    guard noise >= 0, noise.isFinite else { throw SubpixError(op, "expected noise >= 0, got \(noise)") }
    for peak in peaks {
        guard peak.sigma > 0, peak.sigma.isFinite else { throw SubpixError(op, "expected sigma > 0, got \(peak.sigma)") }
        guard peak.x.isFinite, peak.y.isFinite, peak.amplitude.isFinite else {
            throw SubpixError(op, "expected finite peak positions and amplitudes, got (\(peak.x), \(peak.y), \(peak.amplitude))")
        }
    }
    var generator = SeededGenerator(seed: seed)
    let (height, width) = size
    return Tensor<S>(validShape: [1, 1, height, width]) { out in
        for row in 0..<height {
            for column in 0..<width {
                var value = 0.0
                for peak in peaks {
                    let dx = Double(column) - peak.x, dy = Double(row) - peak.y
                    value += peak.amplitude * Double.exp(-(dx * dx + dy * dy) / (2 * peak.sigma * peak.sigma))
                }
                if noise > 0 { value += noise * generator.nextStandardNormal() }
                out[row * width + column] = S(value)
            }
        }
    }
}

/// A tensor of `shape` filled with `value` (`zeros`/`ones` in scripts).
public func filled<S: SubpixScalar>(shape: [Int], value: S) throws -> Tensor<S> {
    guard Tensor<S>.elementCount(shape) != nil else {
        throw SubpixError("zeros", "expected non-negative axis sizes, got \(formatShape(shape))")
    }
    return Tensor<S>(shape: shape, repeating: value)
}
