/// Tensor-level plumbing shared by ``nms2d(_:kernelSize:)`` and ``nms3d(_:kernelSize:)``:
/// argument checks, running ``StrictMaxima`` over a whole tensor, and masking values.
enum NMSRunner {
    /// Checks that `kernelSize` has `axes` positive values.
    static func validate(kernelSize: [Int], axes: Int, op: String) throws {
        guard kernelSize.count == axes else {
            throw SubpixError(op, "expected kernel_size with \(axes) values, got \(formatShape(kernelSize))")
        }
        guard kernelSize.allSatisfy({ $0 > 0 }) else {
            throw SubpixError(op, "expected kernel_size > 0 on every axis, got \(formatShape(kernelSize))")
        }
    }

    /// The strict-maxima mask of a validated `(B, C, H, W)` or `(B, C, D, H, W)` tensor,
    /// with `kernel` given as (depth, height, width) — depth 1 for a 2D tensor.
    static func mask<S: SubpixScalar>(
        _ input: Tensor<S>, kernel: (depth: Int, height: Int, width: Int), rule: NMSBorderRule
    ) -> Mask {
        let shape = input.shape
        let (depth, height, width) = shape.count == 5 ? (shape[2], shape[3], shape[4]) : (1, shape[2], shape[3])
        let maps = shape[0] * shape[1]
        let window = StrictMaxima(kernel: kernel, rule: rule)
        return input.withUnsafeBufferPointer { x in
            Mask(validShape: shape) { mask in
                guard let source = x.baseAddress, let target = mask.baseAddress else { return }
                window.mask(of: source, maps: maps, depth: depth, height: height, width: width, into: target)
            }
        }
    }

    /// kornia's `torch.where(mask, x, 0)`: the input at maxima, `0` elsewhere.
    static func suppressed<S: SubpixScalar>(_ input: Tensor<S>, keeping mask: Mask) -> Tensor<S> {
        input.withUnsafeBufferPointer { x in
            mask.withUnsafeBufferPointer { keep in
                Tensor<S>(validShape: input.shape) { out in
                    for index in 0..<x.count { out[index] = keep[index] ? x[index] : 0 }
                }
            }
        }
    }
}
