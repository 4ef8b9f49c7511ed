import CSubpixKernels

extension StrictMaxima {
    /// Writes output rows `rows` (of every plane) of one map with the float32 C
    /// kernel `subpix_strict_maxima_f32`, for kornia 0.9's border rule. Returns
    /// false, having written nothing that ``Block`` does not rewrite, when the
    /// kernel does not apply — another element type, kornia 0.7.4's replicate-padded
    /// rule, ``swiftOnly`` — or could not allocate its scratch.
    func runKernel<S: SubpixScalar>(
        _ x: UnsafePointer<S>, output: NMSOutput<S>, depth: Int, height: Int, width: Int, rows: Range<Int>
    ) -> Bool {
        guard S.self == Float.self, rule == .interior, !swiftOnly else { return false }
        var op = subpix_strict_maxima(
            depth: depth, height: height, width: width,
            kernel_depth: kernel.depth, kernel_height: kernel.height, kernel_width: kernel.width)
        let source = UnsafeRawPointer(x).assumingMemoryBound(to: Float.self)
        let status = switch output {
        case .mask(let mask):
            // A Bool is one byte holding 0 or 1, which is what the kernel writes.
            subpix_strict_maxima_f32(
                &op, source, rows.lowerBound, rows.upperBound,
                UnsafeMutableRawPointer(mask).assumingMemoryBound(to: UInt8.self), nil)
        case .values(let values):
            subpix_strict_maxima_f32(
                &op, source, rows.lowerBound, rows.upperBound, nil,
                UnsafeMutableRawPointer(values).assumingMemoryBound(to: Float.self))
        }
        return status == 0
    }
}
