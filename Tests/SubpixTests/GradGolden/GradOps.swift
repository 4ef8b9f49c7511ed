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

enum GradConvSoftArgmax2d: GradOp {
    static func run<S: SubpixScalar>(_ grad: GradCase, as: S.Type) throws -> (outputs: [GoldenResult], gradients: [String: GoldenResult]) {
        let golden = grad.golden
        let (value, pullback) = try convSoftArgmax2dWithPullback(
            golden.input() as Tensor<S>, kernelSize: golden.ints("kernel_size"), stride: golden.ints("stride"),
            padding: golden.ints("padding"), temperature: golden.double("temperature"),
            normalizedCoordinates: golden.bool("normalized_coordinates"), eps: golden.double("eps"),
            outputValue: golden.bool("output_value"))
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
            outputValue: golden.bool("output_value"), strictMaximaBonus: golden.double("strict_maxima_bonus"))
        let gradient = try pullback(grad.cotangent(0), value.values == nil ? nil : grad.cotangent(1))
        return (results(value), ["input": GoldenResult(gradient)])
    }
}

private func results<S: SubpixScalar>(_ value: (coords: Tensor<S>, values: Tensor<S>?)) -> [GoldenResult] {
    [GoldenResult(value.coords)] + (value.values.map { [GoldenResult($0)] } ?? [])
}
