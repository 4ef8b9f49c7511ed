/// One window of ``convSoftArgmax2d(_:kernelSize:stride:padding:temperature:normalizedCoordinates:eps:outputValue:version:)``
/// worked out cell by cell, in `Double`, for explaining a number: the window
/// whose tap (0, 0) is at map cell `origin`, over its cells inside the map
/// (padding adds nothing), gives
///
///     e = exp((x − max x) / T),   p = e / (Σ e + eps)
///     (x̂, ŷ) = centre + Σ p · (offset_x, offset_y),   value = Σ p · x
///
/// with `max x` the window's own maximum and no `eps` (kornia 0.9), or the map's
/// maximum (kornia 0.7.4); kornia's window centre and the cells' offsets from it
/// (``WindowAxis/cellOffsets``), by release. At an output's window (origin
/// ``WindowAxis/start(_:)`` per axis) the coordinate and value are the op's
/// output there to rounding: the same sums, the same centre and the same
/// formula as the op's engine, added here cell by cell.
///
/// ```swift
/// let geometry = try WindowGeometry(op: "conv_soft_argmax2d", axes: 2, kernel: [3, 3], stride: [1, 1], padding: [1, 1])
/// let window = try ConvSoftArgmaxWindow(heat, plane: 0, origin: [12, 13], geometry: geometry)
/// window.coordinate   // (x, y) of output (13, 14): convSoftArgmax2d(heat, normalizedCoordinates: false) there
/// ```
public struct ConvSoftArgmaxWindow: Sendable, Equatable {
    /// Map cell (row, column) of the window's tap (0, 0); negative inside the leading padding.
    public let origin: [Int]
    /// Per window row and column: the map's value, nil on padding.
    public let values: [[Double?]]
    /// `e = exp((x − max x) / T)` per cell (the window's max in kornia 0.9, the map's in 0.7.4), nil on padding.
    public let exponentials: [[Double?]]
    /// The softmax weights `p = e / (Σ e + eps)` per cell, nil on padding.
    public let weights: [[Double?]]
    /// kornia's window centre (x, y): the mean of the window's centre cells'
    /// coordinates (kornia 0.7.4 counts a centre cell on the padding as 0).
    public let centre: [Double]
    /// `Σ p · offset` (x, y): what the soft-argmax adds to the centre.
    public let meanOffset: [Double]
    /// The soft-argmax (x, y) in pixels: `centre + meanOffset`.
    public let coordinate: [Double]
    /// The soft-pooled value `Σ p · x`.
    public let value: Double

    /// The window at `origin` (row, column) of map `plane` of `maps`, whose last two
    /// axes are (H, W) and whose leading axes number the maps row-major (plane
    /// `b · C + c` of a `(B, C, H, W)` tensor).
    ///
    /// - Throws: ``SubpixError`` (named by `geometry.op`) for a geometry or origin
    ///   that is not 2D, an empty map, a plane out of range, or a temperature that
    ///   is not positive.
    public init<S: SubpixScalar>(
        _ maps: Tensor<S>, plane: Int, origin: [Int], geometry: WindowGeometry, temperature: Double = 1.0, eps: Double = 1e-8,
        version: KorniaVersion = .default
    ) throws {
        let op = geometry.op
        guard geometry.kernel.count == 2, origin.count == 2 else {
            throw SubpixError(op, "expected a 2D window, got kernel_size \(formatShape(geometry.kernel)) and origin \(formatShape(origin))")
        }
        try requirePositiveTemperature(temperature, op: op)
        let shape = maps.shape
        let (height, width) = shape.count >= 2 ? (shape[shape.count - 2], shape[shape.count - 1]) : (0, 0)
        guard height > 0, width > 0, plane >= 0, plane < maps.count / (height * width) else {
            throw SubpixError(op, "expected map \(plane) of a tensor of non-empty (H, W) maps, got shape \(formatShape(shape))")
        }
        // The geometry's axes with the release's offsets and centres.
        let release = try WindowGeometry(
            op: op, axes: 2, kernel: geometry.kernel, stride: geometry.stride, padding: geometry.padding, offsets: WindowOffsets(version))
        let engine = WindowedSoftArgmax<Double>(
            depth: .single, height: release.axis(0, length: height), width: release.axis(1, length: width),
            temperature: temperature, eps: eps, normalized: false, volumetric: false, version: version)
        self = maps.withUnsafeBufferPointer { buffer in
            let map = UnsafeBufferPointer(rebasing: buffer[(plane * height * width)..<((plane + 1) * height * width)])
            return Self(map, origin: origin, engine: engine)
        }
    }

