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
