import CSubpixKernels

/// The float32 C kernel of the conv soft-argmax engine (`subpix_window_soft_argmax_f32`),
/// set up once per call with the geometry and kornia's window centres that
/// ``WindowedSoftArgmax`` derives; `nil` for element types other than `Float`.
final class WindowKernel<S: SubpixScalar> {
    /// The geometry and constants the kernels read (the backward kernel too).
    let op: subpix_window_soft_argmax
    /// Per output row `(od, oy)`: x weight, y base, d base (three runs of `D_out × H_out`).
    private let rowCentres: UnsafeMutablePointer<Float>

    init?(_ engine: WindowedSoftArgmax<S>, centres: ColumnCentres<S>) {
        guard S.self == Float.self else { return nil }
        let rows = engine.depth.outputs * engine.height.outputs
        rowCentres = .allocate(capacity: 3 * rows)
        for od in 0..<engine.depth.outputs {
            for oy in 0..<engine.height.outputs {
                let (xWeight, yBase, dBase) = engine.rowCentre(od: od, oy: oy)
                let row = od * engine.height.outputs + oy
                (rowCentres + row).initialize(to: Float(xWeight))
                (rowCentres + rows + row).initialize(to: Float(yBase))
                (rowCentres + 2 * rows + row).initialize(to: Float(dBase))
            }
        }
        let columns = UnsafeRawPointer(centres.coordinateSum).assumingMemoryBound(to: Float.self)
        op = subpix_window_soft_argmax(
            depth: Self.axis(engine.depth, normalized: engine.normalized),
            height: Self.axis(engine.height, normalized: engine.normalized),
            width: Self.axis(engine.width, normalized: engine.normalized),
            temperature: Float(engine.temperature), eps: Float(engine.eps), volumetric: engine.volumetric ? 1 : 0,
            column_centre_sum: columns, column_in_range: columns + engine.width.outputs,
            row_x_weight: rowCentres, row_y_base: rowCentres + rows, row_d_base: rowCentres + 2 * rows)
    }

    deinit { rowCentres.deallocate() }

    /// Writes output rows `rows` (of every depth output) of one map; false when
    /// the kernel could not allocate its scratch memory (nothing is written then).
    func run(_ map: UnsafePointer<S>, peak: S, rows: Range<Int>, coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>?) -> Bool {
        let status = withUnsafePointer(to: op) { op in
            subpix_window_soft_argmax_f32(
                op, UnsafeRawPointer(map).assumingMemoryBound(to: Float.self), Float(peak), rows.lowerBound, rows.upperBound,
                UnsafeMutableRawPointer(coords).assumingMemoryBound(to: Float.self),
                values.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Float.self) })
        }
        return status == 0
    }

    private static func axis(_ axis: WindowAxis, normalized: Bool) -> subpix_window_axis {
        let output = OutputAxis<Float>(axis, normalized: normalized)
        return subpix_window_axis(
            length: axis.length, kernel: axis.kernel, stride: axis.stride, padding: axis.padding, outputs: axis.outputs,
            scale: output.scale, shift: output.shift, factor: output.factor, offset: output.offset)
    }
}
