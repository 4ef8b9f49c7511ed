import Subpix
import SubpixLanguage

extension BuiltinRegistry {
    /// The kornia ops, their gradients, the field's decoders, keypoints, diagnosis, generators, shapes, conversions, file and session builtins.
    public static let standard = BuiltinRegistry(ops + others)

    /// The kornia ops, as the default release declares them (a session follows its own: ``following(_:)``).
    private static let ops: [Builtin] = Method.all.map { Builtin(method: $0) }

    private static let others: [Builtin] = GradientBuiltins.all + FieldBuiltins.all + LabBuiltins.all + KeypointBuiltins.all
        + [DiagnoseBuiltin.builtin, CompareBuiltin.builtin] + GeneratorBuiltins.all + ShapeBuiltins.all + ConversionBuiltins.all
        + PythonBuiltins.all + ReductionBuiltins.all + [GlobBuiltin.builtin]
        + FileBuiltins.all + SessionBuiltins.all
}
