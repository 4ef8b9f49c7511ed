/// Where the cells of a sliding window sit relative to the window's centre: the
/// offset `g(t)` that the soft-argmax ops add to the centre for cell `t` of a
/// `k`-cell window, and where that centre is. Every rule is `g(t) = scale · t − shift`,
/// the form the kernels take (``scaleAndShift(kernel:)``).
///
/// ```swift
/// WindowOffsets.linspace.offsets(kernel: 5)   // [-1, -0.5, 0, 0.5, 1]
/// WindowOffsets.pixels.offsets(kernel: 5)     // [-2, -1, 0, 1, 2]
/// ```
public enum WindowOffsets: Sendable, Equatable {
    /// kornia 0.7.4's `linspace(−1, 1, k)`: `g(t) = 2t / (k − 1) − 1`, so the window
    /// spans [−1, 1] pixels whatever its size (−1, 0, 1 for k = 3; −1, −⅓, ⅓, 1 for
    /// k = 4). A one-cell window's only cell is at its centre, offset 0 (kornia
    /// gives −1 in 2D and NaN in 3D there; see docs/api.md).
    case linspace

    /// kornia 0.9's whole pixels: `g(t) = t − (k − 1) / 2` (−2 … 2 for k = 5; −1.5, −0.5,
    /// 0.5, 1.5 for k = 4), and the centre's grid continues into the padding, so a
    /// window's centre is `start + (k − 1) / 2` wherever it lies.
    case pixels

    /// The rule of kornia `version`.
    public init(_ version: KorniaVersion) {
        self = version == .v0_9 ? .pixels : .linspace
    }

    /// `(scale, shift)` with `g(t) = scale · t − shift` for a window of `kernel` cells.
    public func scaleAndShift(kernel: Int) -> (scale: Double, shift: Double) {
        switch self {
        case .linspace: kernel > 1 ? (2 / Double(kernel - 1), 1) : (0, 0)
        case .pixels: (1, Double(kernel - 1) / 2)
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
        case .pixels: "t − (k−1)/2"
        }
    }

    /// Whether the centre's grid continues into the padding (kornia 0.9), instead
    /// of counting a centre cell on the padding as 0 (kornia 0.7.4's zero-padded grid).
    public var centreContinuesIntoPadding: Bool {
        switch self {
        case .linspace: false
        case .pixels: true
        }
    }
}
