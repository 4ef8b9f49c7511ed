/// Tensor-level plumbing shared by ``nms2d(_:kernelSize:)`` and ``nms3d(_:kernelSize:)``:
/// argument checks and running ``StrictMaxima`` over a whole tensor for a mask or for values.
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
        Mask(validShape: input.shape) { mask in
            guard let target = mask.baseAddress else { return }
            run(input, kernel: kernel, rule: rule, output: .mask(target))
        }
    }

    /// kornia's `torch.where(mask, x, 0)`: the input at its strict maxima, `0` elsewhere.
    static func suppressed<S: SubpixScalar>(
        _ input: Tensor<S>, kernel: (depth: Int, height: Int, width: Int), rule: NMSBorderRule
    ) -> Tensor<S> {
        Tensor<S>(validShape: input.shape) { values in
            guard let target = values.baseAddress else { return }
            run(input, kernel: kernel, rule: rule, output: .values(target))
        }
    }

    private static func run<S: SubpixScalar>(
        _ input: Tensor<S>, kernel: (depth: Int, height: Int, width: Int), rule: NMSBorderRule, output: NMSOutput<S>
    ) {
        let shape = input.shape
        let (depth, height, width) = shape.count == 5 ? (shape[2], shape[3], shape[4]) : (1, shape[2], shape[3])
        input.withUnsafeBufferPointer { x in
            guard let source = x.baseAddress else { return }
            StrictMaxima(kernel: kernel, rule: rule)
                .run(source, maps: shape[0] * shape[1], depth: depth, height: height, width: width, output: output)
        }
    }
}
