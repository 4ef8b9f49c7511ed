import Foundation
import SubpixScript

/// The window centred on a pixel: its values, `e = exp((x − max) / T)` and the
/// normalised softmax weights (padding cells are nil, shown as `·`).
struct WindowWeights {
    let values: [[Double?]]
    let exponentials: [[Double?]]
    let rows: [[Double?]]

    init?(_ slice: MapSlice, x: Int, y: Int, view: ViewSettings) {
        let (kh, kw) = (view.kernelSize[0], view.kernelSize[1])
        guard kh <= 7, kw <= 7 else { return nil }
        let (top, left) = (y - (kh - 1) / 2, x - (kw - 1) / 2)
        values = (0..<kh).map { r in (0..<kw).map { c in
            let (yy, xx) = (top + r, left + c)
            return xx >= 0 && yy >= 0 && xx < slice.width && yy < slice.height ? slice[xx, yy] : nil
        } }
        // kornia subtracts the map's maximum; the window's maximum gives the same normalised weights.
        let peak = values.joined().compactMap { $0 }.max() ?? 0
        exponentials = values.map { $0.map { $0.map { Foundation.exp(($0 - peak) / view.temperature) } } }
        let total = exponentials.joined().compactMap { $0 }.reduce(0, +)
        rows = exponentials.map { $0.map { $0.map { $0 / total } } }
    }
}

extension WindowWeights {
    /// kornia's `conv_soft_argmax2d` output (x, y) for the window centred on pixel
    /// (x, y), computed from the map itself (no dense output is kept): with
    /// `e = exp((v − max) / T)` over the window's cells inside the map,
    /// `Σ e · (centre + offset) / (Σ e + eps)`, kornia's offsets `2t / (k − 1) − 1`.
    /// Nil when no output window is centred there (stride, padding).
    static func coordinate(_ slice: MapSlice, x: Int, y: Int, view: ViewSettings, eps: Double = 1e-8) -> (x: Double, y: Double)? {
        let (pixel, size) = ([y, x], [slice.height, slice.width])
        for axis in 0..<2 {
            let (k, s, p) = (view.kernelSize[axis], view.stride[axis], view.padding[axis])
            let shifted = pixel[axis] + p - (k - 1) / 2
            let outputs = (size[axis] + 2 * p - (k - 1) - 1) / s + 1
            guard shifted >= 0, shifted % s == 0, shifted / s < outputs else { return nil }
        }
        let (kh, kw) = (view.kernelSize[0], view.kernelSize[1])
        // kornia subtracts the map's maximum, which is NaN when any value is not finite.
        let peak = slice.nanCount + slice.infiniteCount > 0 ? Double.nan : slice.high
        func offset(_ t: Int, _ k: Int) -> Double { k > 1 ? 2 * Double(t) / Double(k - 1) - 1 : 0 }
        var (total, sumX, sumY) = (0.0, 0.0, 0.0)
        for r in 0..<kh {
            for c in 0..<kw {
                let (yy, xx) = (y - (kh - 1) / 2 + r, x - (kw - 1) / 2 + c)
                guard xx >= 0, yy >= 0, xx < slice.width, yy < slice.height else { continue }
                let e = Foundation.exp((slice[xx, yy] - peak) / view.temperature)
                total += e
                sumX += e * (Double(x) + offset(c, kw))
                sumY += e * (Double(y) + offset(r, kh))
            }
        }
        return (sumX / (total + eps), sumY / (total + eps))
    }
}
