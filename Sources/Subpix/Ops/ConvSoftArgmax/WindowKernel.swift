import CSubpixKernels

/// The float32 C kernel of the conv soft-argmax engine (`subpix_window_soft_argmax_f32`),
/// set up once per call with the geometry and kornia's window centres that
/// ``WindowedSoftArgmax`` derives; `nil` for element types other than `Float`.
final class WindowKernel<S: SubpixScalar> {
    /// The geometry and constants the kernels read (the backward kernel too).
    let op: subpix_window_soft_argmax
    /// Per output row `(od, oy)`: x weight, y base, d base (three runs of `D_out × H_out`).
    private let rowCentres: UnsafeMutablePointer<Float>
    /// The height axis, whose windows ``runBand(_:peak:rows:coords:values:)`` starts a band at.
    private let height: WindowAxis

    init?(_ engine: WindowedSoftArgmax<S>, centres: ColumnCentres<S>) {
        guard S.self == Float.self else { return nil }
        height = engine.height
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
            temperature: Float(engine.temperature), eps: Float(engine.eps), weak_mass: Float(engine.weakMass),
            volumetric: engine.volumetric ? 1 : 0,
            column_centre_sum: columns, column_in_range: columns + engine.width.outputs,
            row_x_weight: rowCentres, row_y_base: rowCentres + rows, row_d_base: rowCentres + 2 * rows)
    }

    deinit { rowCentres.deallocate() }

    /// Writes output rows `rows` (of every depth output) of one map and returns how
    /// many windows it marked for ``WindowedSoftArgmax/ownWindows(_:rows:into:kernel:band:)``; nil
    /// when the kernel could not allocate its scratch memory (nothing is written then).
    func run(_ map: UnsafePointer<S>, peak: S, rows: Range<Int>, coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>?) -> Int? {
        let status = withUnsafePointer(to: op) { op in
            subpix_window_soft_argmax_f32(
                op, UnsafeRawPointer(map).assumingMemoryBound(to: Float.self), Float(peak), rows.lowerBound, rows.upperBound,
                UnsafeMutableRawPointer(coords).assumingMemoryBound(to: Float.self),
                values.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Float.self) })
        }
        return status >= 0 ? Int(status) : nil
    }

    /// Writes output rows `rows` of one 2D map into buffers of those rows only:
    /// `coords` holds the x plane then the y plane (`rows.count × W_out` each),
    /// `values` the pooled values. The same entry point runs on a view of the
    /// problem that starts at the band: the map from the band's first input row
    /// (with the padding that is left above it), `rows.count` outputs, and the row
    /// tables from the band's first row — so each row's numbers are those of a
    /// work item of `run` that starts at `rows.lowerBound`. Returns how many
    /// windows it marked, as ``run(_:peak:rows:coords:values:)``; nil when the
    /// kernel could not allocate its scratch memory.
    func runBand(_ map: UnsafePointer<S>, peak: S, rows: Range<Int>, coords: UnsafeMutablePointer<S>, values: UnsafeMutablePointer<S>) -> Int? {
        let (band, start) = bandView(map, rows: rows)
        let status = withUnsafePointer(to: band) { band in
            subpix_window_soft_argmax_f32(
                band, floatElements(start), Float(peak), 0, rows.count, floatElements(coords), floatElements(values))
        }
        return status >= 0 ? Int(status) : nil
    }

    /// The problem seen from output row `rows.lowerBound` on, as ``runBand(_:peak:rows:coords:values:)``
    /// runs it: the map from the band's first input row (with the padding that is
    /// left above it), `rows.count` outputs, the row tables from the band's first row.
    private func bandView(_ map: UnsafePointer<S>, rows: Range<Int>) -> (op: subpix_window_soft_argmax, map: UnsafePointer<S>) {
        var band = op
        let top = height.start(rows.lowerBound)   // input row of the band's first window
        let skipped = Swift.max(0, top)
        band.height.length = op.height.length - skipped
        band.height.padding = skipped > 0 ? 0 : -top
        band.height.outputs = rows.count
        let tableRows = Int(op.height.outputs)
        band.row_x_weight = UnsafePointer(rowCentres + rows.lowerBound)
        band.row_y_base = UnsafePointer(rowCentres + tableRows + rows.lowerBound)
        band.row_d_base = UnsafePointer(rowCentres + 2 * tableRows + rows.lowerBound)
        return (band, map + skipped * Int(op.width.length))
    }

    /// kornia 0.9's outputs of the windows of output rows `rows` that ``run(_:peak:rows:coords:values:)``
    /// (or ``runBand(_:peak:rows:coords:values:)`` with `band`) marked, each window's
    /// softmax on its own by the online rescale (`subpix_window_soft_argmax_own_f32`),
    /// into `outputs`; false when the kernel could not allocate its scratch memory.
    func ownWindows(_ map: UnsafePointer<S>, rows: Range<Int>, into outputs: WindowedSoftArgmax<S>.OutputRows, band: Bool) -> Bool {
        let (view, start) = band ? bandView(map, rows: rows) : (op, map)
        let (first, last) = band ? (0, rows.count) : (rows.lowerBound, rows.upperBound)
        let held = outputs.heldRows
        let status = withUnsafePointer(to: view) { view in
            subpix_window_soft_argmax_own_f32(
                view, floatElements(start), first, last, band ? 0 : held.lowerBound, held.count,
                floatElements(outputs.x), floatElements(outputs.y), outputs.d.map(floatElements), outputs.values.map(floatElements))
        }
        return status >= 0
    }

    private static func axis(_ axis: WindowAxis, normalized: Bool) -> subpix_window_axis {
        let output = OutputAxis<Float>(axis, normalized: normalized)
        return subpix_window_axis(
            length: axis.length, kernel: axis.kernel, stride: axis.stride, padding: axis.padding, outputs: axis.outputs,
            scale: output.scale, shift: output.shift, factor: output.factor, offset: output.offset)
    }
}