    /// Adds up the window cell by cell with the engine's numerators, centre and
    /// coordinate formula (``OutputAxis``).
    private init<S: SubpixScalar>(_ map: UnsafeBufferPointer<S>, origin: [Int], engine: WindowedSoftArgmax<Double>) {
        let (rows, columns) = (engine.height, engine.width)
        let peak = engine.perWindow
            ? Self.windowMaximum(map, origin: origin, rows: rows, columns: columns)
            : map.baseAddress.map { Double(MapReduction.maximum($0, count: map.count)) } ?? .nan
        let (scale, offset) = (1 / engine.temperature, peak / engine.temperature)
        var (mass, momentX, momentY, pooled) = (0.0, 0.0, 0.0, 0.0)
        var values: [[Double?]] = [], exponentials: [[Double?]] = []
        for tapY in 0..<rows.kernel {
            var (rowValues, rowExponentials) = ([Double?](), [Double?]())
            for tapX in 0..<columns.kernel {
                let (y, x) = (origin[0] + tapY, origin[1] + tapX)
                guard y >= 0, y < rows.length, x >= 0, x < columns.length else {
                    rowValues.append(nil)
                    rowExponentials.append(nil)
                    continue
                }
                var (value, e) = (Double(map[y * columns.length + x]), 0.0)
                Double.exponentials(&value, count: 1, scale: scale, offset: offset, into: &e)
                mass += e
                momentX += Double(tapX) * e
                momentY += Double(tapY) * e
                pooled += e * value
                rowValues.append(value)
                rowExponentials.append(e)
            }
            values.append(rowValues)
            exponentials.append(rowExponentials)
        }
        let reciprocal = 1 / (mass + engine.eps)
        let (centreX, centreY) = (columns.centre(start: origin[1]), rows.centre(start: origin[0]))
        let (xWeight, yBase, _) = engine.rowCentre(depth: WindowAxis.single.centre(0), height: centreY)
        let centre = [Double(centreX.coordinateSum) * xWeight, yBase * Double(centreX.inRange)]
        let (xAxis, yAxis) = (OutputAxis<Double>(columns, normalized: false), OutputAxis<Double>(rows, normalized: false))
        self.origin = origin
        self.values = values
        self.exponentials = exponentials
        weights = exponentials.map { $0.map { $0.map { $0 * reciprocal } } }
        self.centre = centre
        meanOffset = [xAxis.meanOffset(mass: mass, moment: momentX, reciprocal: reciprocal),
                      yAxis.meanOffset(mass: mass, moment: momentY, reciprocal: reciprocal)]
        coordinate = [xAxis.coordinate(centre: centre[0], mass: mass, moment: momentX, reciprocal: reciprocal),
                      yAxis.coordinate(centre: centre[1], mass: mass, moment: momentY, reciprocal: reciprocal)]
        value = pooled * reciprocal
    }

    /// The largest value of the window's cells inside the map (NaN when one is NaN).
    private static func windowMaximum<S: SubpixScalar>(_ map: UnsafeBufferPointer<S>, origin: [Int], rows: WindowAxis, columns: WindowAxis) -> Double {
        var peak = -Double.infinity
        for y in Swift.max(0, origin[0])..<Swift.min(rows.length, Swift.max(0, origin[0] + rows.kernel)) {
            for x in Swift.max(0, origin[1])..<Swift.min(columns.length, Swift.max(0, origin[1] + columns.kernel)) {
                let value = Double(map[y * columns.length + x])
                peak = value.isNaN || peak.isNaN ? .nan : Swift.max(peak, value)
            }
        }
        return peak
    }
}
