import Subpix

/// Tensors to experiment with: constants, seeded noise, heatmaps with known peaks, DoG volumes.
enum GeneratorBuiltins {
    static let all: [Builtin] = [
        Builtin("zeros", [.init("shape"), .init("dtype", .string("float32"))], summary: "a tensor of zeros") { a, _ in
            try constant(a, 0)
        },
        Builtin("ones", [.init("shape"), .init("dtype", .string("float32"))], summary: "a tensor of ones") { a, _ in
            try constant(a, 1)
        },
        Builtin("randn", [.init("shape"), .init("seed", .int(0)), .init("dtype", .string("float32"))],
                summary: "seeded standard-normal noise (same seed, same numbers)") { a, _ in
            let shape = try a.intList("shape")
            let seed = UInt64(truncatingIfNeeded: try a.int("seed"))
            return try dtype(a) == .float32
                ? .tensor(.float32(try randn(shape: shape, seed: seed))) : .tensor(.float64(try randn(shape: shape, seed: seed)))
        },
        Builtin("gaussians",
                [.init("size"), .init("peaks"), .init("noise", .float(0)), .init("seed", .int(0))],
                summary: "a (1, 1, H, W) heatmap of Gaussian blobs at known sub-pixel peaks [(x, y, sigma, amplitude), ...]",
                details: "x is the column and y the row, in pixels; amplitude defaults to 1. The peaks are remembered as ground truth for the viewer.") { a, session in
            let size = try a.ints("size", count: 2)
            guard let items = a["peaks"].items else { throw ScriptError("gaussians(): expected peaks to be a list of (x, y, sigma[, amplitude]) tuples") }
            let peaks = try items.map { item -> GaussianPeak in
                guard let fields = item.items?.compactMap(\.number), fields.count == item.items?.count, (3...4).contains(fields.count) else {
                    throw ScriptError("gaussians(): expected each peak as (x, y, sigma[, amplitude]), got \(item.repr)")
                }
                return GaussianPeak(x: fields[0], y: fields[1], sigma: fields[2], amplitude: fields.count == 4 ? fields[3] : 1)
            }
            let heat: Tensor<Float> = try gaussians(
                size: (size[0], size[1]), peaks: peaks, noise: try a.double("noise"), seed: UInt64(truncatingIfNeeded: try a.int("seed")))
            session.pendingPeaks = peaks
            return .tensor(.float32(heat))
        },
        Builtin("dog", [.init("image"), .init("levels", .int(4)), .init("sigma", .float(1.6))],
                summary: "difference-of-Gaussians volume (1, 1, levels, H, W) of a 2D image; blobs are maxima",
                details: "Level i is G(sigma*sqrt(2)^i) - G(sigma*sqrt(2)^(i+1)) with replicate borders.") { a, _ in
            let (levels, sigma) = (try a.int("levels"), try a.double("sigma"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                .tensor(AnyTensor(try differenceOfGaussians(x, levels: levels, sigma: sigma)))
            }
            return try a.tensor("image").visit(run, run)
        },
    ]

    private static func dtype(_ a: Arguments) throws -> DType {
        let name = try a.string("dtype")
        guard let dtype = DType(rawValue: name) else {
            throw ScriptError("\(a.function)(): expected dtype 'float32' or 'float64', got '\(name)'")
        }
        return dtype
    }

    private static func constant(_ a: Arguments, _ value: Double) throws -> Value {
        let shape = try a.intList("shape")
        return try dtype(a) == .float32
            ? .tensor(.float32(try filled(shape: shape, value: Float(value))))
            : .tensor(.float64(try filled(shape: shape, value: value)))
    }
}
