/// One step of `conv_quad_interp3d` at a voxel, with every intermediate number:
/// what the viewer's explain pane shows.
///
///     g = ½ (f(p + e) − f(p − e)),   H by central differences,
///     solve H·d = −g,   rejected when any |d| > 0.7,   value = f + ½ gᵀd
///
/// The mixed depth terms carry kornia 0.7.4's sign (its kernel is flipped along
/// depth), so the numbers are the op's.
public struct QuadraticStep: Sendable, Equatable {
    /// Gradient (x, y, scale).
    public var gradient: [Double]
    /// Hessian rows in (x, y, scale) order.
    public var hessian: [[Double]]
    /// The solved shift `d` (x, y, scale), or nil when `H` is singular.
    public var shift: [Double]?
    /// True when a component of the shift exceeds 0.7 (the op then keeps the voxel).
    public var rejected: Bool
    /// The value at the voxel and the interpolated value `f + ½ gᵀd`.
    public var value: Double
    public var interpolatedValue: Double

    /// The step at voxel (depth, y, x) of map (batch, channel) of a `(B, C, D, H, W)` volume,
    /// or nil when the voxel touches the border (its 3×3×3 neighbourhood is not inside).
    public init?<S: SubpixScalar>(_ volume: Tensor<S>, batch: Int, channel: Int, depth: Int, y: Int, x: Int) {
        let shape = volume.shape
        guard shape.count == 5, batch < shape[0], channel < shape[1], depth >= 1, depth < shape[2] - 1,
              y >= 1, y < shape[3] - 1, x >= 1, x < shape[4] - 1 else { return nil }
        let (plane, row) = (shape[3] * shape[4], shape[4])
        let centre = ((batch * shape[1] + channel) * shape[2] + depth) * plane + y * row + x
        let step: QuadraticStep = volume.withUnsafeBufferPointer { buffer in
            var fit = QuadraticFit3d(buffer.baseAddress! , at: centre, planeStride: plane, rowStride: row)
            (fit.dxs, fit.dys) = (-fit.dxs, -fit.dys)
            let solution = Symmetric3x3Solve.luPivoted(fit, rhs: Shift3(x: fit.gx, y: fit.gy, s: fit.gs))
            let shift = solution.map { Shift3(x: -$0.x, y: -$0.y, s: -$0.s) }
            let rejected = shift.map(discardsShift) ?? false
            let value = Double(buffer[centre])
            let applied = rejected ? nil : shift
            return QuadraticStep(
                gradient: [fit.gx, fit.gy, fit.gs].map(Double.init),
                hessian: [[fit.dxx, fit.dxy, fit.dxs], [fit.dxy, fit.dyy, fit.dys], [fit.dxs, fit.dys, fit.dss]].map { $0.map(Double.init) },
                shift: shift.map { [$0.x, $0.y, $0.s].map(Double.init) }, rejected: rejected, value: value,
                interpolatedValue: value + 0.5 * (applied.map { Double(fit.gradientDot($0)) } ?? 0))
        }
        self = step
    }

    init(gradient: [Double], hessian: [[Double]], shift: [Double]?, rejected: Bool, value: Double, interpolatedValue: Double) {
        self.gradient = gradient
        self.hessian = hessian
        self.shift = shift
        self.rejected = rejected
        self.value = value
        self.interpolatedValue = interpolatedValue
    }
}
