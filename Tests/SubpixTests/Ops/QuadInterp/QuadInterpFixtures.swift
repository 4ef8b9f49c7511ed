@testable import Subpix

/// Hand-built volumes whose quadratic-interpolation results are derived by hand.
enum QuadVolumes {
    /// f(d, y, x) = −(d − d0)² − (x − x0)² − (y − y0)² + offset on a `D × H × W` grid.
    ///
    /// Central differences are exact for a quadratic: g = −2(p − p0), H = −2 I, so
    /// one Newton step from any voxel lands on (d0, x0, y0) exactly, where the
    /// value is `offset`. The strict 3×3×3 maximum is the voxel nearest p0.
    static func paraboloid<S: SubpixScalar>(
        _ type: S.Type, depth: Int = 5, height: Int = 9, width: Int = 9,
        peak: (d: Double, x: Double, y: Double), offset: Double = 0
    ) throws -> Tensor<S> {
        var elements: [S] = []
        for d in 0..<depth {
            for y in 0..<height {
                for x in 0..<width {
                    let (dd, dx, dy) = (Double(d) - peak.d, Double(x) - peak.x, Double(y) - peak.y)
                    elements.append(S(offset - dd * dd - dx * dx - dy * dy))
                }
            }
        }
        return try Tensor(shape: [1, 1, depth, height, width], elements: elements)
    }

    /// A 3×3×3 volume whose centre (value 0) is a strict maximum, with the
    /// centre plane
    ///
    ///     y\x   −1     0     1
    ///     −1   −0.1  −1    −2.1
    ///      0   −1     0    −0.2      (`strongCoupling`; `singular` has −0.5 at x = ±1 and y = ±1)
    ///      1   −2.1  −0.2  −0.1
    ///
    /// and −10 on the other two planes. By central differences: `gs = 0`,
    /// `Hss = −20`, `Hxs = Hys = 0`, and in the plane `Hxy = (−0.1 + 2.1 + 2.1 − 0.1) / 4 = 1`.
    /// - `strongCoupling`: g = (0.4, 0.4), Hxx = Hyy = −1.2, so H·(1, 1) = (−0.2, −0.2)
    ///   and δ = −H⁻¹g = (2, 2): beyond 0.7, discarded.
    /// - `singular`: g = 0, Hxx = Hyy = −1, det of the xy block = 1 − 1 = 0.
    static func coupled<S: SubpixScalar>(_ type: S.Type, singular: Bool) throws -> Tensor<S> {
        let side: (minus: Double, plus: Double) = singular ? (-0.5, -0.5) : (-1, -0.2)
        let plane: [Double] = [
            -0.1, side.minus, -2.1,
            side.minus, 0, side.plus,
            -2.1, side.plus, -0.1,
        ]
        let others = [Double](repeating: -10, count: 9)
        return try Tensor(shape: [1, 1, 3, 3, 3], elements: (others + plane + others).map { S($0) })
    }
}
