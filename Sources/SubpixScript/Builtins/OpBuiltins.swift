import Subpix

/// The kornia ops under their kornia names, keywords and defaults.
enum OpBuiltins {
    static let all: [Builtin] = [
        Builtin("spatial_softmax2d", [.init("input"), .init("temperature", .float(1))],
                summary: "softmax over the pixels of each map; temperature MULTIPLIES the input") { a, _ in
            let temperature = try a.double("temperature")
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value { .tensor(AnyTensor(try spatialSoftmax2d(x, temperature: temperature))) }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("spatial_expectation2d", [.init("input"), .init("normalized_coordinates", .bool(true))],
                summary: "expected (x, y) of each probability map -> (B, N, 2)") { a, _ in
            let normalized = try a.bool("normalized_coordinates")
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                .tensor(AnyTensor(try spatialExpectation2d(x, normalizedCoordinates: normalized)))
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("spatial_soft_argmax2d",
                [.init("input"), .init("temperature", .float(1)), .init("normalized_coordinates", .bool(true)), .init("eps", .float(1e-8))],
                summary: "soft-argmax (x, y) of each map -> (B, N, 2); temperature MULTIPLIES; eps unused (as in kornia)") { a, _ in
            let (temperature, normalized, eps) = (try a.double("temperature"), try a.bool("normalized_coordinates"), try a.double("eps"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                .tensor(AnyTensor(try spatialSoftArgmax2d(x, temperature: temperature, normalizedCoordinates: normalized, eps: eps)))
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("render_gaussian2d",
                [.init("mean"), .init("std"), .init("size"), .init("normalized_coordinates", .bool(true))],
                summary: "render normalised 2D Gaussians (kornia divides by 2*std) -> (*, H, W)") { a, _ in
            let size = try a.ints("size", count: 2)
            let normalized = try a.bool("normalized_coordinates")
            let std = try a.tensor("std")
            func run<S: SubpixScalar>(_ mean: Tensor<S>) throws -> Value {
                .tensor(AnyTensor(try renderGaussian2d(mean: mean, std: std.tensor(), size: (size[0], size[1]), normalizedCoordinates: normalized)))
            }
            return try a.tensor("mean").visit(run, run)
        },
        Builtin("conv_soft_argmax2d",
                [.init("input"), .init("kernel_size", pair(3)), .init("stride", pair(1)), .init("padding", pair(1)),
                 .init("temperature", .float(1)), .init("normalized_coordinates", .bool(true)), .init("eps", .float(1e-8)),
                 .init("output_value", .bool(false))],
                summary: "soft-argmax of every window -> coords (B, C, 2, Ho, Wo)[, values]; temperature DIVIDES",
                details: "Ho = floor((H + 2*padding - (kernel_size - 1) - 1) / stride) + 1; padding <= kernel_size / 2.") { a, _ in
            let window = try Window(a, axes: 2)
            let (temperature, normalized, eps, output) = (
                try a.double("temperature"), try a.bool("normalized_coordinates"), try a.double("eps"), try a.bool("output_value"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                pairResult(try convSoftArgmax2d(
                    x, kernelSize: window.kernel, stride: window.stride, padding: window.padding, temperature: temperature,
                    normalizedCoordinates: normalized, eps: eps, outputValue: output))
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("conv_soft_argmax3d",
                [.init("input"), .init("kernel_size", triple(3)), .init("stride", triple(1)), .init("padding", triple(1)),
                 .init("temperature", .float(1)), .init("normalized_coordinates", .bool(false)), .init("eps", .float(1e-8)),
                 .init("output_value", .bool(true)), .init("strict_maxima_bonus", .float(0))],
                summary: "soft-argmax of every 3D window -> coords (B, C, 3, Do, Ho, Wo) in (d, x, y)[, values]") { a, _ in
            let window = try Window(a, axes: 3)
            let (temperature, normalized, eps, output, bonus) = (
                try a.double("temperature"), try a.bool("normalized_coordinates"), try a.double("eps"),
                try a.bool("output_value"), try a.double("strict_maxima_bonus"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                pairResult(try convSoftArgmax3d(
                    x, kernelSize: window.kernel, stride: window.stride, padding: window.padding, temperature: temperature,
                    normalizedCoordinates: normalized, eps: eps, outputValue: output, strictMaximaBonus: bonus))
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("conv_quad_interp3d", [.init("input"), .init("strict_maxima_bonus", .float(10)), .init("eps", .float(1e-7))],
                summary: "one step of quadratic interpolation at 3x3x3 strict maxima -> coords (d, x, y), values") { a, _ in
            let (bonus, eps) = (try a.double("strict_maxima_bonus"), try a.double("eps"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                let (coords, values) = try convQuadInterp3d(x, strictMaximaBonus: bonus, eps: eps)
                return .tuple([.tensor(AnyTensor(coords)), .tensor(AnyTensor(values))])
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("iterative_quad_interp3d",
                [.init("input"), .init("n_iters", .int(5)), .init("max_subpixel_shift", .float(0.6)),
                 .init("allow_scale_steps", .bool(true)), .init("precomputed_nms_mask", Value.none), .init("max_candidates", Value.none)],
                summary: "iterated quadratic interpolation of 3D extrema (kornia 0.9) -> coords (d, x, y), values") { a, _ in
            let (iterations, shift, steps) = (try a.int("n_iters"), try a.double("max_subpixel_shift"), try a.bool("allow_scale_steps"))
            let candidates = try a.optionalInt("max_candidates")
            let mask: Mask?
            switch a["precomputed_nms_mask"] {
            case .none: mask = nil
            case .mask(let m): mask = m
            default: throw ScriptError("iterative_quad_interp3d(): expected precomputed_nms_mask to be a mask from nms3d(..., mask_only=True)")
            }
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                let (coords, values) = try iterativeQuadInterp3d(
                    x, nIters: iterations, maxSubpixelShift: shift, allowScaleSteps: steps, precomputedNMSMask: mask, maxCandidates: candidates)
                return .tuple([.tensor(AnyTensor(coords)), .tensor(AnyTensor(values))])
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("nms2d", [.init("input"), .init("kernel_size"), .init("mask_only", .bool(false))],
                summary: "strict local maxima of each map: values there and 0 elsewhere, or a mask") { a, _ in
            let (kernel, maskOnly) = (try a.ints("kernel_size", count: 2), try a.bool("mask_only"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                maskOnly ? .mask(try nms2dMask(x, kernelSize: kernel)) : .tensor(AnyTensor(try nms2d(x, kernelSize: kernel)))
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("nms3d", [.init("input"), .init("kernel_size"), .init("mask_only", .bool(false))],
                summary: "strict local maxima of each volume: values there and 0 elsewhere, or a mask") { a, _ in
            let (kernel, maskOnly) = (try a.ints("kernel_size", count: 3), try a.bool("mask_only"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                maskOnly ? .mask(try nms3dMask(x, kernelSize: kernel)) : .tensor(AnyTensor(try nms3d(x, kernelSize: kernel)))
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("keypoints",
                [.init("coords"), .init("values", Value.none), .init("mask", Value.none), .init("top_k", Value.none), .init("min_value", Value.none)],
                summary: "dense op outputs -> keypoint list sorted by value (coords (B,N,2) from spatial_soft_argmax2d also work)",
                details: "With a mask (nms2d(values, k, mask_only=True)) only masked positions are kept; top_k applies per (batch, channel).") { a, _ in
            let coords = try a.tensor("coords")
            let values = try a.optionalTensor("values")
            let (topK, minValue) = (try a.optionalInt("top_k"), try a.optionalDouble("min_value"))
            var mask: Mask?
            if case .mask(let m) = a["mask"] { mask = m } else if case .none = a["mask"] {} else {
                throw ScriptError("keypoints(): expected mask to be a mask from nms2d/nms3d(..., mask_only=True)")
            }
            if coords.shape.count == 3 {
                let points = try keypoints(spatialSoftArgmax: coords.tensor(as: Double.self), values: values?.tensor(as: Double.self))
                return .keypoints(points)
            }
            guard let values else { throw ScriptError("keypoints(): expected values for dense coordinates of shape \(formatShape(coords.shape))") }
            return .keypoints(try keypoints(
                coords: coords.tensor(as: Double.self), values: values.tensor(as: Double.self), mask: mask, topK: topK, minValue: minValue))
        },
    ]

    static func pair(_ value: Int) -> Value { .tuple([.int(value), .int(value)]) }
    static func triple(_ value: Int) -> Value { .tuple([.int(value), .int(value), .int(value)]) }

    /// `coords` alone, or `(coords, values)` when values were asked for.
    static func pairResult<S: SubpixScalar>(_ result: (coords: Tensor<S>, values: Tensor<S>?)) -> Value {
        let coords = Value.tensor(AnyTensor(result.coords))
        return result.values.map { .tuple([coords, .tensor(AnyTensor($0))]) } ?? coords
    }

    /// kernel_size, stride and padding of a windowed op.
    struct Window {
        var kernel: [Int], stride: [Int], padding: [Int]
        init(_ a: Arguments, axes: Int) throws {
            kernel = try a.ints("kernel_size", count: axes)
            stride = try a.ints("stride", count: axes)
            padding = try a.ints("padding", count: axes)
        }
    }
}
