import Subpix
import SubpixPictures
import SubpixSession

/// One 2D map of a `(B, C, H, W)` or `(B, C, D, H, W)` tensor, read in place
/// (no copy of the plane), with its finite range and how many of its pixels
/// are NaN or infinite.
public struct MapSlice: Sendable {
    /// What a slice is cut from: a variable at a session revision, and the selection.
    struct Key: Hashable {
        var name: String
        var revision: Int
        var batch: Int, channel: Int, depth: Int
    }

    private enum Plane: Sendable {
        case float32(Tensor<Float>)
        case float64(Tensor<Double>)
    }

    public let width: Int
    public let height: Int
    private let plane: Plane
    private let offset: Int
    /// Smallest and largest finite values (0 and 1 when there are none).
    public let low: Double
    public let high: Double
    public let nanCount: Int
    public let infiniteCount: Int
    /// The pixel of the largest finite value (the first, row-major, on ties); nil when none is finite.
    public let peak: (x: Int, y: Int)?

    /// The map at (batch, channel[, depth]); indices are clamped into range.
    public init(_ tensor: AnyTensor, batch: Int, channel: Int, depth: Int) {
        let shape = tensor.shape
        let spatial = shape.count >= 2 ? Array(shape.suffix(2)) : [1, max(1, shape.first ?? 1)]
        (height, width) = (spatial[0], spatial[1])
        var start = 0
        if shape.count >= 4 {
            let b = min(max(0, batch), shape[0] - 1), c = min(max(0, channel), shape[1] - 1)
            let d = shape.count == 5 ? min(max(0, depth), shape[2] - 1) : 0
            start = ((b * shape[1] + c) * (shape.count == 5 ? shape[2] : 1) + d) * height * width
        }
        offset = start + height * width <= tensor.count ? start : 0
        switch tensor {
        case .float32(let t): plane = .float32(t)
        case .float64(let t): plane = .float64(t)
        }
        let range = offset..<min(tensor.count, offset + height * width)
        let stats: PlaneStatistics
        switch plane {
        case .float32(let t): stats = PlaneStatistics(t.elements[range])
        case .float64(let t): stats = PlaneStatistics(t.elements[range])
        }
        (low, high) = stats.low <= stats.high ? (stats.low, stats.high) : (0, 1)
        (nanCount, infiniteCount) = (stats.nans, stats.infinities)
        let width = width
        peak = stats.highIndex.map { ($0 % width, $0 / width) }
    }

    /// `float32` or `float64` applied to the tensor the slice is read from and the
    /// index of the slice's (H, W) plane in it (planes counted row-major).
    func visitPlane<R>(_ float32: (Tensor<Float>, Int) throws -> R, _ float64: (Tensor<Double>, Int) throws -> R) rethrows -> R {
        let plane = width * height > 0 ? offset / (width * height) : 0
        switch self.plane {
        case .float32(let t): return try float32(t, plane)
        case .float64(let t): return try float64(t, plane)
        }
    }

    public subscript(x: Int, y: Int) -> Double {
        switch plane {
        case .float32(let t): Double(t.elements[offset + y * width + x])
        case .float64(let t): t.elements[offset + y * width + x]
        }
    }

    /// The map's own colour scale: its finite range, centred on 0 when it is signed.
    public var colorScale: ColorScale { ColorScale(low: low, high: high, centred: isSigned) }

    /// True when the map has substantial values of both signs (a DoG, say; not
    /// a heatmap with a little negative noise): the diverging palette fits.
    public var isSigned: Bool { low < 0 && high > 0 && -low >= 0.2 * high }

    /// Position of `value` on the map's own colour scale, in [0, 1].
    public func scale(_ value: Double) -> Double { colorScale.position(value) }

    /// The block `xs × ys` reduced to one value (see ``BlockReduction``).
    func reduce(xs: Range<Int>, ys: Range<Int>, _ reduction: BlockReduction) -> Double {
        switch plane {
        case .float32(let t):
            t.elements.withUnsafeBufferPointer { p in reduction.reduce(xs: xs, ys: ys, signed: isSigned) { x, y in Double(p[offset + y * width + x]) } }
        case .float64(let t):
            t.elements.withUnsafeBufferPointer { p in reduction.reduce(xs: xs, ys: ys, signed: isSigned) { x, y in p[offset + y * width + x] } }
        }
    }
}

/// The finite range and the non-finite counts of some values, in one pass.
struct PlaneStatistics {
    var low = Double.infinity, high = -Double.infinity
    var nans = 0, infinities = 0
    /// Position of the first largest finite value among the values; nil when none is finite.
    var highIndex: Int?

    init<C: Collection>(_ values: C) where C.Element: BinaryFloatingPoint {
        for (index, value) in values.enumerated() {
            if value.isFinite {
                let v = Double(value)
                low = Swift.min(low, v)
                if v > high { (high, highIndex) = (v, index) }
            } else if value.isNaN {
                nans += 1
            } else {
                infinities += 1
            }
        }
    }
}
