/// DARK's refinement (Zhang et al., "Distribution-Aware Coordinate
/// Representation", CVPR 2020) — mmpose's `refine_keypoints_dark`.
///
/// Each map is modulated (``gaussianBlur(_:kernelSize:)``), clamped at `1e-10`
/// and its log taken, `L = log(max(blur(h), 1e-10))`; at the point's pixel
/// `(x, y)` one Newton step of a second-order Taylor expansion follows:
///
///     g = ( ½(L[y, x+1] − L[y, x−1]),  ½(L[y+1, x] − L[y−1, x]) )
///     Hxx = ¼(L[y, x+2] − 2L[y, x] + L[y, x−2])     (step-2 differences)
///     Hyy = ¼(L[y+2, x] − 2L[y, x] + L[y−2, x])
///     Hxy = ¼(L[y+1, x+1] − L[y−1, x+1] − L[y+1, x−1] + L[y−1, x−1])
///     (x, y) += −H⁻¹ g      when det H ≠ 0
///
/// mmpose refines only when `1 < x < W − 2` and `1 < y < H − 2` (the pixel is
/// truncated toward zero); other points, and points that are not finite, stay.
///
/// ```swift
/// let refined = try refineDark(maps, coords: coords, blurKernelSize: 11)
/// ```
///
/// - Parameters:
///   - heatmaps: `(B, K, H, W)`.
///   - coords: `(B, K, 2)` or `(B, K, N, 2)` in `(x, y)` order, pixels.
///   - blurKernelSize: odd and positive; 11 matches a training σ of 2, 17 a σ of 3.
/// - Returns: the refined coordinates, shaped like `coords`.
/// - Throws: ``SubpixError`` when the shapes do not fit or the kernel size is even.
public func refineDark<S: SubpixScalar>(_ heatmaps: Tensor<S>, coords: Tensor<S>, blurKernelSize: Int = 11) throws -> Tensor<S> {
    let op = "refine_dark"
    let blur = try GaussianModulation<S>(kernelSize: blurKernelSize, op: op)
    return try FieldPoints.refine(heatmaps, coords: coords, op: op, prepare: { blur($0) }) { modulated, px, py in
        guard let x = truncatedPixel(px), let y = truncatedPixel(py),
              1 < x, x < modulated.width - 2, 1 < y, y < modulated.height - 2
        else { return (px, py) }
        let step = DarkStep(log: { darkLog(modulated[$0, $1]) }, x: x, y: y)
        guard let offset = step.newtonOffset else { return (px, py) }
        return (px + offset.x, py + offset.y)
    }
}

/// The derivatives of a log-heatmap at one pixel and the Newton step they give,
/// as DARK computes them (also what the viewer's explanation shows).
public struct DarkStep<S: SubpixScalar>: Sendable {
    /// The gradient `(∂x, ∂y)`.
    public var gradient: (x: S, y: S)
    /// The Hessian `(xx, xy, yy)`.
    public var hessian: (xx: S, xy: S, yy: S)

    /// The derivatives at `(x, y)` of the log map `map(y, x)`, read within 2 pixels.
    init(log map: (_ y: Int, _ x: Int) -> S, x: Int, y: Int) {
        gradient = (0.5 * (map(y, x + 1) - map(y, x - 1)), 0.5 * (map(y + 1, x) - map(y - 1, x)))
        hessian = (
            0.25 * (map(y, x + 2) - 2 * map(y, x) + map(y, x - 2)),
            0.25 * (map(y + 1, x + 1) - map(y - 1, x + 1) - map(y + 1, x - 1) + map(y - 1, x - 1)),
            0.25 * (map(y + 2, x) - 2 * map(y, x) + map(y - 2, x)))
    }

    /// DARK's (or, with `udp`, UDP's) derivatives at pixel `(x, y)` of map
    /// `(batch, channel)`, after the modulation and log of ``refineDark(_:coords:blurKernelSize:)``;
    /// `nil` where that refiner would not move the point.
    public static func at(
        _ heatmaps: Tensor<S>, batch: Int, channel: Int, x: Int, y: Int, blurKernelSize: Int = 11, udp: Bool = false
    ) -> DarkStep? {
        guard let maps = try? HeatmapBatch(heatmaps, op: "refine_dark"), (0..<maps.batch).contains(batch),
              (0..<maps.keypoints).contains(channel), let blur = try? GaussianModulation<S>(kernelSize: blurKernelSize, op: "refine_dark")
        else { return nil }
        let modulated = blur(maps.plane(batch * maps.keypoints + channel))
        if udp {
            guard (0..<maps.width).contains(x), (0..<maps.height).contains(y) else { return nil }
            return udpStep({ udpLog(modulated.clamped($0, $1)) }, x: x, y: y)
        }
        guard 1 < x, x < maps.width - 2, 1 < y, y < maps.height - 2 else { return nil }
        return DarkStep(log: { darkLog(modulated[$0, $1]) }, x: x, y: y)
    }

    init(gradient: (x: S, y: S), hessian: (xx: S, xy: S, yy: S)) {
        self.gradient = gradient
        self.hessian = hessian
    }

    /// `−H⁻¹ g`, or `nil` when the determinant is 0.
    public var newtonOffset: (x: S, y: S)? {
        let determinant = hessian.xx * hessian.yy - hessian.xy * hessian.xy
        guard determinant != 0 else { return nil }
        return (-(hessian.yy * gradient.x - hessian.xy * gradient.y) / determinant,
                -(hessian.xx * gradient.y - hessian.xy * gradient.x) / determinant)
    }
}

/// DARK's log: `log(max(v, 1e-10))`, NaN staying NaN.
func darkLog<S: SubpixScalar>(_ value: S) -> S {
    value.isNaN ? value : S.log(Swift.max(value, S(1e-10)))
}
