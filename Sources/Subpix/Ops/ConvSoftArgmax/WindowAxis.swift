/// One axis of a sliding window over an input of `length` cells: where each
/// output's window starts, which of its taps land inside the input (the rest
/// fall on zero padding), and kornia's centre cells.
struct WindowAxis: Sendable {
    let length: Int
    let kernel: Int
    let stride: Int
    let padding: Int
    let outputs: Int
    /// The window's centre cells: one for an odd kernel, two for an even one
    /// (kornia's `_get_center_kernel2d`/`3d`).
    let centreTaps: Range<Int>

    init(length: Int, kernel: Int, stride: Int, padding: Int, outputs: Int) {
        self.length = length
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.outputs = outputs
        centreTaps = kernel % 2 == 1 ? (kernel / 2)..<(kernel / 2 + 1) : (kernel / 2 - 1)..<(kernel / 2 + 1)
    }

    /// Input index of tap 0 of output `o` (negative inside the leading padding).
    @inline(__always) func start(_ output: Int) -> Int { output * stride - padding }

    /// The taps of output `o` that land inside the input.
    @inline(__always) func taps(_ output: Int) -> Range<Int> {
        let first = start(output)
        let lower = Swift.max(0, -first)
        return lower..<Swift.max(lower, Swift.min(kernel, length - first))
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

    /// The sum of the in-range centre cells' coordinates and how many are in range.
    @inline(__always) func centre(_ output: Int) -> (coordinateSum: Int, inRange: Int) {
        var sum = 0
        var count = 0
        for tap in centreTaps {
            let cell = start(output) + tap
            if cell >= 0 && cell < length {
                sum += cell
                count += 1
            }
        }
        return (sum, count)
    }

    /// kornia's window offsets `g(t) = 2t / (k − 1) − 1` are `scale · t − shift`.
    /// A one-cell window has its only cell at its centre: offset 0 (kornia gives
    /// −1 in 2D and NaN in 3D there; see docs/api.md).
    var offsetScale: Double { kernel > 1 ? 2 / Double(kernel - 1) : 0 }
    var offsetShift: Double { kernel > 1 ? 1 : 0 }
}
