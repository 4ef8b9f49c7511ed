import Subpix

/// Runs one op's forward and pullback on a grad case, in the element type `S`:
/// the outputs (compared with the case's outputs) and the gradient of each
/// differentiable input by name.
protocol GradOp: SendableMetatype {
    static func run<S: SubpixScalar>(_ grad: GradCase, as: S.Type) throws -> (outputs: [GoldenResult], gradients: [String: GoldenResult])
}

/// Every op the grad harness knows, by the `op` name of its fixture file.
enum GradOps {
    static let all: [String: any GradOp.Type] = [
        "spatial_softmax2d": GradSpatialSoftmax2d.self,
        "spatial_expectation2d": GradSpatialExpectation2d.self,
        "spatial_soft_argmax2d": GradSpatialSoftArgmax2d.self,
        "render_gaussian2d": GradRenderGaussian2d.self,
        "conv_soft_argmax2d": GradConvSoftArgmax2d.self,
        "conv_soft_argmax3d": GradConvSoftArgmax3d.self,
    ]
}

enum GradSpatialSoftmax2d: GradOp {
    static func run<S: SubpixScalar>(_ grad: GradCase, as: S.Type) throws -> (outputs: [GoldenResult], gradients: [String: GoldenResult]) {
        let (value, pullback) = try spatialSoftmax2dWithPullback(
            grad.golden.input() as Tensor<S>, temperature: grad.golden.double("temperature"))
        return ([GoldenResult(value)], ["input": GoldenResult(try pullback(grad.cotangent(0)))])
    }
}

enum GradSpatialExpectation2d: GradOp {
    static func run<S: SubpixScalar>(_ grad: GradCase, as: S.Type) throws -> (outputs: [GoldenResult], gradients: [String: GoldenResult]) {
        let (value, pullback) = try spatialExpectation2dWithPullback(
            grad.golden.input() as Tensor<S>, normalizedCoordinates: grad.golden.bool("normalized_coordinates"))
        return ([GoldenResult(value)], ["input": GoldenResult(try pullback(grad.cotangent(0)))])
    }
}

enum GradSpatialSoftArgmax2d: GradOp {
    static func run<S: SubpixScalar>(_ grad: GradCase, as: S.Type) throws -> (outputs: [GoldenResult], gradients: [String: GoldenResult]) {
        let (value, pullback) = try spatialSoftArgmax2dWithPullback(
            grad.golden.input() as Tensor<S>, temperature: grad.golden.double("temperature"),
            normalizedCoordinates: grad.golden.bool("normalized_coordinates"))
        return ([GoldenResult(value)], ["input": GoldenResult(try pullback(grad.cotangent(0)))])
    }
}

enum GradRenderGaussian2d: GradOp {
    static func run<S: SubpixScalar>(_ grad: GradCase, as: S.Type) throws -> (outputs: [GoldenResult], gradients: [String: GoldenResult]) {
        let size = try grad.golden.ints("size")
        guard size.count == 2 else { throw GoldenError("\(grad.label): size needs 2 values") }
        let (value, pullback) = try renderGaussian2dWithPullback(
            mean: grad.golden.input("mean") as Tensor<S>, std: grad.golden.input("std") as Tensor<S>,
            size: (size[0], size[1]), normalizedCoordinates: grad.golden.bool("normalized_coordinates"))
        let (mean, std) = try pullback(grad.cotangent(0))
        return ([GoldenResult(value)], ["mean": GoldenResult(mean), "std": GoldenResult(std)])
    }
}

enum GradConvSoftArgmax2d: GradOp {
    static func run<S: SubpixScalar>(_ grad: GradCase, as: S.Type) throws -> (outputs: [GoldenResult], gradients: [String: GoldenResult]) {
        let golden = grad.golden
        let (value, pullback) = try convSoftArgmax2dWithPullback(
            golden.input() as Tensor<S>, kernelSize: golden.ints("kernel_size"), stride: golden.ints("stride"),
            padding: golden.ints("padding"), temperature: golden.double("temperature"),
            normalizedCoordinates: golden.bool("normalized_coordinates"), eps: golden.double("eps"),
            outputValue: golden.bool("output_value"), version: golden.korniaVersion())
        let gradient = try pullback(grad.cotangent(0), value.values == nil ? nil : grad.cotangent(1))
        return (results(value), ["input": GoldenResult(gradient)])
    }
}

enum GradConvSoftArgmax3d: GradOp {
    static func run<S: SubpixScalar>(_ grad: GradCase, as: S.Type) throws -> (outputs: [GoldenResult], gradients: [String: GoldenResult]) {
        let golden = grad.golden
        let (value, pullback) = try convSoftArgmax3dWithPullback(
            golden.input() as Tensor<S>, kernelSize: golden.ints("kernel_size"), stride: golden.ints("stride"),
            padding: golden.ints("padding"), temperature: golden.double("temperature"),
            normalizedCoordinates: golden.bool("normalized_coordinates"), eps: golden.double("eps"),
            outputValue: golden.bool("output_value"),
            strictMaximaBonus: golden.has("strict_maxima_bonus") ? golden.double("strict_maxima_bonus") : 0, version: golden.korniaVersion())
        let gradient = try pullback(grad.cotangent(0), value.values == nil ? nil : grad.cotangent(1))
        return (results(value), ["input": GoldenResult(gradient)])
    }
}

private func results<S: SubpixScalar>(_ value: (coords: Tensor<S>, values: Tensor<S>?)) -> [GoldenResult] {
    [GoldenResult(value.coords)] + (value.values.map { [GoldenResult($0)] } ?? [])
}
