/// The globals a `.pt` pickle may name: exactly those torch's own
/// `torch.load(weights_only=True)` allows by default (torch 2.x,
/// `torch/_weights_only_unpickler.py`, `_get_allowed_globals`). Any other global
/// (`os.system`, `builtins.eval`, a model class) is refused before anything is built.
/// Of these, the reader interprets the ones that make dense tensors and the
/// containers around them; the rest become opaque values.
enum TorchGlobals {
    static let allowed: Set<String> = {
        var names: Set<String> = [
            "collections.OrderedDict", "collections.Counter", "torch.nn.parameter.Parameter",
            "torch.serialization._get_layout", "torch.Size", "torch.Tensor", "torch.device",
            "_codecs.encode", "builtins.bytearray", "builtins.set", "builtins.complex",
            "torch.storage.TypedStorage", "torch.storage.UntypedStorage",
            "torch._tensor._rebuild_from_type_v2",
        ]
        let rebuilds = ["parameter", "parameter_with_state", "qtensor", "tensor", "tensor_v2", "tensor_v3", "sparse_tensor",
                        "meta_tensor_no_storage", "wrapper_subclass", "device_tensor_from_numpy", "device_tensor_from_cpu_tensor"]
        names.formUnion(rebuilds.map { "torch._utils._rebuild_\($0)" })
        let dtypes = ["float16", "float32", "float64", "bfloat16", "bool", "uint8", "int8", "int16", "int32", "int64",
                      "uint16", "uint32", "uint64", "complex32", "complex64", "complex128", "bcomplex32",
                      "qint8", "qint32", "quint8", "quint4x2", "quint2x4",
                      "bits1x8", "bits2x4", "bits4x2", "bits8", "bits16",
                      "float8_e4m3fn", "float8_e4m3fnuz", "float8_e5m2", "float8_e5m2fnuz", "float8_e8m0fnu", "float4_e2m1fn_x2"]
            + (1...7).flatMap { ["int\($0)", "uint\($0)"] }
        names.formUnion(dtypes.map { "torch.\($0)" })
        let elements = ["BFloat16", "Bool", "Byte", "Char", "Double", "Float", "Half", "Int", "Long", "Short"]
        for prefix in ["torch.", "torch.cuda."] {
            names.formUnion((elements + ["ComplexDouble", "ComplexFloat"]).map { prefix + $0 + "Storage" })
            names.formUnion(elements.map { prefix + $0 + "Tensor" })
        }
        names.formUnion(["QInt32", "QInt8", "QUInt2x4", "QUInt4x2", "QUInt8"].map { "torch.\($0)Storage" })
        for prefix in ["torch.sparse.", "torch.cuda.sparse."] {
            names.formUnion(elements.filter { $0 != "Bool" }.map { prefix + $0 + "Tensor" })
        }
        names.formUnion(["per_tensor_affine", "per_tensor_symmetric", "per_channel_affine", "per_channel_symmetric",
                         "per_channel_affine_float_qparams"].map { "torch.\($0)" })
        return names
    }()
}
