/// DARK as UDP uses it (Huang et al., "The Devil is in the Details: Delving into
/// Unbiased Data Processing", CVPR 2020) — mmpose's `refine_keypoints_dark_udp`.
///
/// The modulated map (``gaussianBlur(_:kernelSize:)``) is clipped to `[1e-3, 50]`
/// before the log, `L = log(clip(blur(h), 1e-3, 50))`, read with its edge pixels
/// repeated outward, and the Hessian uses step-1 differences plus float32's
/// machine epsilon on its diagonal, so the step is always taken:
///
///     g = ( ½(L[y, x+1] − L[y, x−1]),  ½(L[y+1, x] − L[y−1, x]) )
///     Hxx = L[y, x+1] − 2L[y, x] + L[y, x−1],   Hyy = L[y+1, x] − 2L[y, x] + L[y−1, x]
///     Hxy = ½(L[y+1, x+1] − L[y, x+1] − L[y+1, x] + 2L[y, x] − L[y, x−1] − L[y−1, x] + L[y−1, x−1])
///     (x, y) −= (H + ε·I)⁻¹ g
///
/// Points outside the map (among them `(−1, −1)`, "no keypoint") or not finite
/// stay as they are: mmpose's flat indexing would read a neighbouring map there.
/// Fractional points use the pixel they truncate to on each axis.
///
/// - Parameters:
///   - heatmaps: `(B, K, H, W)`.
///   - coords: `(B, K, 2)` or `(B, K, N, 2)` in `(x, y)` order, pixels.
///   - blurKernelSize: odd and positive.
/// - Returns: the refined coordinates, shaped like `coords`.
/// - Throws: ``SubpixError`` when the shapes do not fit or the kernel size is even.
public func refineDarkUDP<S: SubpixScalar>(_ heatmaps: Tensor<S>, coords: Tensor<S>, blurKernelSize: Int = 11) throws -> Tensor<S> {
    let op = "refine_dark_udp"
    let blur = try GaussianModulation<S>(kernelSize: blurKernelSize, op: op)
    return try FieldPoints.refine(heatmaps, coords: coords, op: op, prepare: { blur($0) }) { modulated, px, py in
        guard let x = truncatedPixel(px), let y = truncatedPixel(py),
              px >= 0, py >= 0, x < modulated.width, y < modulated.height
        else { return (px, py) }
        let offset = udpStep({ udpLog(modulated.clamped($0, $1)) }, x: x, y: y).newtonOffset ?? (0, 0)
        return (px + offset.x, py + offset.y)
    }
}

/// UDP's derivatives at `(x, y)` of the edge-padded log map `map(y, x)` (indices
/// clamped into the map), `ε` already on the diagonal.
func udpStep<S: SubpixScalar>(_ map: (_ y: Int, _ x: Int) -> S, x: Int, y: Int) -> DarkStep<S> {
    let centre = map(y, x)
    let (right, left) = (map(y, x + 1), map(y, x - 1))
    let (down, up) = (map(y + 1, x), map(y - 1, x))
    let (downRight, upLeft) = (map(y + 1, x + 1), map(y - 1, x - 1))
    let epsilon = S(Float.ulpOfOne)
    let mixed = 0.5 * (downRight - right - down + centre + centre - left - up + upLeft)
    return DarkStep(
        gradient: (0.5 * (right - left), 0.5 * (down - up)),
        hessian: (right - 2 * centre + left + epsilon, mixed, down - 2 * centre + up + epsilon))
}

/// UDP's log: `log(clip(v, 1e-3, 50))`, NaN staying NaN.
func udpLog<S: SubpixScalar>(_ value: S) -> S {
    value.isNaN ? value : S.log(Swift.min(Swift.max(value, S(1e-3)), 50))
}
