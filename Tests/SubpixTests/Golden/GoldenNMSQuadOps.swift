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

/// kornia 0.7.4's `conv_quad_interp3d(input, strict_maxima_bonus, eps)`.
enum GoldenConvQuadInterp3d: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        let input: Tensor<S> = try golden.input()
        let (coords, values) = try convQuadInterp3d(
            input, strictMaximaBonus: golden.double("strict_maxima_bonus"), eps: golden.double("eps"))
        return [GoldenResult(coords), GoldenResult(values)]
    }
}

/// kornia 0.9's `iterative_quad_interp3d(input, n_iters, max_subpixel_shift, allow_scale_steps)`,
/// with `max_candidates` and a `mask` input (`precomputed_nms_mask`) when a case has them.
enum GoldenIterativeQuadInterp3d: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        let input: Tensor<S> = try golden.input()
        let mask: Mask? = golden.inputs["mask"] == nil ? nil : try golden.input("mask", as: Double.self).map { $0 != 0 }
        let (coords, values) = try iterativeQuadInterp3d(
            input, nIters: golden.int("n_iters"), maxSubpixelShift: golden.double("max_subpixel_shift"),
            allowScaleSteps: golden.bool("allow_scale_steps"), precomputedNMSMask: mask,
            maxCandidates: golden.has("max_candidates") ? golden.int("max_candidates") : nil)
        return [GoldenResult(coords), GoldenResult(values)]
    }
}
