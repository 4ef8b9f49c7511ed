import Subpix

/// kornia's `spatial_softmax2d(input, temperature)`.
enum GoldenSpatialSoftmax2d: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        [GoldenResult(try spatialSoftmax2d(golden.input() as Tensor<S>, temperature: golden.double("temperature")))]
    }
}

/// kornia's `spatial_expectation2d(input, normalized_coordinates)`.
enum GoldenSpatialExpectation2d: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        [GoldenResult(try spatialExpectation2d(
            golden.input() as Tensor<S>, normalizedCoordinates: golden.bool("normalized_coordinates")))]
    }
}

/// kornia's `spatial_soft_argmax2d(input, temperature, normalized_coordinates)`.
enum GoldenSpatialSoftArgmax2d: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        [GoldenResult(try spatialSoftArgmax2d(
            golden.input() as Tensor<S>, temperature: golden.double("temperature"),
            normalizedCoordinates: golden.bool("normalized_coordinates")))]
    }
}

/// kornia's `render_gaussian2d(mean, std, size, normalized_coordinates)`.
enum GoldenRenderGaussian2d: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        let size = try golden.ints("size")
        guard size.count == 2 else { throw GoldenError("\(golden.label): size needs 2 values") }
        return [GoldenResult(try renderGaussian2d(
            mean: golden.input("mean") as Tensor<S>, std: golden.input("std") as Tensor<S>,
            size: (size[0], size[1]), normalizedCoordinates: golden.bool("normalized_coordinates")))]
    }
}

/// kornia's `conv_soft_argmax2d(input, kernel_size, stride, padding, temperature, normalized_coordinates, eps, output_value)`.
enum GoldenConvSoftArgmax2d: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        let (coords, values) = try convSoftArgmax2d(
            golden.input() as Tensor<S>, kernelSize: golden.ints("kernel_size"), stride: golden.ints("stride"),
            padding: golden.ints("padding"), temperature: golden.double("temperature"),
            normalizedCoordinates: golden.bool("normalized_coordinates"), eps: golden.double("eps"),
            outputValue: golden.bool("output_value"))
        return [GoldenResult(coords)] + (values.map { [GoldenResult($0)] } ?? [])
    }
}

/// kornia's `conv_soft_argmax3d(..., output_value, strict_maxima_bonus)`.
enum GoldenConvSoftArgmax3d: GoldenOp {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult] {
        let (coords, values) = try convSoftArgmax3d(
            golden.input() as Tensor<S>, kernelSize: golden.ints("kernel_size"), stride: golden.ints("stride"),
            padding: golden.ints("padding"), temperature: golden.double("temperature"),
            normalizedCoordinates: golden.bool("normalized_coordinates"), eps: golden.double("eps"),
            outputValue: golden.bool("output_value"), strictMaximaBonus: golden.double("strict_maxima_bonus"))
        return [GoldenResult(coords)] + (values.map { [GoldenResult($0)] } ?? [])
    }
}
