/// Where the cells of a sliding window sit relative to the window's centre: the
/// offset `g(t)` that the soft-argmax ops add to the centre for cell `t` of a
/// `k`-cell window. Every rule is `g(t) = scale · t − shift`, the form the
/// kernels take (``scaleAndShift(kernel:)``).
///
/// ```swift
/// WindowOffsets.linspace.offsets(kernel: 5)   // [-1, -0.5, 0, 0.5, 1]
/// ```
public enum WindowOffsets: Sendable, Equatable {
    /// kornia 0.7.4's `linspace(−1, 1, k)`: `g(t) = 2t / (k − 1) − 1`, so the window
    /// spans [−1, 1] pixels whatever its size (−1, 0, 1 for k = 3; −1, −⅓, ⅓, 1 for
    /// k = 4). A one-cell window's only cell is at its centre, offset 0 (kornia
    /// gives −1 in 2D and NaN in 3D there; see docs/api.md).
    case linspace

    /// `(scale, shift)` with `g(t) = scale · t − shift` for a window of `kernel` cells.
    public func scaleAndShift(kernel: Int) -> (scale: Double, shift: Double) {
        switch self {
        case .linspace: kernel > 1 ? (2 / Double(kernel - 1), 1) : (0, 0)
        }
    }

    /// The offset of cell `tap` of a window of `kernel` cells.
    public func offset(_ tap: Int, kernel: Int) -> Double {
        let (scale, shift) = scaleAndShift(kernel: kernel)
        return scale * Double(tap) - shift
    }

    /// The offsets of every cell of a window of `kernel` cells.
    public func offsets(kernel: Int) -> [Double] {
        (0..<kernel).map { offset($0, kernel: kernel) }
    }

    /// The rule as a formula of the cell `t` and the kernel `k`, for explanations.
    public var formula: String {
        switch self {
        case .linspace: "2t/(k−1) − 1"
        }
    }
}
