import Foundation

/// A point in pixels, `x` the column and `y` the row.
typealias PixelPoint = (x: Double, y: Double)

func pixelDistance(_ a: PixelPoint, _ b: PixelPoint) -> Double { hypot(a.x - b.x, a.y - b.y) }

extension MapDiagnosis {
    /// The side of the window `conv_soft_argmax2d` is judged with: kornia's default `kernel_size=(3, 3)`.
    static var windowSide: Int { 3 }

    /// The least `spread · scale` (the map's value range times the softmax scale, `range / T`)
    /// at which a ``windowSide``² window can move a point half a pixel from its centre.
    ///
    /// Derivation: with `x · scale` in the exponent, no two weights of any window differ
    /// by more than the factor `ρ = exp(range · scale)`. Along x, a 3×3 window's
    /// soft-argmax is `Σ w·d / Σ w` over its columns `d = −1, 0, 1`; with every weight
    /// in `[1, ρ]` (after scaling) it is largest when the column `d = 1` weighs `ρ` and
    /// the other two weigh 1: `3(ρ − 1) / (3ρ + 6) = (ρ − 1) / (ρ + 2)`. A peak lies up to
    /// half a pixel from its nearest pixel centre, and `(ρ − 1) / (ρ + 2) ≥ 1/2` needs
    /// `ρ ≥ 4`, so below `range · scale = ln 4 ≈ 1.386` no window of the map can reach
    /// it: every point stays near its window's centre, a pixel centre. Temperature 1 on
    /// a map of range 1 gives `ρ = e ≈ 2.72`, a reach of at most 0.36 px; T = 0.1 gives
    /// `ρ = e¹⁰`, a reach of 0.9998 px.
    static var pinningSpread: Double { log(4) }

    /// Whether a windowed soft-argmax at softmax `scale` on a map whose values span
    /// `spread` is pinned to pixel centres (``pinningSpread``); a constant map is not
    /// (there is no peak to pin).
    static func pinsToPixels(spread: Double, scale: Double) -> Bool {
        spread > 0 && spread * scale < pinningSpread
    }

    /// The peak refined to sub-pixel precision around the hard argmax `center`,
    /// independently of any temperature: along each axis, the vertex of the
    /// parabola through the logarithms of the three values (exact for a sampled
    /// Gaussian), or through the values themselves when one of them is not
    /// positive. An axis at the map's border, or without a maximum at the centre, stays on it.
    func refinedPeak(around center: Int) -> PixelPoint {
        let (cx, cy) = (center % width, center / width)
        func offset(_ before: Int?, _ after: Int?) -> Double {
            guard let before, let after else { return 0 }
            var (a, b, c) = (value(before), value(center), value(after))
            guard a.isFinite, b.isFinite, c.isFinite else { return 0 }
            if a > 0 && b > 0 && c > 0 { (a, b, c) = (log(a), log(b), log(c)) }
            let curvature = a - 2 * b + c
            guard curvature < 0 else { return 0 }
            return min(max(0.5 * (a - c) / curvature, -0.5), 0.5)
        }
        let dx = offset(cx > 0 ? center - 1 : nil, cx < width - 1 ? center + 1 : nil)
        let dy = offset(cy > 0 ? center - width : nil, cy < height - 1 ? center + width : nil)
        return (Double(cx) + dx, Double(cy) + dy)
    }

    /// Where `method` puts this map's peak when the softmax argument is `x · scale`,
    /// in pixels: `spatial_soft_argmax2d`'s expectation over the whole map, or
    /// `conv_soft_argmax2d`'s point at the window its non-maxima suppression keeps:
    /// of the ``windowSide``² windows that hold the hard argmax `center` (centred on it
    /// or on one of its neighbours), the one with the largest pooled value `Σ p·x`, the
    /// centred one on a tie. Windows are cut at the map's border, as kornia's padding
    /// leaves them; each holds the map's maximum, so kornia 0.7 and 0.9 agree on them.
    ///
    /// At a small temperature an off-centre window pools a larger value than the
    /// centred one (it holds fewer of the peak's high neighbours, so its softmax sits
    /// more on the peak) and its point lands on the peak pixel's far side: judging
    /// the centred window alone would praise a temperature whose listed point is worse.
    func estimate(_ method: KeypointMethod, scale: Double, center: Int) -> PixelPoint {
        let softmax = Softmax(peak: peak(at: center), scale: scale)
        let (cx, cy) = (center % width, center / width)
        guard !method.averagesWholeMap else { return window(cx, cy, reach: max(width, height), softmax).point }
        var best = window(cx, cy, reach: Self.windowSide / 2, softmax)
        for dy in -1...1 { for dx in -1...1 where (dx, dy) != (0, 0) {
            let (x, y) = (cx + dx, cy + dy)
            guard x >= 0, y >= 0, x < width, y < height else { continue }
            let candidate = window(x, y, reach: Self.windowSide / 2, softmax)
            if candidate.pooled > best.pooled { best = candidate }
        } }
        return best.point
    }

    /// The soft-argmax and the pooled value `Σ p·x` of the window within `reach` of (`cx`, `cy`).
    private func window(_ cx: Int, _ cy: Int, reach: Int, _ softmax: Softmax) -> (point: PixelPoint, pooled: Double) {
        var (total, x, y, pooled) = (0.0, 0.0, 0.0, 0.0)
        for row in max(0, cy - reach)...min(height - 1, cy + reach) {
            for column in max(0, cx - reach)...min(width - 1, cx + reach) {
                let v = value(row * width + column)
                let weight = softmax.weight(v)
                (total, x, y) = (total + weight, x + weight * Double(column), y + weight * Double(row))
                if weight > 0 { pooled += weight * v }
            }
        }
        return ((x / total, y / total), pooled / total)
    }
}
