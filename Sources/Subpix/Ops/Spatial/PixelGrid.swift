/// Pixel-centre coordinates along one axis, as kornia's `create_meshgrid` makes them.
///
/// In pixels the coordinates are `0, 1, ..., n − 1`; normalised, they are
/// `(i / (n − 1) − 0.5) · 2`, spanning [-1, 1]. The centre of a one-pixel axis
/// normalises to 0 in kornia 0.9 and to NaN (0 / 0) in kornia 0.7.4.
enum PixelGrid {
    static func coordinates<S: SubpixScalar>(_ count: Int, normalized: Bool, version: KorniaVersion = .default) -> [S] {
        if normalized, count == 1, version >= .v0_9 { return [0] }
        return (0..<count).map { index in
            let pixel = S(index)
            return normalized ? (pixel / S(count - 1) - S(0.5)) * 2 : pixel
        }
    }

    /// kornia's `normalize_pixel_coordinates`: `2 · x / max(n − 1, 1e-8) − 1`.
    static func normalizingFactor<S: SubpixScalar>(_ count: Int) -> S {
        2 / Swift.max(S(count - 1), S(1e-8))
    }
}

/// Rejects temperatures that are not finite and positive.
func requirePositiveTemperature(_ temperature: Double, op: String) throws {
    guard temperature > 0, temperature.isFinite else {
        throw SubpixError(op, "expected temperature > 0, got \(temperature)")
    }
}

extension KorniaVersion {
    /// What `spatial_softmax2d` and `spatial_soft_argmax2d` multiply their input by
    /// for `temperature`: kornia 0.7.4 multiplies by it (larger is sharper), kornia 0.9
    /// divides by it (smaller is sharper).
    func inputScale(temperature: Double) -> Double {
        self >= .v0_9 ? 1 / temperature : temperature
    }
}
