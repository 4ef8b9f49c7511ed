import Subpix

/// An op's result flattened for comparison with a golden output.
struct GoldenResult {
    var shape: [Int]
    var values: [Double]

    init<S: SubpixScalar>(_ tensor: Tensor<S>) {
        shape = tensor.shape
        values = tensor.elements.map { Double($0) }
    }

    init(_ mask: Mask) {
        shape = mask.shape
        values = mask.elements.map { $0 ? 1 : 0 }
    }
}

/// Runs one kornia op on a golden case, in the element type `S` of the case.
protocol GoldenOp: SendableMetatype {
    static func run<S: SubpixScalar>(_ golden: GoldenCase, as: S.Type) throws -> [GoldenResult]
}

/// Every op the harness knows, by the `op` name of its fixture file.
/// A fixture whose op is missing here fails the golden test.
enum GoldenOps {
    static let all: [String: any GoldenOp.Type] = spatialOps.merging(volumeOps) { first, _ in first }
}
