import Subpix

/// kornia's `nms2d(input, kernel_size, mask_only)`.
enum GoldenNMS2d: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        let input: Tensor<S> = try golden.input()
        let kernel = try golden.ints("kernel_size")
        return try golden.bool("mask_only")
            ? [GoldenResult(nms2dMask(input, kernelSize: kernel))]
            : [GoldenResult(nms2d(input, kernelSize: kernel))]
    }
}

/// kornia's `nms3d(input, kernel_size, mask_only)`.
enum GoldenNMS3d: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        let input: Tensor<S> = try golden.input()
        let kernel = try golden.ints("kernel_size")
        return try golden.bool("mask_only")
            ? [GoldenResult(nms3dMask(input, kernelSize: kernel))]
            : [GoldenResult(nms3d(input, kernelSize: kernel))]
    }
}
