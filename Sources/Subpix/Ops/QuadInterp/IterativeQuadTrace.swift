/// What ``iterativeQuadInterp3d(_:nIters:maxSubpixelShift:allowScaleSteps:precomputedNMSMask:maxCandidates:)``
/// does with the maximum at one voxel, iteration by iteration (the viewer's
/// explain pane): the fit at the current centre, the solved shift `δ`, and the
/// voxel the centre steps to along each axis where `|δᵢ| > maxSubpixelShift`.
/// It runs the op's own loop, so its outcome is the op's output at that voxel.
///
/// ```swift
/// let trace = IterativeQuadTrace(dog, batch: 0, channel: 0, depth: 2, y: 30, x: 41)
/// trace?.iterations.count   // fits until the centre stays put (at most nIters)
/// trace?.refined            // (d, x, y, value), or nil when the maximum was rejected
/// ```
public struct IterativeQuadTrace: Sendable, Equatable {
    /// One fit: at `centre` (d, y, x), gradient and Hessian in (x, y, scale) order, the
    /// shift (x, y, scale) or nil for a singular system, and the next centre or nil
    /// when a step would reach the outermost voxels.
    public struct Iteration: Sendable, Equatable {
        public var centre: [Int]
        public var gradient: [Double]
        public var hessian: [[Double]]
        public var shift: [Double]?
        public var next: [Int]?
    }

    public var iterations: [Iteration]
    /// The refined `(d, x, y)` and value, or nil when the op keeps the voxel as it is
    /// (not solved, a step to the border, still moving after `nIters`, or a final |δᵢ| > 1.5).
    public var refined: [Double]?
    public var maxSubpixelShift: Double

    /// The trace at voxel (depth, y, x) of map (batch, channel) of a `(B, C, D, H, W)` volume,
    /// or nil when the voxel is outside it or the volume has a side shorter than 3.
    public init?<S: SubpixScalar>(
        _ volume: Tensor<S>, batch: Int, channel: Int, depth: Int, y: Int, x: Int,
        nIters: Int = 5, maxSubpixelShift: Double = 0.6, allowScaleSteps: Bool = true
    ) {
        let shape = volume.shape
        guard shape.count == 5, (0..<shape[0]).contains(batch), (0..<shape[1]).contains(channel), (0..<shape[2]).contains(depth),
              (0..<shape[3]).contains(y), (0..<shape[4]).contains(x), shape[2] >= 3, shape[3] >= 3, shape[4] >= 3,
              nIters >= 0, maxSubpixelShift >= 0 else { return nil }
        let geometry = VoxelMaxima.Volume(shape)
        let refiner = Refiner<S>(volume: geometry, iterations: nIters, maxShift: S(maxSubpixelShift), scaleSteps: allowScaleSteps)
        var iterations: [Iteration] = []
        let result = volume.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                refiner.refine(base + (batch * shape[1] + channel) * geometry.mapSize, from: (depth, y, x)) { step in
                    let fit = step.fit
                    iterations.append(Iteration(
                        centre: [step.centre.d, step.centre.h, step.centre.w],
                        gradient: [fit.gx, fit.gy, fit.gs].map(Double.init),
                        hessian: [[fit.dxx, fit.dxy, fit.dxs], [fit.dxy, fit.dyy, fit.dys], [fit.dxs, fit.dys, fit.dss]].map { $0.map(Double.init) },
                        shift: step.shift.map { [$0.x, $0.y, $0.s].map(Double.init) },
                        next: step.next.map { [$0.d, $0.h, $0.w] }))
                }
            }
        }
        self.iterations = iterations
        self.refined = result.map { [$0.d, $0.x, $0.y, $0.value].map(Double.init) }
        self.maxSubpixelShift = maxSubpixelShift
    }
}
