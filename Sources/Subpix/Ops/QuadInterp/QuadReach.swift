/// Where kornia 0.9's `conv_quad_interp3d` can refine: it solves the quadratic
/// fit only at the interior voxels within `radius` (L∞) of a maximum of the same
/// map — the maxima "dilated" by `dilation_radius` — and rejects a maximum whose
/// centre moves to any other voxel. `iterative_quad_interp3d` has no such limit.
///
/// The maximum a point started from is in the map's maxima, so any centre within
/// `radius` of its start is in reach without looking further.
struct QuadReach: Sendable {
    /// kornia's `dilation_radius`; a negative one reaches no voxel.
    let radius: Int

    /// Whether `centre` (an interior voxel of `volume`) is within `radius` of a maximum
    /// of `maxima`, the map's mask, for a point that started at the maximum `start`.
    func contains(
        _ centre: (d: Int, h: Int, w: Int), from start: (d: Int, h: Int, w: Int),
        maxima: UnsafePointer<Bool>, volume: VoxelMaxima.Volume
    ) -> Bool {
        guard radius >= 0 else { return false }
        if abs(centre.d - start.d) <= radius, abs(centre.h - start.h) <= radius, abs(centre.w - start.w) <= radius { return true }
        for d in max(0, centre.d - radius)...min(volume.depth - 1, centre.d + radius) {
            for h in max(0, centre.h - radius)...min(volume.height - 1, centre.h + radius) {
                for w in max(0, centre.w - radius)...min(volume.width - 1, centre.w + radius)
                where maxima[(d * volume.height + h) * volume.width + w] {
                    return true
                }
            }
        }
        return false
    }
}
