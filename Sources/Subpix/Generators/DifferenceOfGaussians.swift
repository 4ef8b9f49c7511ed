/// A difference-of-Gaussians scale space `(1, 1, D, H, W)` of a 2D image, for
/// the 3D ops (`conv_quad_interp3d`, `conv_soft_argmax3d`, NMS 3D).
///
/// The image is blurred at `σ_i = sigma · √2^i` for `i = 0 ... levels`
/// (separable kernels of radius ⌈3σ⌉, replicate borders), and level `i` is
///
///     DoG_i = G(σ_i) − G(σ_{i+1})
///
/// so a bright blob of about the level's scale is a *maximum* (the sign SIFT
/// flips): exactly what the maxima-based 3D ops look for.
///
/// ```swift
/// let volume: Tensor<Float> = try differenceOfGaussians(image, levels: 4, sigma: 1.6)   // (1, 1, 4, H, W)
/// ```
///
/// - Parameters:
///   - image: `(H, W)`, `(1, H, W)` or `(1, 1, H, W)`.
///   - levels: number of DoG levels `D` (at least 1).
///   - sigma: the finest blur (> 0).
/// - Throws: ``SubpixError`` for another shape, `levels < 1`, or `sigma <= 0`.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func differenceOfGaussians<S: SubpixScalar>(_ image: Tensor<S>, levels: Int = 4, sigma: Double = 1.6) throws -> Tensor<S> {
    let op = "dog"
    guard image.shape.count >= 2, image.shape.dropLast(2).allSatisfy({ $0 == 1 }), !image.shape.contains(0) else {
        throw SubpixError(op, "expected a 2D image of shape (H, W) or (1, 1, H, W), got \(formatShape(image.shape))")
    }
    guard levels >= 1, levels <= 64 else { throw SubpixError(op, "expected levels in 1...64, got \(levels)") }
    guard sigma > 0, sigma.isFinite else { throw SubpixError(op, "expected sigma > 0, got \(sigma)") }
    let (height, width) = (image.shape[image.rank - 2], image.shape[image.rank - 1])
    let source = image.elements.map(Double.init)
    let blurs = (0...levels).map { level in
        GaussianBlur.apply(source, height: height, width: width, sigma: sigma * Double.pow(2.0, Double(level) / 2))
    }
    let plane = height * width
    return Tensor<S>(validShape: [1, 1, levels, height, width]) { out in
        for level in 0..<levels {
            for index in 0..<plane { out[level * plane + index] = S(blurs[level][index] - blurs[level + 1][index]) }
        }
    }
}
