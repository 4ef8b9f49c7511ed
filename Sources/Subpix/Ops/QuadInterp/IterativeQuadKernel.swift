import CSubpixKernels

extension Refiner {
    /// Refines every maximum of `maxima` (flat indices into the maps, whose mask is
    /// `mask`, where ``reach`` looks) with the float32 C kernel
    /// `subpix_iterative_quad_f32` — the loop of ``refine(_:from:maxima:trace:)`` in the same
    /// operations — writing the refined ones into `coords` and `values`, spread over
    /// the cores. Returns false, having written nothing, for element types other than
    /// `Float` (the Swift loop then runs; it is also the reference the tests compare against).
    func runKernel(
        _ x: UnsafePointer<S>, maxima: [Int], mask: UnsafePointer<Bool>, cost: Int,
        coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>
    ) -> Bool {
        guard S.self == Float.self else { return false }
        let op = subpix_iterative_quad(
            depth: volume.depth, height: volume.height, width: volume.width, iterations: fitLimit,
            max_shift: Float(maxShift), scale_steps: scaleSteps ? 1 : 0,
            reach_mask: reach == nil ? nil : UnsafeRawPointer(mask).assumingMemoryBound(to: UInt8.self),
            reach_radius: reach?.radius ?? 0)
        let source = UnsafeRawPointer(x).assumingMemoryBound(to: Float.self)
        let coordinates = UnsafeMutableRawPointer(coords).assumingMemoryBound(to: Float.self)
        let refinedValues = UnsafeMutableRawPointer(values).assumingMemoryBound(to: Float.self)
        withUnsafePointer(to: op) { op in
            VoxelMaxima.forEachPiece(maxima, costPerItem: cost) { piece in
                _ = subpix_iterative_quad_f32(op, source, piece.baseAddress, piece.count, coordinates, refinedValues)
            }
        }
        return true
    }
}
