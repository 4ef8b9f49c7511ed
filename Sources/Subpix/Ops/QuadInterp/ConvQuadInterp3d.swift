/// One step of quadratic interpolation at every strict 3×3×3 maximum of a
/// response volume, as SIFT refines its keypoints — kornia 0.7.4's
/// `conv_quad_interp3d(input, strict_maxima_bonus=10.0, eps=1e-7)`.
///
/// At each voxel `p` that ``nms3dMask(_:kernelSize:)`` keeps with a 3×3×3
/// window, the central-difference gradient `g` and Hessian `H` of the volume
/// (see `QuadraticFit3d`) give the extremum of the local quadratic:
///
///     H δ = −g,   δ = (δx, δy, δs)
///     coords(p) = (d + δs, x + δx, y + δy)
///     value(p)  = f(p) + ½ gᵀδ + bonus
///
/// - A shift with any `|δᵢ| > 0.7` points outside the voxel and is discarded
///   (`δ = 0`), but the maximum still counts as solved.
/// - `bonus` is `strictMaximaBonus`, **added** at every solved maximum when it
///   is positive (negative bonuses are ignored, as in kornia). It lifts strict
///   maxima above the rest so that sorting by value keeps them first.
/// - The system is solved by LU with partial pivoting as torch does; it fails
///   only on an exactly zero pivot (a flat neighbourhood), in which case the
///   maximum keeps its grid position and input value and gets no bonus.
/// - Every other voxel keeps its grid coordinates and input value.
/// - kornia 0.7.4 quirk, kept for parity: its second-order 3D kernel is flipped
///   along depth, so the two depth-mixed terms `Hxs` and `Hys` enter `H` with
///   their sign reversed. The golden fixtures pin this. Mixed terms are small
///   near a well-shaped extremum, so shifts differ from the textbook solve by
///   a fraction of a voxel at most; kornia 0.9's
///   ``iterativeQuadInterp3d(_:nIters:maxSubpixelShift:allowScaleSteps:precomputedNMSMask:maxCandidates:)``
///   uses the correct signs.
/// - `eps` is accepted as the seed's signature has it. kornia 0.7.4 only used it
///   with torch older than 1.10 (as a random jitter of `H`), so it changes nothing.
/// - Output sizes equal the input's (the seed's `D_out`/`H_out`/`W_out`
///   formula with kernel 3, stride 1, padding 1).
///
/// ```swift
/// let dog = try Tensor<Float>(shape: [1, 1, 5, 64, 64], elements: responses)
/// let (coords, values) = try convQuadInterp3d(dog, strictMaximaBonus: 10)
/// coords.shape   // [1, 1, 3, 5, 64, 64]: (d, x, y) per voxel
/// ```
///
/// - Parameters:
///   - input: responses of shape `(B, C, D, H, W)`.
///   - strictMaximaBonus: added to the value of each solved strict maximum when positive.
///   - eps: accepted for kornia's signature; has no effect (see above).
/// - Returns: `coords` of shape `(B, C, 3, D, H, W)` in the order (d, x, y),
///   and `values` of shape `(B, C, D, H, W)`.
/// - Throws: ``SubpixError`` for an input that is not a non-empty `(B, C, D, H, W)` tensor.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func convQuadInterp3d<S: SubpixScalar>(
    _ input: Tensor<S>, strictMaximaBonus: Double = KorniaDefaults.quadInterpStrictMaximaBonus, eps: Double = 1e-7
) throws -> (coords: Tensor<S>, values: Tensor<S>) {
    try input.requireShape(rank: 5, layout: "(B, C, D, H, W)", op: Method.convQuadInterp3d.name)
    let volume = VoxelMaxima.Volume(input.shape)
    let mask = NMSRunner.mask(input, kernel: (3, 3, 3), rule: .interior)
    var coords: Tensor<S> = VoxelMaxima.gridCoordinates(shape: input.shape)
    // Bound apart, so that `values` is the only reference and is written in place.
    var values: Tensor<S>
    let mayOverflow: Bool
    (values, mayOverflow) = VoxelMaxima.startingValues(input)
    let bonus: S? = strictMaximaBonus > 0 ? S(strictMaximaBonus) : nil
    input.withUnsafeBufferPointer { x in
        guard let x = x.baseAddress else { return }
        values.withUnsafeMutableBufferPointer { values in
            coords.withUnsafeMutableBufferPointer { coords in
                guard let values = values.baseAddress, let coords = coords.baseAddress else { return }
                let nonFinite = mayOverflow && KorniaZeroShift.apply(x, volume: volume, into: values)
                let maxima = VoxelMaxima.list(mask, values: x, volume: volume, limit: nil)
                VoxelMaxima.forEach(maxima, costPerItem: 64) { flat in
                    let (map, local) = flat.quotientAndRemainder(dividingBy: volume.mapSize)
                    var fit = QuadraticFit3d(
                        x + map * volume.mapSize, at: local, planeStride: volume.plane, rowStride: volume.width)
                    (fit.dxs, fit.dys) = (-fit.dxs, -fit.dys)   // kornia 0.7.4's depth-flipped kernel
                    if nonFinite && !neighbourhoodIsFinite(x + flat, volume: volume) { fit.poisonHessian() }
                    guard let solution = Symmetric3x3Solve.luPivoted(fit, rhs: Shift3(x: fit.gx, y: fit.gy, s: fit.gs))
                    else { return }
                    var shift = Shift3(x: -solution.x, y: -solution.y, s: -solution.s)
                    if discardsShift(shift) { shift = .zero }
                    var value = x[flat] + 0.5 * fit.gradientDot(shift)
                    if let bonus { value += bonus }
                    values[flat] = value
                    let (d, h, w) = volume.position(local)
                    let base = map * 3 * volume.mapSize + local
                    coords[base] = S(d) + shift.s
                    coords[base + volume.mapSize] = S(w) + shift.x
                    coords[base + 2 * volume.mapSize] = S(h) + shift.y
                }
            }
        }
    }
    return (coords, values)
}

