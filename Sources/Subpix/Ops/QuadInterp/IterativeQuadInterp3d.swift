/// Iterative sub-voxel refinement of the strict 3×3×3 maxima of a response
/// volume, following each one to a neighbouring voxel while its shift points
/// there — kornia 0.9's `iterative_quad_interp3d(input, n_iters=5,
/// max_subpixel_shift=0.6, allow_scale_steps=True, precomputed_nms_mask=None,
/// max_candidates=None)`.
///
/// Each maximum `p₀` (from ``nms3dMask(_:kernelSize:)`` with a 3×3×3 window,
/// or `precomputedNMSMask`) starts at `c = p₀` and repeats up to `nIters` times:
///
///     fit g, H at c (central differences);  solve H δ = −g (Cramer, |det H| > 1e-7 · max|Hᵢⱼ|³)
///     for each axis x, y, then s (if allowScaleSteps):
///         if |δᵢ| > maxSubpixelShift: step c one voxel that way
///
/// A maximum is **refined** — `coords = c + δ` in the order (d, x, y) and
/// `value = f(c) + ½ gᵀδ` — unless an iteration's system was not solved, a
/// step would reach the outermost voxels, the last iteration still stepped
/// (not converged), or a final `|δᵢ|` exceeds 1.5. A rejected maximum and
/// every other voxel keep their grid coordinates and input value. A volume
/// with a side shorter than 3 is returned unrefined.
///
/// kornia 0.9 deprecated `strict_maxima_bonus` and ignores it, so there is no
/// such parameter here: select strict maxima with the NMS mask instead.
///
/// ```swift
/// let (coords, values) = try iterativeQuadInterp3d(dog, nIters: 5)
/// let peaks = try nms3dMask(dog, kernelSize: [3, 3, 3])   // where coords moved
/// ```
///
/// - Parameters:
///   - input: responses of shape `(B, C, D, H, W)`.
///   - nIters: iterations per maximum (≥ 0; 0 leaves every maximum at its voxel).
///   - maxSubpixelShift: shift (≥ 0) beyond which the centre steps to the next voxel.
///   - allowScaleSteps: whether the centre may also step along depth.
///   - precomputedNMSMask: strict maxima of `input` to refine (shape of `input`),
///     to skip the internal 3×3×3 NMS.
///   - maxCandidates: refine only the `maxCandidates` largest maxima of each
///     `(b, c)` volume (by input value, ties in row-major order); the rest keep
///     their grid coordinates and input value.
/// - Returns: `coords` of shape `(B, C, 3, D, H, W)` in the order (d, x, y),
///   and `values` of shape `(B, C, D, H, W)`.
/// - Throws: ``SubpixError`` for an input that is not a non-empty
///   `(B, C, D, H, W)` tensor, a negative `nIters` or `maxCandidates`, a
///   negative or NaN `maxSubpixelShift`, or a mask of another shape.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func iterativeQuadInterp3d<S: SubpixScalar>(
    _ input: Tensor<S>, nIters: Int = 5, maxSubpixelShift: Double = 0.6, allowScaleSteps: Bool = true,
    precomputedNMSMask: Mask? = nil, maxCandidates: Int? = nil
) throws -> (coords: Tensor<S>, values: Tensor<S>) {
    let op = Method.iterativeQuadInterp3d.name
    try requireQuadOptions(op, input, nIters: nIters, maxSubpixelShift: maxSubpixelShift, precomputedNMSMask: precomputedNMSMask)
    if let maxCandidates, maxCandidates < 0 {
        throw SubpixError(op, "expected max_candidates >= 0, got \(maxCandidates)")
    }
    return refineMaxima(
        input, nIters: nIters, maxSubpixelShift: maxSubpixelShift, allowScaleSteps: allowScaleSteps,
        precomputedNMSMask: precomputedNMSMask, maxCandidates: maxCandidates, reach: nil)
}

/// Checks what `iterative_quad_interp3d` and kornia 0.9's `conv_quad_interp3d` both take.
func requireQuadOptions<S: SubpixScalar>(
    _ op: String, _ input: Tensor<S>, nIters: Int, maxSubpixelShift: Double, precomputedNMSMask: Mask?
) throws {
    try input.requireShape(rank: 5, layout: "(B, C, D, H, W)", op: op)
    guard nIters >= 0 else { throw SubpixError(op, "expected n_iters >= 0, got \(nIters)") }
    guard maxSubpixelShift >= 0 else {
        throw SubpixError(op, "expected max_subpixel_shift >= 0, got \(maxSubpixelShift)")
    }
    if let precomputedNMSMask, precomputedNMSMask.shape != input.shape {
        throw SubpixError(
            op, "expected precomputed_nms_mask of the input's shape \(formatShape(input.shape)), got \(formatShape(precomputedNMSMask.shape))")
    }
}

