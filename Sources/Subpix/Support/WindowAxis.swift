/// One axis of a sliding window (a ``WindowGeometry``) over an input of `length`
/// cells — every formula of the window's geometry along an axis: how many outputs
/// there are, where each output's window starts, which of its taps land inside
/// the input (the rest fall on the padding, which adds nothing), which window is
/// centred on a cell, kornia's centre cells, and where each cell sits relative to
/// the centre (``WindowOffsets``, one rule per kornia release).
///
/// ```swift
/// let geometry = try WindowGeometry(op: "conv_soft_argmax2d", axes: 2, kernel: [3, 3], stride: [2, 2], padding: [1, 1])
/// let width = geometry.axis(1, length: 32)
/// width.outputs                  // 16
/// width.start(5)                 // 9: output 5's window covers cells 9, 10, 11
/// width.output(centredOn: 10)    // 5
/// width.cellOffsets              // [-1, 0, 1]
/// ```
public struct WindowAxis: Sendable, Equatable {
    public let length: Int
    public let kernel: Int
    public let stride: Int
    public let padding: Int
    /// Where the window's cells sit relative to its centre.
    public let offsets: WindowOffsets
    /// The seed's output size `⌊(length + 2·padding − (kernel − 1) − 1) / stride⌋ + 1`,
    /// 0 when the padded input is shorter than the kernel.
    public let outputs: Int
    /// The window's centre cells: one for an odd kernel, two for an even one
    /// (kornia's `_get_center_kernel2d`/`3d`).
    let centreTaps: Range<Int>

    /// An axis as given, unchecked (``WindowGeometry`` checks kernel, stride and padding).
    init(length: Int, kernel: Int, stride: Int, padding: Int, offsets: WindowOffsets) {
        self.length = length
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.offsets = offsets
        let span = length + 2 * padding - (kernel - 1) - 1
        outputs = span >= 0 ? span / stride + 1 : 0
        centreTaps = kernel % 2 == 1 ? (kernel / 2)..<(kernel / 2 + 1) : (kernel / 2 - 1)..<(kernel / 2 + 1)
    }

    /// The depth axis of a 2D map seen as a volume of depth 1: a one-cell window, one output.
    static let single = WindowAxis(length: 1, kernel: 1, stride: 1, padding: 0, offsets: .linspace)

    /// The most padding a kernel of `kernel` cells takes: half of it (as torch's pooling).
    public static func largestPadding(kernel: Int) -> Int { kernel / 2 }

    /// Input index of tap 0 of output `o` (negative inside the leading padding).
    @inline(__always) public func start(_ output: Int) -> Int { output * stride - padding }

    /// Input index of tap 0 of the window centred on `cell`: the window whose
    /// centre cell (the first of the two for an even kernel) is `cell`.
    public func start(centredOn cell: Int) -> Int { cell - centreTaps.lowerBound }

    /// The output whose window is centred on `cell` (see ``start(centredOn:)``), or
    /// nil when there is none: the stride skips it, or the window would reach
    /// beyond the padding.
    public func output(centredOn cell: Int) -> Int? {
        let steps = start(centredOn: cell) + padding
        guard steps >= 0, steps % stride == 0, steps / stride < outputs else { return nil }
        return steps / stride
    }

    /// The offset of tap `t` from the window's centre (``WindowOffsets``).
    public func offset(_ tap: Int) -> Double { offsets.offset(tap, kernel: kernel) }

    /// The offsets of every tap from the window's centre.
    public var cellOffsets: [Double] { offsets.offsets(kernel: kernel) }

    /// ``offset(_:)`` is `offsetScale · t − offsetShift`.
    var offsetScale: Double { offsets.scaleAndShift(kernel: kernel).scale }
    var offsetShift: Double { offsets.scaleAndShift(kernel: kernel).shift }

    /// The taps of output `o` that land inside the input.
    @inline(__always) func taps(_ output: Int) -> Range<Int> {
        let first = start(output)
        let lower = Swift.max(0, -first)
        return lower..<Swift.max(lower, Swift.min(kernel, length - first))
    }

    /// The outputs whose window puts tap `tap` inside the input.
    func outputs(placingInside tap: Int) -> Range<Int> {
        let lower = Swift.max(0, (padding - tap + stride - 1) / stride)
        let last = length - 1 + padding - tap   // the tap lands inside while o · stride <= last
        let upper = last < 0 ? 0 : Swift.min(outputs, last / stride + 1)
        return lower..<Swift.max(lower, upper)
    }

    /// The input cells any output in `outputs` reads.
    func inputSpan(_ outputs: Range<Int>) -> Range<Int> {
        guard let first = outputs.first, let last = outputs.last else { return 0..<0 }
        let lower = Swift.max(0, start(first))
        return lower..<Swift.max(lower, Swift.min(length, start(last) + kernel))
    }

    /// The input cell at the centre of output `o`'s window (`kernel / 2` taps in),
    /// or `nil` when it falls on the trailing padding.
    @inline(__always) func centreCell(_ output: Int) -> Int? {
        let cell = start(output) + kernel / 2
        return cell < length ? cell : nil
    }

    /// The sum of the in-range centre cells' coordinates and how many are in range,
    /// for output `o`'s window.
    @inline(__always) func centre(_ output: Int) -> (coordinateSum: Int, inRange: Int) {
        centre(start: start(output))
    }

    /// The sum of the in-range centre cells' coordinates and how many are in range,
    /// for the window whose tap 0 is at input index `start`. Where the centre's grid
    /// continues into the padding (``WindowOffsets/pixels``) every centre cell counts.
    @inline(__always) func centre(start: Int) -> (coordinateSum: Int, inRange: Int) {
        var sum = 0
        var count = 0
        let everyCell = offsets.centreContinuesIntoPadding
        for tap in centreTaps {
            let cell = start + tap
            if everyCell || (cell >= 0 && cell < length) {
                sum += cell
                count += 1
            }
        }
        return (sum, count)
    }
}
