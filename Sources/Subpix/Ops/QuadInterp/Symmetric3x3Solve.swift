/// The two ways kornia solves the 3×3 Newton step `H δ = r` of a quadratic fit,
/// `H = [[dxx, dxy, dxs], [dxy, dyy, dys], [dxs, dys, dss]]`.
enum Symmetric3x3Solve {
    /// kornia 0.7.4 (`conv_quad_interp3d`): torch's LU factorisation with
    /// partial pivoting (`lu_factor_ex` + `lu_solve`). The system counts as
    /// solved unless a pivot is exactly zero, which is how torch reports a
    /// singular matrix; nearly singular systems give large shifts, which the
    /// caller's 0.7 rule then discards.
    ///
    /// - Returns: `δ`, or `nil` when a pivot is zero.
    @inline(__always)
    static func luPivoted<S: SubpixScalar>(_ fit: QuadraticFit3d<S>, rhs r: Shift3<S>) -> Shift3<S>? {
        var first = Row(fit.dxx, fit.dxy, fit.dxs, r.x)
        var second = Row(fit.dxy, fit.dyy, fit.dys, r.y)
        var third = Row(fit.dxs, fit.dys, fit.dss, r.s)
        // Column 0: pivot on the largest magnitude (the first of equals, as LAPACK's idamax does).
        if abs(second.a) > abs(first.a) && abs(second.a) >= abs(third.a) {
            swap(&first, &second)
        } else if abs(third.a) > abs(first.a) && abs(third.a) > abs(second.a) {
            swap(&first, &third)
        }
        guard first.a != 0 else { return nil }
        let inverseA = 1 / first.a
        second.eliminate(first, factor: second.a * inverseA)
        third.eliminate(first, factor: third.a * inverseA)
        // Column 1.
        if abs(third.b) > abs(second.b) { swap(&second, &third) }
        guard second.b != 0 else { return nil }
        third.eliminate(second, factor: third.b * (1 / second.b))
        guard third.c != 0 else { return nil }
        // Back substitution, column by column as LAPACK's triangular solve does.
        let s = third.r / third.c
        let y = (second.r - second.c * s) / second.b
        let x = (first.r - first.c * s - first.b * y) / first.a
        return Shift3(x: x, y: y, s: s)
    }

    /// One row `[a b c | r]` of the augmented system.
    private struct Row<S: SubpixScalar> {
        var a: S, b: S, c: S, r: S
        init(_ a: S, _ b: S, _ c: S, _ r: S) { (self.a, self.b, self.c, self.r) = (a, b, c, r) }

        /// Subtracts `factor ×` the pivot row from the columns right of `a`
        /// (`a` itself, now eliminated, is not read again).
        @inline(__always)
        mutating func eliminate(_ pivot: Row, factor: S) {
            b -= factor * pivot.b
            c -= factor * pivot.c
            r -= factor * pivot.r
        }
    }

    /// kornia 0.9 (`iterative_quad_interp3d`): Cramer's rule on the system
    /// scaled by the power of two that brings `m = max|Hᵢⱼ|` to [1, 2). The
    /// system counts as solved when
    ///
    ///     |det H| > eps · m³      (eps = 1e-7),
    ///
    /// a floor relative to the Hessian's own size, so the test does not depend
    /// on the response amplitude. Scaling by a power of two changes no digit of
    /// the shifts; it only keeps tiny or huge Hessians out of underflow and
    /// overflow, as kornia does.
    ///
    /// - Returns: `δ`, or `nil` when the system is not solved.
    @inline(__always)
    static func cramer<S: SubpixScalar>(_ fit: QuadraticFit3d<S>, rhs: Shift3<S>, eps: S = 1e-7) -> Shift3<S>? {
        let factor = unitScale(fit, rhs: rhs)
        let (dxx, dyy, dss) = (fit.dxx * factor, fit.dyy * factor, fit.dss * factor)
        let (dxy, dxs, dys) = (fit.dxy * factor, fit.dxs * factor, fit.dys * factor)
        let (r0, r1, r2) = (rhs.x * factor, rhs.y * factor, rhs.s * factor)
        let cf00 = dyy * dss - dys * dys
        let cf01 = dxy * dss - dys * dxs
        let cf02 = dxy * dys - dyy * dxs
        let det = dxx * cf00 - dxy * cf01 + dxs * cf02
        let scale = nanMax(nanMax(nanMax(abs(dxx), abs(dyy)), nanMax(abs(dss), abs(dxy))), nanMax(abs(dxs), abs(dys)))
        guard abs(det) > eps * scale * scale * scale else { return nil }
        let x = (r0 * cf00 - dxy * (r1 * dss - dys * r2) + dxs * (r1 * dys - dyy * r2)) / det
        let y = (dxx * (r1 * dss - dys * r2) - r0 * cf01 + dxs * (dxy * r2 - r1 * dxs)) / det
        let s = (dxx * (dyy * r2 - r1 * dys) - dxy * (dxy * r2 - r1 * dxs) + r0 * cf02) / det
        return Shift3(x: x, y: y, s: s)
    }

    /// The power of two kornia multiplies a Cramer system by: `2^−e` with
    /// `e = ⌊log₂ max|Hᵢⱼ|⌋`, raised (never lowered below 1) only as far as keeps
    /// `max|rᵢ|` under `2^64`, and bounded so that the factor stays a normal number.
    @inline(__always)
    static func unitScale<S: SubpixScalar>(_ fit: QuadraticFit3d<S>, rhs: Shift3<S>) -> S {
        let bias = (1 << (S.exponentBitCount - 1)) - 1
        let limit = bias - 1   // −⌊log₂ leastNormalMagnitude⌋
        let hessianMagnitude = nanMax(
            nanMax(nanMax(abs(fit.dxx), abs(fit.dyy)), nanMax(abs(fit.dss), abs(fit.dxy))),
            nanMax(abs(fit.dxs), abs(fit.dys)))
        let rhsMagnitude = nanMax(nanMax(abs(rhs.x), abs(rhs.y)), abs(rhs.s))
        let hessian = floorLog2(hessianMagnitude) ?? 0
        let capped = floorLog2(rhsMagnitude).map { min($0 - 63, 0) } ?? Int.min
        let exponent = min(max(max(hessian, capped), -limit), limit)
        // 2^−exponent, a normal number: its biased exponent lies in 1 ... 2·bias − 1.
        return S(sign: .plus, exponentBitPattern: S.RawExponent(bias - exponent), significandBitPattern: 0)
    }

    /// `⌊log₂ magnitude⌋`, or `nil` when the magnitude is zero, infinite or NaN.
    @inline(__always)
    private static func floorLog2<S: SubpixScalar>(_ magnitude: S) -> Int? {
        guard magnitude.isFinite, magnitude > 0 else { return nil }
        // A normal number's exponent is its biased exponent bits less the bias.
        guard magnitude.isNormal else { return Int(magnitude.exponent) }
        return Int(magnitude.exponentBitPattern) - ((1 << (S.exponentBitCount - 1)) - 1)
    }

    /// `max(a, b)` that returns NaN when either is NaN, as torch's `amax` does.
    @inline(__always)
    private static func nanMax<S: SubpixScalar>(_ a: S, _ b: S) -> S {
        a.isNaN || b.isNaN ? .nan : (a > b ? a : b)
    }
}
