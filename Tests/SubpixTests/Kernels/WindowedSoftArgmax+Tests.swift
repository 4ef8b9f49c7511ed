@testable import Subpix

extension WindowedSoftArgmax {
    /// The engine `conv_soft_argmax2d` / `3d` builds over an input of `shape`
    /// (`(B, C, H, W)`, or `(B, C, D, H, W)` for a three-value kernel), with `eps` 1e-8.
    static func over(
        _ shape: [Int], kernel: [Int], stride: [Int], padding: [Int], temperature: Double, normalized: Bool, version: KorniaVersion
    ) throws -> Self {
        let axes = try WindowAxis.validated(
            op: "test", input: shape, kernel: kernel, stride: stride, padding: padding, temperature: temperature, version: version)
        let volumetric = kernel.count == 3
        return Self(
            depth: volumetric ? axes[0] : .single, height: axes[volumetric ? 1 : 0], width: axes[volumetric ? 2 : 1],
            temperature: temperature, eps: 1e-8, normalized: normalized, volumetric: volumetric, version: version)
    }
}
