/// OpenPIV's three-point peak estimators (`find_subpixel_peak_position`).
public enum SubpixelPeakMethod: String, Sendable, CaseIterable {
    /// A parabola through the logs of the three samples — exact for a sampled
    /// Gaussian; falls back to ``parabolic`` when a sample is negative.
    case gaussian
    /// A parabola through the three samples.
    case parabolic
    /// The centre of mass of the three samples.
    case centroid

    /// OpenPIV's default estimator.
    public static let openPIVDefault = gaussian

    /// Whether it fits the logs of the samples rather than the samples.
    public var fitsLogs: Bool { self == .gaussian }

    /// Whether it fits a curve (a parabola) whose vertex is the peak.
    public var fitsCurve: Bool { self != .centroid }

    /// What it computes from the three samples, for a reader: `a parabola through the three samples`.
    public var curve: String {
        switch self {
        case .gaussian: "a parabola through the LOGS of the three samples (exact for a Gaussian)"
        case .parabolic: "a parabola through the three samples"
        case .centroid: "the centre of mass of the three samples"
        }
    }

    /// The choices as a script's `method=` lists them, with the fallback:
    /// `'gaussian' (log-parabola; 'parabolic' when a sample is negative), 'parabolic', 'centroid'`.
    public static var choices: String {
        allCases.map { method in
            "'\(method.rawValue)'" + (method.fitsLogs ? " (log-parabola; '\(parabolic.rawValue)' when a sample is negative)" : "")
        }.joined(separator: ", ")
    }
}

/// The sub-pixel peak of each heatmap from its first maximum and the four
/// neighbours — OpenPIV's `find_subpixel_peak_position`, per axis:
///
///     gaussian:  x₀ + (ln l − ln r) / (2 ln l − 4 ln c + 2 ln r)   (0 when the denominator is 0)
///     parabolic: x₀ + (l − r) / (2l − 4c + 2r)
///     centroid:  ((x₀ − 1) l + x₀ c + (x₀ + 1) r) / (l + c + r)
///
/// where `c` is the maximum and `l`, `r` its neighbours on the axis, each plus
/// `1e-7` as OpenPIV adds (so `ln 0` does not occur). A maximum on the map's
/// border gives `(NaN, NaN)`.
///
/// ```swift
/// let peaks = try subpixelPeak(maps, method: .gaussian)   // (B, K, 2)
/// ```
///
/// - Parameters:
///   - heatmaps: `(B, K, H, W)`.
///   - method: the estimator.
/// - Returns: `(B, K, 2)` in `(x, y)` order, pixels.
/// - Throws: ``SubpixError`` when `heatmaps` is not a non-empty 4D tensor.
public func subpixelPeak<S: SubpixScalar>(_ heatmaps: Tensor<S>, method: SubpixelPeakMethod = .openPIVDefault) throws -> Tensor<S> {
    try HeatmapBatch(heatmaps, op: "subpixel_peak").pointPerMap { plane in
        let peak = plane.firstMaximum
        guard let samples = ThreePointSamples(plane, x: peak.x, y: peak.y) else { return (.nan, .nan) }
        return samples.peak(method)
    }
}

/// OpenPIV's estimators at given points instead of each map's first maximum —
/// for multi-peak maps, e.g. at the NMS maxima of `keypoints`. Each point is
/// rounded to its pixel; a point on the border or outside the map gives NaN.
///
/// - Parameters:
///   - heatmaps: `(B, K, H, W)`.
///   - coords: `(B, K, 2)` or `(B, K, N, 2)` in `(x, y)` order, pixels.
///   - method: the estimator.
/// - Returns: the estimates, shaped like `coords`.
/// - Throws: ``SubpixError`` when the shapes do not fit together.
public func subpixelPeak<S: SubpixScalar>(
    _ heatmaps: Tensor<S>, coords: Tensor<S>, method: SubpixelPeakMethod = .openPIVDefault
) throws -> Tensor<S> {
    try FieldPoints.refine(heatmaps, coords: coords, op: "subpixel_peak") { plane, px, py in
        guard let x = roundedPixel(px), let y = roundedPixel(py), let samples = ThreePointSamples(plane, x: x, y: y) else {
            return (.nan, .nan)
        }
        return samples.peak(method)
    }
}

/// The maximum of a map and its four neighbours (OpenPIV's `c, cl, cr, cd, cu`),
/// each plus OpenPIV's `1e-7`.
public struct ThreePointSamples<S: SubpixScalar>: Sendable {
    /// The pixel of the maximum.
    public var x: Int, y: Int
    /// Left, centre, right along x.
    public var row: (S, S, S)
    /// Up, centre, down along y.
    public var column: (S, S, S)

    /// The samples around pixel `(x, y)` of map `(batch, channel)` of `(B, K, H, W)`
    /// heatmaps (the viewer's explanation); `nil` on the border or outside.
    public init?(_ heatmaps: Tensor<S>, batch: Int, channel: Int, x: Int, y: Int) {
        guard let maps = try? HeatmapBatch(heatmaps, op: "subpixel_peak"), (0..<maps.batch).contains(batch),
              (0..<maps.keypoints).contains(channel)
        else { return nil }
        self.init(maps.plane(batch * maps.keypoints + channel), x: x, y: y)
    }

    /// `nil` when `(x, y)` is on the border of the map (or outside it).
    init?(_ plane: HeatPlane<S>, x: Int, y: Int) {
        guard x > 0, y > 0, x < plane.width - 1, y < plane.height - 1 else { return nil }
        let eps = S(1e-7)
        (self.x, self.y) = (x, y)
        let centre = plane[y, x] + eps
        row = (plane[y, x - 1] + eps, centre, plane[y, x + 1] + eps)
        column = (plane[y - 1, x] + eps, centre, plane[y + 1, x] + eps)
    }

    /// The estimate `(x, y)` by the estimator ``applied(_:)`` gives for `method`.
    public func peak(_ method: SubpixelPeakMethod) -> (x: S, y: S) {
        let method = applied(method)
        return (S(x) + Self.offset(row, method), S(y) + Self.offset(column, method))
    }

    /// The estimator that runs for `method` at these samples: a log fit
    /// (`gaussian`) falls back to `parabolic` when any sample is negative.
    public func applied(_ method: SubpixelPeakMethod) -> SubpixelPeakMethod {
        method.fitsLogs && [row.0, row.1, row.2, column.0, column.2].contains(where: { $0 < 0 }) ? .parabolic : method
    }

    /// The shift from the centre sample along one axis.
    public static func offset(_ samples: (S, S, S), _ method: SubpixelPeakMethod) -> S {
        let (low, centre, high) = samples
        switch method {
        case .centroid:
            return (high - low) / (low + centre + high)
        case .parabolic:
            return (low - high) / (2 * low - 4 * centre + 2 * high)
        case .gaussian:
            let (l, c, h) = (S.log(low), S.log(centre), S.log(high))
            let denominator = 2 * l - 4 * c + 2 * h
            return denominator == 0 ? 0 : (l - h) / denominator
        }
    }
}
