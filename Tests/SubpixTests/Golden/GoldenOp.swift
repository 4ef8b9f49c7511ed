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

/// Runs one golden case, in the element type of the case.
typealias GoldenRunner = (GoldenCase) throws -> [GoldenResult]

/// The field's decoders the harness knows, by the `op` name of their fixture files
/// (kornia's ops run through the registry, ``GoldenMethods``). A fixture whose op
/// is missing fails the golden test.
enum GoldenOps {
    /// The runner of a ``GoldenOp`` type, in the element type of each case.
    static func runner(_ op: any GoldenOp.Type) -> GoldenRunner {
        { golden in golden.dtype == .float32 ? try op.run(golden, as: Float.self) : try op.run(golden, as: Double.self) }
    }
}
