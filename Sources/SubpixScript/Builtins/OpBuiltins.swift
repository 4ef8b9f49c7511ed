import Subpix

/// The ops of `kornia.geometry.subpix` under their kornia names, keywords and
/// defaults, so a line of kornia Python runs unchanged. Each runs in the
/// input's dtype (float32 or float64).
enum OpBuiltins {
    static let all: [Builtin] = spatial + windowed + volumetric + suppression

    static let spatial: [Builtin] = [
        Builtin("spatial_softmax2d", [.init("input"), .init("temperature", .float(1))], category: .op,
                summary: "softmax over the pixels of each (B, N, H, W) map; temperature MULTIPLIES the input",
                details: "out = exp(T·x) / Σ exp(T·x) per map, shape (B, N, H, W).") { a, _ in
            let temperature = try a.double("temperature")
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value { .tensor(AnyTensor(try spatialSoftmax2d(x, temperature: temperature))) }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("spatial_expectation2d", [.init("input"), .init("normalized_coordinates", .bool(true))], category: .op,
                summary: "expected (x, y) of each (B, N, H, W) probability map -> (B, N, 2)",
                details: "Σ p·(x, y) per map; pixels, or [-1, 1] when normalized_coordinates.") { a, _ in
            let normalized = try a.bool("normalized_coordinates")
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                .tensor(AnyTensor(try spatialExpectation2d(x, normalizedCoordinates: normalized)))
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("spatial_soft_argmax2d",
                [.init("input"), .init("temperature", .float(1)), .init("normalized_coordinates", .bool(true)), .init("eps", .float(1e-8))],
                category: .op,
                summary: "soft-argmax (x, y) of each (B, N, H, W) map -> (B, N, 2); temperature MULTIPLIES",
                details: "spatial_expectation2d(spatial_softmax2d(input, temperature)). eps is accepted as the seed's signature has it; kornia never uses it.") { a, _ in
            let (temperature, normalized, eps) = (try a.double("temperature"), try a.bool("normalized_coordinates"), try a.double("eps"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                .tensor(AnyTensor(try spatialSoftArgmax2d(x, temperature: temperature, normalizedCoordinates: normalized, eps: eps)))
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("render_gaussian2d",
                [.init("mean"), .init("std"), .init("size"), .init("normalized_coordinates", .bool(true))], category: .op,
                summary: "normalised 2D Gaussians at mean (*, 2) with std (*, 2) -> (*, H, W); size = (H, W)",
                details: "softmax_x(-(x-μx)²/(2σx²)) · softmax_y(-(y-μy)²/(2σy²)): std is the standard deviation (kornia 0.9; kornia <= 0.7 divided by 2σ).") { a, _ in
            let (size, mean, std) = (try a.ints("size", count: 2), try a.tensor("mean"), try a.tensor("std"))
            // The output is (*, H, W) with * the broadcast of mean's and std's leading axes.
            let (lead, other) = (Array(mean.shape.dropLast()), Array(std.shape.dropLast()))
            let axes = max(lead.count, other.count)
            let broadcast = (0..<axes).map { axis in
                max(axis < axes - lead.count ? 1 : lead[axis - (axes - lead.count)],
                    axis < axes - other.count ? 1 : other[axis - (axes - other.count)])
            }
            if (broadcast + size).allSatisfy({ $0 > 0 }) {   // (the op itself reports other sizes)
                let count = Tensor<Float>.elementCount(broadcast + size)
                try a.requireAllocation("size", elements: (count ?? 0, count == nil), dtype: mean.dtype)
            }
            let normalized = try a.bool("normalized_coordinates")
            func run<S: SubpixScalar>(_ mean: Tensor<S>) throws -> Value {
                .tensor(AnyTensor(try renderGaussian2d(mean: mean, std: std.tensor(), size: (size[0], size[1]), normalizedCoordinates: normalized)))
            }
            return try mean.visit(run, run)
        },
    ]

    static let windowed: [Builtin] = [
        Builtin("conv_soft_argmax2d",
                [.init("input"), .init("kernel_size", pair(3)), .init("stride", pair(1)), .init("padding", pair(1)),
                 .init("temperature", .float(1)), .init("normalized_coordinates", .bool(true)), .init("eps", .float(1e-8)),
                 .init("output_value", .bool(false))],
                category: .op,
                summary: "soft-argmax of every window of (B, C, H, W) -> coords (B, C, 2, Ho, Wo) in (x, y)[, values (B, C, Ho, Wo)]; temperature DIVIDES",
                details: "Ho = floor((H + 2*padding - (kernel_size - 1) - 1) / stride) + 1; padding <= kernel_size / 2. Returns (coords, values) when output_value=True.") { a, _ in
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
                category: .op,
                summary: "soft-argmax of every 3D window of (B, C, D, H, W) -> coords (B, C, 3, Do, Ho, Wo) in (d, x, y)[, values]; temperature DIVIDES",
                details: "Values at strict 3D maxima are multiplied by (1 + strict_maxima_bonus). Sizes follow the same formula per axis.") { a, _ in
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
    ]

    static let volumetric: [Builtin] = [
        Builtin("conv_quad_interp3d", [.init("input"), .init("strict_maxima_bonus", .float(10)), .init("eps", .float(1e-7))],
                category: .op,
                summary: "one quadratic-interpolation step at the strict 3x3x3 maxima of (B, C, D, H, W) -> coords (B, C, 3, D, H, W) in (d, x, y), values",
                details: "Solves H·dx = -g (central differences) at each maximum; shifts above 0.7 are discarded; value y + 0.5·gᵀdx, plus strict_maxima_bonus at solved maxima (kornia 0.7.4). eps is accepted and unused, as in kornia.") { a, _ in
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
                category: .op,
                summary: "iterated quadratic interpolation of the 3D maxima of (B, C, D, H, W) (kornia 0.9) -> coords (d, x, y), values",
                details: "A maximum whose shift exceeds max_subpixel_shift moves one voxel and is solved again, up to n_iters times. precomputed_nms_mask: a mask from nms3d(x, (3, 3, 3), mask_only=True); max_candidates: refine only the best ones.") { a, _ in
            let (iterations, shift, steps) = (try a.int("n_iters"), try a.double("max_subpixel_shift"), try a.bool("allow_scale_steps"))
            let (mask, candidates) = (try a.optionalMask("precomputed_nms_mask"), try a.optionalInt("max_candidates"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                let (coords, values) = try iterativeQuadInterp3d(
                    x, nIters: iterations, maxSubpixelShift: shift, allowScaleSteps: steps, precomputedNMSMask: mask, maxCandidates: candidates)
                return .tuple([.tensor(AnyTensor(coords)), .tensor(AnyTensor(values))])
            }
            return try a.tensor("input").visit(run, run)
        },
    ]

    static let suppression: [Builtin] = [
        Builtin("nms2d", [.init("input"), .init("kernel_size"), .init("mask_only", .bool(false))], category: .op,
                summary: "strict local maxima of each (B, C, H, W) map within kernel_size: values there and 0 elsewhere, or a mask",
                details: "A pixel survives when it is larger than every other pixel of its window (kornia 0.9): plateaus and pixels whose window does not fit inside the map never do. mask_only=True gives a mask for keypoints(..., mask=); use it for signed responses, where 0 would beat a negative maximum.") { a, _ in
            let (kernel, maskOnly) = (try a.ints("kernel_size", count: 2), try a.bool("mask_only"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                maskOnly ? .mask(try nms2dMask(x, kernelSize: kernel)) : .tensor(AnyTensor(try nms2d(x, kernelSize: kernel)))
            }
            return try a.tensor("input").visit(run, run)
        },
        Builtin("nms3d", [.init("input"), .init("kernel_size"), .init("mask_only", .bool(false))], category: .op,
                summary: "strict local maxima of each (B, C, D, H, W) volume within kernel_size: values there and 0 elsewhere, or a mask",
                details: "As nms2d with a (D, H, W) window.") { a, _ in
            let (kernel, maskOnly) = (try a.ints("kernel_size", count: 3), try a.bool("mask_only"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                maskOnly ? .mask(try nms3dMask(x, kernelSize: kernel)) : .tensor(AnyTensor(try nms3d(x, kernelSize: kernel)))
            }
            return try a.tensor("input").visit(run, run)
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
