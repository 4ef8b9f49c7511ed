import Subpix

/// The ops `vjp` differentiates: for each, from the op's bound arguments and the
/// cotangents, the gradient of each differentiable input (through the core's
/// `...WithPullback` functions, in the input's dtype).
enum DifferentiableOps {
    typealias Pullback = @Sendable (_ op: Arguments, _ cotangents: Value) throws -> [Value]

    static let pullbacks: [String: Pullback] = [
        "spatial_softmax2d": { a, cotangents in
            let (temperature, g) = (try a.double("temperature"), try Cotangents(cotangents, outputs: 1, op: a.function))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> [Value] {
                [gradient(try spatialSoftmax2dWithPullback(x, temperature: temperature).pullback(g.required(0)))]
            }
            return try a.tensor("input").visit(run, run)
        },
        "spatial_expectation2d": { a, cotangents in
            let (normalized, g) = (try a.bool("normalized_coordinates"), try Cotangents(cotangents, outputs: 1, op: a.function))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> [Value] {
                [gradient(try spatialExpectation2dWithPullback(x, normalizedCoordinates: normalized).pullback(g.required(0)))]
            }
            return try a.tensor("input").visit(run, run)
        },
        "spatial_soft_argmax2d": { a, cotangents in
            let (temperature, normalized, eps) = (try a.double("temperature"), try a.bool("normalized_coordinates"), try a.double("eps"))
            let g = try Cotangents(cotangents, outputs: 1, op: a.function)
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> [Value] {
                let (_, pullback) = try spatialSoftArgmax2dWithPullback(x, temperature: temperature, normalizedCoordinates: normalized, eps: eps)
                return [gradient(try pullback(g.required(0)))]
            }
            return try a.tensor("input").visit(run, run)
        },
        "render_gaussian2d": { a, cotangents in
            let (size, mean, std) = (try a.ints("size", count: 2), try a.tensor("mean"), try a.tensor("std"))
            let (normalized, g) = (try a.bool("normalized_coordinates"), try Cotangents(cotangents, outputs: 1, op: a.function))
            func run<S: SubpixScalar>(_ mean: Tensor<S>) throws -> [Value] {
                let (_, pullback) = try renderGaussian2dWithPullback(
                    mean: mean, std: std.tensor(), size: (size[0], size[1]), normalizedCoordinates: normalized)
                let (meanGradient, stdGradient) = try pullback(g.required(0))
                return [gradient(meanGradient), gradient(stdGradient)]
            }
            return try mean.visit(run, run)
        },
        "conv_soft_argmax2d": { a, cotangents in
            let window = try WindowArguments(a, axes: 2)
            let (temperature, normalized, eps, output) = (
                try a.double("temperature"), try a.bool("normalized_coordinates"), try a.double("eps"), try a.bool("output_value"))
            let g = try Cotangents(cotangents, outputs: output ? 2 : 1, op: a.function)
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> [Value] {
                let (_, pullback) = try convSoftArgmax2dWithPullback(
                    x, kernelSize: window.kernel, stride: window.stride, padding: window.padding, temperature: temperature,
                    normalizedCoordinates: normalized, eps: eps, outputValue: output)
                return [gradient(try pullback(g.required(0), g.optional(1)))]
            }
            return try a.tensor("input").visit(run, run)
        },
        "conv_soft_argmax3d": { a, cotangents in
            let window = try WindowArguments(a, axes: 3)
            let (temperature, normalized, eps, output, bonus) = (
                try a.double("temperature"), try a.bool("normalized_coordinates"), try a.double("eps"),
                try a.bool("output_value"), try a.double("strict_maxima_bonus"))
            let g = try Cotangents(cotangents, outputs: output ? 2 : 1, op: a.function)
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> [Value] {
                let (_, pullback) = try convSoftArgmax3dWithPullback(
                    x, kernelSize: window.kernel, stride: window.stride, padding: window.padding, temperature: temperature,
                    normalizedCoordinates: normalized, eps: eps, outputValue: output, strictMaximaBonus: bonus)
                return [gradient(try pullback(g.required(0), g.optional(1)))]
            }
            return try a.tensor("input").visit(run, run)
        },
    ]

    /// The differentiable ops' names, sorted.
    static var names: [String] { pullbacks.keys.sorted() }

    private static func gradient<S: SubpixScalar>(_ tensor: Tensor<S>) -> Value { .tensor(AnyTensor(tensor)) }
}

/// `kernel_size`, `stride` and `padding` of a windowed op's call.
struct WindowArguments {
    var kernel: [Int], stride: [Int], padding: [Int]

    init(_ a: Arguments, axes: Int) throws {
        (kernel, stride, padding) = (try a.ints("kernel_size", count: axes), try a.ints("stride", count: axes), try a.ints("padding", count: axes))
    }
}

/// The cotangents given to `vjp`: a tensor for an op with one output, a tuple
/// (or list) with one entry per output otherwise, `None` for a zero one.
struct Cotangents {
    private let items: [AnyTensor?]
    private let op: String

    init(_ value: Value, outputs: Int, op: String) throws {
        self.op = op
        let expected = outputs == 1 ? "a tensor" : "a tuple of \(outputs) tensors (None for a zero one)"
        let items: [Value]
        switch value {
        case .tensor where outputs == 1: items = [value]
        case .tuple(let list) where list.count == outputs, .list(let list) where list.count == outputs: items = list
        default:
            throw ScriptError("vjp(): expected cotangents to be \(expected) for \(op)'s \(outputs == 1 ? "output" : "\(outputs) outputs"), got \(Arguments.describe(value))")
        }
        self.items = try items.map { item in
            switch item {
            case .tensor(let tensor): return tensor
            case .none: return nil
            default: throw ScriptError("vjp(): expected cotangents to be \(expected) for \(op), got \(Arguments.describe(item)) in it")
            }
        }
    }

    /// The `index`th cotangent in element type `S`; a `None` there is an error.
    func required<S: SubpixScalar>(_ index: Int) throws -> Tensor<S> {
        guard let tensor = items[index] else {
            throw ScriptError("vjp(): expected a tensor as cotangent \(index) of \(op) (the coordinates), got None")
        }
        return tensor.tensor()
    }

    /// The `index`th cotangent in element type `S`, nil when it is `None` or the op has no such output.
    func optional<S: SubpixScalar>(_ index: Int) -> Tensor<S>? {
        index < items.count ? items[index]?.tensor() : nil
    }
}
