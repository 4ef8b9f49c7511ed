import Subpix
import SubpixLanguage

extension BuiltinRegistry {
    /// The kornia ops, their gradients, the field's decoders, keypoints, diagnosis, generators, shapes, conversions, file and session builtins.
    public static let standard = BuiltinRegistry(
        Method.all.map(Builtin.init(method:)) + GradientBuiltins.all + FieldBuiltins.all + LabBuiltins.all + KeypointBuiltins.all + [DiagnoseBuiltin.builtin, CompareBuiltin.builtin]
            + GeneratorBuiltins.all + ShapeBuiltins.all + ConversionBuiltins.all + FileBuiltins.all
            + SessionBuiltins.all)
}