/// The iterated refinement of checked arguments: every maximum of the mask (or the
/// `maxCandidates` largest of each map), within `reach` when there is one.
func refineMaxima<S: SubpixScalar>(
    _ input: Tensor<S>, nIters: Int, maxSubpixelShift: Double, allowScaleSteps: Bool,
    precomputedNMSMask: Mask?, maxCandidates: Int?, reach: QuadReach?
) -> (coords: Tensor<S>, values: Tensor<S>) {
    var coords: Tensor<S> = VoxelMaxima.gridCoordinates(shape: input.shape)
    var values = VoxelMaxima.startingValues(input, scanned: false).values
    let volume = VoxelMaxima.Volume(input.shape)
    guard volume.depth >= 3, volume.height >= 3, volume.width >= 3 else { return (coords, values) }
    let mask = precomputedNMSMask ?? NMSRunner.mask(input, kernel: (3, 3, 3), rule: .interior)
    let refiner = Refiner<S>(
        volume: volume, iterations: nIters, maxShift: S(maxSubpixelShift), scaleSteps: allowScaleSteps, reach: reach)
    input.withUnsafeBufferPointer { x in
        mask.withUnsafeBufferPointer { maxima in
            guard let x = x.baseAddress, let maxima = maxima.baseAddress else { return }
            values.withUnsafeMutableBufferPointer { values in
                coords.withUnsafeMutableBufferPointer { coords in
                    guard let values = values.baseAddress, let coords = coords.baseAddress else { return }
                    let list = VoxelMaxima.list(mask, values: x, volume: volume, limit: maxCandidates)
                    let cost = 64 * min(max(1, nIters), 8)
                    if refiner.runKernel(x, maxima: list, mask: maxima, cost: cost, coords: coords, values: values) { return }
                    VoxelMaxima.forEach(list, costPerItem: cost) { flat in
                        let (map, local) = flat.quotientAndRemainder(dividingBy: volume.mapSize)
                        let source = x + map * volume.mapSize
                        guard let point = refiner.refine(source, from: volume.position(local), maxima: maxima + map * volume.mapSize)
                        else { return }
                        values[flat] = point.value
                        let base = map * 3 * volume.mapSize + local
                        coords[base] = point.d
                        coords[base + volume.mapSize] = point.x
                        coords[base + 2 * volume.mapSize] = point.y
                    }
                }
            }
        }
    }
    return (coords, values)
}

/// The per-maximum loop of ``iterativeQuadInterp3d(_:nIters:maxSubpixelShift:allowScaleSteps:precomputedNMSMask:maxCandidates:)``.
struct Refiner<S: SubpixScalar> {
    let volume: VoxelMaxima.Volume
    let iterations: Int
    let maxShift: S
    let scaleSteps: Bool
    /// `conv_quad_interp3d`'s limit on where a centre may go (kornia 0.9); nil for none.
    var reach: QuadReach? = nil

    /// One iteration, as ``IterativeQuadTrace`` reports it: the fit at `centre`, its
    /// solved shift (nil when the system was singular) and the centre it moves to
    /// (nil when a step would reach the outermost voxels).
    struct Iteration {
        var centre: (d: Int, h: Int, w: Int)
        var fit: QuadraticFit3d<S>
        var shift: Shift3<S>?
        var next: (d: Int, h: Int, w: Int)?
    }

    /// The fits per maximum at most: `iterations`, capped at one more than the map has voxels.
    /// A centre still moving after more steps than the map has voxels has revisited one, so it
    /// cycles and would still move on kornia's last iteration: capping there changes no result
    /// and keeps a huge `nIters` from hanging.
    var fitLimit: Int { min(iterations, volume.mapSize + 1) }

    /// The refined point `(d, x, y)` and value, or `nil` when the maximum is rejected;
    /// `maxima` is the map's mask (what ``reach`` looks in), `trace` (the viewer's
    /// explanation) sees every iteration.
    func refine(_ x: UnsafePointer<S>, from start: (d: Int, h: Int, w: Int), maxima: UnsafePointer<Bool>? = nil,
                trace: ((Iteration) -> Void)? = nil) -> (d: S, x: S, y: S, value: S)? {
        var centre = start
        var shift = Shift3<S>.zero
        var gradientDotShift: S = 0
        var moved = false
        for _ in 0..<fitLimit {
            let at = (d: clamp(centre.d, volume.depth), h: clamp(centre.h, volume.height), w: clamp(centre.w, volume.width))
            if let reach, let maxima, !reach.contains(at, from: start, maxima: maxima, volume: volume) { return nil }
            let fit = QuadraticFit3d(
                x, at: (at.d * volume.height + at.h) * volume.width + at.w,
                planeStride: volume.plane, rowStride: volume.width)
            guard let step = Symmetric3x3Solve.cramer(fit, rhs: Shift3(x: -fit.gx, y: -fit.gy, s: -fit.gs)) else {
                trace?(Iteration(centre: centre, fit: fit, shift: nil, next: nil))
                return nil
            }
            shift = step
            gradientDotShift = fit.gradientDot(step)
            // Step the centre along each axis in turn; reaching the outermost voxels rejects the point.
            let d = scaleSteps ? self.step(centre.d, by: step.s, size: volume.depth) : centre.d
            guard let w = self.step(centre.w, by: step.x, size: volume.width),
                  let h = self.step(centre.h, by: step.y, size: volume.height), let d else {
                trace?(Iteration(centre: centre, fit: fit, shift: step, next: nil))
                return nil
            }
            trace?(Iteration(centre: centre, fit: fit, shift: step, next: (d, h, w)))
            moved = (d, h, w) != centre
            centre = (d, h, w)
            // A centre that stayed put would give the same fit and the same step in every
            // later iteration: kornia's remaining iterations cannot change the outcome.
            if !moved { break }
        }
        guard !moved, abs(shift.x) <= 1.5, abs(shift.y) <= 1.5, abs(shift.s) <= 1.5 else { return nil }
        let value = x[(centre.d * volume.height + centre.h) * volume.width + centre.w] + 0.5 * gradientDotShift
        return (S(centre.d) + shift.s, S(centre.w) + shift.x, S(centre.h) + shift.y, value)
    }

    /// The index after stepping one voxel against a shift beyond `maxShift`,
    /// or `nil` when the result leaves `1 ... size - 2`.
    @inline(__always)
    private func step(_ index: Int, by shift: S, size: Int) -> Int? {
        let next = shift > maxShift ? index + 1 : (shift < -maxShift ? index - 1 : index)
        return next >= 1 && next <= size - 2 ? next : nil
    }

    @inline(__always)
    private func clamp(_ index: Int, _ size: Int) -> Int { min(max(index, 1), size - 2) }
}
