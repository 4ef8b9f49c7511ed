/// Kernel, stride and padding of a sliding-window op, validated once, with the
/// output size of the seed's formula:
///
/// out = ⌊(in + 2·padding − (kernel − 1) − 1) / stride⌋ + 1
///
/// Like torch's pooling, padding may be at most half the kernel.
///
/// ```swift
/// let g = try WindowGeometry(op: "conv_soft_argmax2d", axes: 2, kernel: [3, 3], stride: [2, 2], padding: [1, 1])
/// try g.outputSize(for: [50, 32])   // [25, 16]
/// ```
public struct WindowGeometry: Sendable, Equatable {
    public let kernel: [Int]
    public let stride: [Int]
    public let padding: [Int]
    /// The kornia name of the op, used in error messages.
    public let op: String

    /// Checks that each of kernel, stride and padding has `axes` values, and
    /// kernel (> 0), stride (> 0) and padding (0 ... kernel / 2) per axis.
    public init(op: String, axes: Int, kernel: [Int], stride: [Int], padding: [Int]) throws {
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
        for axis in 0..<axes where padding[axis] > kernel[axis] / 2 {
            throw SubpixError(
                op, "expected padding at most half the kernel (\(kernel[axis] / 2) for kernel \(kernel[axis])), got \(padding[axis]) on axis \(axis)")
        }
        self.op = op
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
    }

    /// The output size along one axis for an input of `length`, by the seed formula
    /// (may be zero or negative for inputs smaller than the padded kernel).
    public func outputLength(_ length: Int, axis: Int) -> Int {
        let span = length + 2 * padding[axis] - (kernel[axis] - 1) - 1
        return span >= 0 ? span / stride[axis] + 1 : 0
    }

    /// The output sizes for the spatial sizes `input`.
    ///
    /// - Throws: ``SubpixError`` when any output axis would be empty.
    public func outputSize(for input: [Int]) throws -> [Int] {
        let sizes = input.indices.map { outputLength(input[$0], axis: $0) }
        if sizes.contains(where: { $0 <= 0 }) {
            throw SubpixError(
                op, "expected a non-empty output, got \(formatShape(sizes)) for input \(formatShape(input)) with kernel \(formatShape(kernel)), stride \(formatShape(stride)), padding \(formatShape(padding))")
        }
        return sizes
    }
}
