/// The second-order Taylor model of a volume around one interior voxel, from
/// central differences over its 3×3×3 neighbourhood — what both quadratic
/// interpolations solve.
///
/// With `f` the volume and `x`, `y`, `s` the width, height and depth axes:
///
///     g  = ( f(x+1) − f(x−1),  f(y+1) − f(y−1),  f(s+1) − f(s−1) ) / 2
///     Hxx = f(x+1) − 2 f + f(x−1)                   (likewise Hyy, Hss)
///     Hxy = ( f(x+1,y+1) − f(x−1,y+1) − f(x+1,y−1) + f(x−1,y−1) ) / 4   (likewise Hxs, Hys)
///
/// so that `f(p + δ) ≈ f(p) + gᵀδ + ½ δᵀHδ`, whose extremum is at `H δ = −g`.
///
/// ```swift
/// let fit = QuadraticFit3d(x, at: centre, strides: (plane: h * w, row: w))
/// ```
struct QuadraticFit3d<S: SubpixScalar> {
    var gx: S, gy: S, gs: S
    var dxx: S, dyy: S, dss: S
    var dxy: S, dxs: S, dys: S

    /// The fit around `x[centre]`, where `centre ± 1` along every axis lies inside the volume.
    @inline(__always)
    init(_ x: UnsafePointer<S>, at centre: Int, planeStride: Int, rowStride: Int) {
        let c = x + centre
        let (p, r) = (planeStride, rowStride)
        @inline(__always) func at(_ ds: Int, _ dy: Int, _ dx: Int) -> S { c[ds * p + dy * r + dx] }
        let centreValue = c[0]
        let (xp, xm, yp, ym, sp, sm) = (at(0, 0, 1), at(0, 0, -1), at(0, 1, 0), at(0, -1, 0), at(1, 0, 0), at(-1, 0, 0))
        gx = 0.5 * (xp - xm)
        gy = 0.5 * (yp - ym)
        gs = 0.5 * (sp - sm)
        dxx = xp - 2 * centreValue + xm
        dyy = yp - 2 * centreValue + ym
        dss = sp - 2 * centreValue + sm
        dxy = 0.25 * (at(0, 1, 1) - at(0, 1, -1) - at(0, -1, 1) + at(0, -1, -1))
        dxs = 0.25 * (at(1, 0, 1) - at(1, 0, -1) - at(-1, 0, 1) + at(-1, 0, -1))
        dys = 0.25 * (at(1, 1, 0) - at(1, -1, 0) - at(-1, 1, 0) + at(-1, -1, 0))
    }

    /// `gᵀδ` for a shift `δ = (sx, sy, ss)`.
    @inline(__always)
    func gradientDot(_ shift: Shift3<S>) -> S { gx * shift.x + gy * shift.y + gs * shift.s }
}

/// A sub-voxel shift along width (`x`), height (`y`) and depth (`s`).
struct Shift3<S: SubpixScalar> {
    var x: S, y: S, s: S
    static var zero: Shift3 { Shift3(x: 0, y: 0, s: 0) }
}