/// Whether the 27 values around an interior voxel are all finite.
@inline(__always)
private func neighbourhoodIsFinite<S: SubpixScalar>(_ centre: UnsafePointer<S>, volume: VoxelMaxima.Volume) -> Bool {
    for ds in -1...1 {
        for dy in -1...1 {
            for dx in -1...1 where !centre[ds * volume.plane + dy * volume.width + dx].isFinite { return false }
        }
    }
    return true
}

extension QuadraticFit3d {
    /// kornia 0.7.4 takes second derivatives by convolving the whole 3×3×3
    /// neighbourhood, zero taps included, so one infinite or NaN value there
    /// makes every Hessian entry NaN (`0 · ∞`). The gradient, taken by
    /// differences, is unaffected.
    mutating func poisonHessian() {
        (dxx, dyy, dss, dxy, dxs, dys) = (.nan, .nan, .nan, .nan, .nan, .nan)
    }
}

/// kornia 0.7.4's rule: a shift with a component above 0.7 in magnitude leaves
/// the voxel and is dropped. Like torch's `max`, a NaN component wins the
/// maximum, and `NaN > 0.7` is false, so a NaN shift is kept.
@inline(__always)
func discardsShift<S: SubpixScalar>(_ shift: Shift3<S>) -> Bool {
    if shift.x.isNaN || shift.y.isNaN || shift.s.isNaN { return false }
    return max(abs(shift.x), abs(shift.y), abs(shift.s)) > 0.7
}

/// kornia 0.7.4 adds `½ gᵀ0` to every voxel that is not refined; that is `0`
/// unless the voxel's central-difference gradient (replicate borders) is not
/// finite, when it is NaN. Only inputs holding a non-finite value, or values
/// large enough for a difference to overflow, can have such voxels, so the
/// caller runs the pass only for them.
private enum KorniaZeroShift {
    /// Applies the pass; returns whether the input holds a non-finite value.
    static func apply<S: SubpixScalar>(_ x: UnsafePointer<S>, volume: VoxelMaxima.Volume, into values: UnsafeMutablePointer<S>) -> Bool {
        let count = volume.maps * volume.mapSize
        let nonFinite = (0..<count).contains { !x[$0].isFinite }
        let (d, h, w) = (volume.depth, volume.height, volume.width)
        parallelFor(volume.maps * d, work: count) { item in
            let plane = item % d
            let planeBase = item * volume.plane
            let mapBase = planeBase - plane * volume.plane
            for row in 0..<h {
                for column in 0..<w {
                    let at = { (p: Int, r: Int, c: Int) in
                        x[mapBase + (min(max(p, 0), d - 1) * h + min(max(r, 0), h - 1)) * w + min(max(c, 0), w - 1)]
                    }
                    let gx = 0.5 * (at(plane, row, column + 1) - at(plane, row, column - 1))
                    let gy = 0.5 * (at(plane, row + 1, column) - at(plane, row - 1, column))
                    let gs = 0.5 * (at(plane + 1, row, column) - at(plane - 1, row, column))
                    let index = planeBase + row * w + column
                    values[index] = x[index] + 0.5 * (gx * 0 + gy * 0 + gs * 0)
                }
            }
        }
        return nonFinite
    }
}
