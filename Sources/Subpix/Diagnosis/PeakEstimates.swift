import Foundation

/// A point in pixels, `x` the column and `y` the row.
typealias PixelPoint = (x: Double, y: Double)

func pixelDistance(_ a: PixelPoint, _ b: PixelPoint) -> Double { hypot(a.x - b.x, a.y - b.y) }

extension MapDiagnosis {
    /// The side of the window `conv_soft_argmax2d` is judged with: kornia's default `kernel_size=(3, 3)`.
    static var windowSide: Int { 3 }

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
    /// `conv_soft_argmax2d`'s over the ``windowSide``² window centred on the hard
    /// argmax `center` (cut at the map's border, as kornia's padding leaves it; that
    /// window holds the map's maximum, so kornia 0.7 and 0.9 agree on it).
    func estimate(_ method: KeypointMethod, scale: Double, center: Int) -> PixelPoint {
        let softmax = Softmax(peak: peak(at: center), scale: scale)
        let (cx, cy) = (center % width, center / width)
        let reach = method == .spatialSoftArgmax2d ? max(width, height) : Self.windowSide / 2
        var (total, x, y) = (0.0, 0.0, 0.0)
        for row in max(0, cy - reach)...min(height - 1, cy + reach) {
            for column in max(0, cx - reach)...min(width - 1, cx + reach) {
                let weight = softmax.weight(value(row * width + column))
                (total, x, y) = (total + weight, x + weight * Double(column), y + weight * Double(row))
            }
        }
        return (x / total, y / total)
    }
}
