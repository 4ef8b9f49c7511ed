/// Kernel, stride and padding of a sliding-window op, validated once, with the
/// rule for where a window's cells sit (``WindowOffsets``). Each axis's formulas
/// (output size, window starts, offsets, the window centred on a cell) are those
/// of its ``WindowAxis``:
///
/// out = ⌊(in + 2·padding − (kernel − 1) − 1) / stride⌋ + 1
///
/// Like torch's pooling (kornia 0.7.4) and kornia 0.9's own check, padding may be at
/// most half the kernel (``WindowAxis/largestPadding(kernel:)``).
///
/// ```swift
/// let g = try WindowGeometry(op: "conv_soft_argmax2d", axes: 2, kernel: [3, 3], stride: [2, 2], padding: [1, 1])
/// try g.outputSize(for: [50, 32])   // [25, 16]
/// g.axis(1, length: 32).start(5)    // 9
/// ```
public struct WindowGeometry: Sendable, Equatable {
    public let kernel: [Int]
    public let stride: [Int]
    public let padding: [Int]
    /// Where each window's cells sit relative to its centre.
    public let offsets: WindowOffsets
    /// The kornia name of the op, used in error messages.
    public let op: String

    /// Checks that each of kernel, stride and padding has `axes` values, and
    /// kernel (> 0), stride (> 0) and padding (0 ... kernel / 2) per axis.
    public init(op: String, axes: Int, kernel: [Int], stride: [Int], padding: [Int], offsets: WindowOffsets = .linspace) throws {
        for (name, values) in [("kernel_size", kernel), ("stride", stride), ("padding", padding)] where values.count != axes {
            throw SubpixError(op, "expected \(name) with \(axes) values, got \(formatShape(values))")
        }
        if let bad = kernel.first(where: { $0 <= 0 }) {
            throw SubpixError(op, "expected kernel_size > 0 on every axis, got \(formatShape(kernel)) (\(bad))")
        }
        if let bad = stride.first(where: { $0 <= 0 }) {
            throw SubpixError(op, "expected stride > 0 on every axis, got \(formatShape(stride)) (\(bad))")
        }
        if let bad = padding.first(where: { $0 < 0 }) {
            throw SubpixError(op, "expected padding >= 0 on every axis, got \(formatShape(padding)) (\(bad))")
        }
        for axis in 0..<axes {
            let largest = WindowAxis.largestPadding(kernel: kernel[axis])
            guard padding[axis] <= largest else {
                if offsets == .pixels {   // kornia 0.9 checks this itself, in these words
                    throw SubpixError(
                        op, "padding must be non-negative and at most half of kernel_size, got \(formatShape(padding)) for kernel_size \(formatShape(kernel))")
                }
                throw SubpixError(
                    op, "expected padding at most half the kernel (\(largest) for kernel \(kernel[axis])), got \(padding[axis]) on axis \(axis)")
            }
        }
        self.op = op
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.offsets = offsets
    }

    /// Axis `axis` of the window over an input of `length` cells.
    public func axis(_ axis: Int, length: Int) -> WindowAxis {
        WindowAxis(length: length, kernel: kernel[axis], stride: stride[axis], padding: padding[axis], offsets: offsets)
    }

    /// The output size along one axis for an input of `length`, by the seed formula
    /// (zero for inputs smaller than the padded kernel).
    public func outputLength(_ length: Int, axis: Int) -> Int {
        self.axis(axis, length: length).outputs
    }

    /// The axes of the window over the spatial sizes `input`.
    ///
    /// - Throws: ``SubpixError`` when `input` has not one size per axis, or any
    ///   output axis would be empty.
    public func axes(for input: [Int]) throws -> [WindowAxis] {
        guard input.count == kernel.count else {
            throw SubpixError(op, "expected \(kernel.count) spatial sizes, got \(formatShape(input))")
        }
        let axes = input.indices.map { axis($0, length: input[$0]) }
        let sizes = axes.map(\.outputs)
        if sizes.contains(where: { $0 <= 0 }) {
            throw SubpixError(
                op, "expected a non-empty output, got \(formatShape(sizes)) for input \(formatShape(input)) with kernel \(formatShape(kernel)), stride \(formatShape(stride)), padding \(formatShape(padding))")
        }
        return axes
    }

    /// The output sizes for the spatial sizes `input`.
    ///
    /// - Throws: ``SubpixError`` when any output axis would be empty.
    public func outputSize(for input: [Int]) throws -> [Int] {
        try axes(for: input).map(\.outputs)
    }
}
