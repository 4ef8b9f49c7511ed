import Subpix
import SubpixLanguage

/// Tensors to experiment with: constants, seeded noise, heatmaps with known peaks, DoG volumes.
enum GeneratorBuiltins {
    static let all: [Builtin] = [
        Builtin("zeros", [.init("shape"), .init("dtype", .string("float32"))], category: .generator,
                summary: "a tensor of zeros of shape, e.g. zeros((1, 1, 32, 32)); dtype 'float32' or 'float64'") { a, _ in
            try constant(a, 0)
        },
        Builtin("ones", [.init("shape"), .init("dtype", .string("float32"))], category: .generator,
                summary: "a tensor of ones of shape; dtype 'float32' or 'float64'") { a, _ in
            try constant(a, 1)
        },
        Builtin("tensor", [.init("data"), .init("dtype", .string("float32"))], category: .generator,
                summary: "a tensor of nested lists (or tuples) of numbers, as torch.tensor and np.array make one: tensor([[0, 1], [2, 3]])",
                details: "The nesting gives the shape; every list at one depth must have the same length. A number alone gives a 0-d tensor.") { a, _ in
            let dtype = try dtype(a)
            var shape: [Int]?
            var values: [Double] = []
            func flatten(_ value: Value, depth: [Int]) throws {
                if let number = value.number, value.items == nil {
                    if shape == nil { shape = depth }
                    guard shape == depth else { throw a.error("data", "nested lists of one shape", got: "a ragged nesting") }
                    return values.append(number)
                }
                guard let items = value.items else { throw a.error("data", "nested lists of numbers", got: "\(value.typeWithArticle) among them") }
                for item in items { try flatten(item, depth: depth + [items.count]) }
                if items.isEmpty {
                    if shape == nil { shape = depth + [0] }
                    guard shape == depth + [0] else { throw a.error("data", "nested lists of one shape", got: "a ragged nesting") }
                }
            }
            try flatten(a["data"], depth: [])
            let target = shape ?? [0]
            guard values.count == target.reduce(1, *) else { throw a.error("data", "nested lists of one shape", got: "a ragged nesting") }
            return dtype == .float32 ? .tensor(.float32(try Tensor(shape: target, elements: values.map { Float($0) })))
                                     : .tensor(.float64(try Tensor(shape: target, elements: values)))
        },
        Builtin("arange", [.init("start"), .init("stop", Value.none), .init("step", .int(1)), .init("dtype", .string("float32"))], category: .generator,
                summary: "a 1-D tensor of start, start + step, ... up to, not including, stop (0 ... start - 1 when only start is given), as np.arange",
                details: "arange(6).reshape(2, 3) is [[0, 1, 2], [3, 4, 5]]; the numbers may be floats: arange(0, 1, 0.25).") { a, _ in
            let dtype = try dtype(a)
            let first = try a.double("start"), step = try a.double("step")
            let (start, stop) = try a["stop"].isNone ? (0, first) : (first, a.double("stop"))
            guard step != 0, step.isFinite else { throw a.error("step", "a finite non-zero number") }
            let count = Swift.max(0, ((stop - start) / step).rounded(.up))
            guard count.isFinite, count <= 100_000_000 else { throw a.error("stop", "a range of at most 100000000 numbers") }
            try a.requireAllocation("stop", elements: (Int(count), false), dtype: dtype)
            let values = (0..<Int(count)).map { start + Double($0) * step }
            return dtype == .float32 ? .tensor(.float32(try Tensor(shape: [values.count], elements: values.map { Float($0) })))
                                     : .tensor(.float64(try Tensor(shape: [values.count], elements: values)))
        },
        Builtin("randn", [.init("shape"), .init("seed", .int(0)), .init("dtype", .string("float32"))], category: .generator,
                summary: "standard-normal noise of shape; the same seed gives the same numbers") { a, _ in
            let (shape, dtype) = (try checkedShape(a), try dtype(a))
            let seed = UInt64(truncatingIfNeeded: try a.int("seed"))
            return dtype == .float32
                ? .tensor(.float32(try randn(shape: shape, seed: seed))) : .tensor(.float64(try randn(shape: shape, seed: seed)))
        },
        Builtin("gaussians", [.init("size"), .init("peaks"), .init("noise", .float(0)), .init("seed", .int(0))], category: .generator,
                summary: "a (1, 1, H, W) heatmap of Gaussian blobs at known sub-pixel peaks; size = (H, W), peaks = [(x, y, sigma[, amplitude]), ...]",
                details: "Each blob is amplitude·exp(-((col-x)² + (row-y)²) / (2·sigma²)) (amplitude 1 when omitted); x is the column and y the row, in pixels. noise adds seeded Gaussian noise of that standard deviation. The peaks are kept as ground truth for the viewer.") { a, session in
            let size = try a.ints("size", count: 2)
            try a.requireAllocation("size", elements: size[0].multipliedReportingOverflow(by: size[1]), dtype: .float32)
            guard let items = a["peaks"].items else { throw a.error("peaks", "a list of (x, y, sigma[, amplitude]) tuples") }
            let peaks = try items.map { item -> GaussianPeak in
                let fields = item.items?.compactMap { $0.typeName == "bool" ? nil : $0.number } ?? []
                guard fields.count == item.items?.count, (3...4).contains(fields.count) else {
                    throw a.error("peaks", "a list of (x, y, sigma[, amplitude]) tuples of numbers", got: "the peak \(item.repr)")
                }
                return GaussianPeak(x: fields[0], y: fields[1], sigma: fields[2], amplitude: fields.count == 4 ? fields[3] : 1)
            }
            let heat: Tensor<Float> = try gaussians(
                size: (size[0], size[1]), peaks: peaks, noise: try a.double("noise"), seed: UInt64(truncatingIfNeeded: try a.int("seed")))
            session.pendingPeaks = peaks
            return .tensor(.float32(heat))
        },
        Builtin("dog", [.init("image"), .init("levels", .int(4)), .init("sigma", .float(1.6))], category: .generator,
                summary: "difference-of-Gaussians volume (1, 1, levels, H, W) of a (1, 1, H, W) image; blobs become 3D maxima",
                details: "Level i is G(sigma·√2^i) - G(sigma·√2^(i+1)) of the image, with replicate borders: the scale space \(Method.convQuadInterp3d.name) and \(Method.iterativeQuadInterp3d.name) refine.") { a, _ in
            let (image, levels, sigma) = (try a.tensor("image"), try a.int("levels"), try a.double("sigma"))
            try a.requireAllocation("levels", elements: max(0, levels).multipliedReportingOverflow(by: image.count), dtype: image.dtype)
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
                .tensor(AnyTensor(try differenceOfGaussians(x, levels: levels, sigma: sigma)))
            }
            return try image.visit(run, run)
        },
    ]

    private static func dtype(_ a: Arguments) throws -> DType {
        let name = try a.string("dtype")
        guard let dtype = DType(rawValue: name) else { throw a.error("dtype", "'float32' or 'float64'") }
        return dtype
    }

    /// The `shape` argument: non-negative sizes whose tensor fits the memory limit.
    private static func checkedShape(_ a: Arguments) throws -> [Int] {
        let shape = try a.intList("shape")
        guard shape.allSatisfy({ $0 >= 0 }) else { throw a.error("shape", "a tuple of non-negative integers") }
        let count = Tensor<Float>.elementCount(shape)
        try a.requireAllocation("shape", elements: (count ?? 0, count == nil), dtype: try dtype(a))
        return shape
    }

    private static func constant(_ a: Arguments, _ value: Double) throws -> Value {
        let shape = try checkedShape(a)
        return try dtype(a) == .float32
            ? .tensor(.float32(try filled(shape: shape, value: Float(value))))
            : .tensor(.float64(try filled(shape: shape, value: value)))
    }
}
