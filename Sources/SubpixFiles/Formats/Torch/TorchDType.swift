/// The element types of `.pt` storages subpix reads, named as torch pickles them:
/// by storage class (`torch.FloatStorage`) or by dtype (`torch.float32`, with
/// `torch.storage.UntypedStorage`).
enum TorchDType: String, CaseIterable {
    case float16, float32, float64, uint8, int8, int16, int32, int64, bool

    /// Bytes per element.
    var size: Int {
        switch self {
        case .uint8, .int8, .bool: 1
        case .float16, .int16: 2
        case .float32, .int32: 4
        case .float64, .int64: 8
        }
    }

    /// The legacy storage class of the dtype, as `torch.save` names it.
    var storageClass: String {
        switch self {
        case .float16: "torch.HalfStorage"
        case .float32: "torch.FloatStorage"
        case .float64: "torch.DoubleStorage"
        case .uint8: "torch.ByteStorage"
        case .int8: "torch.CharStorage"
        case .int16: "torch.ShortStorage"
        case .int32: "torch.IntStorage"
        case .int64: "torch.LongStorage"
        case .bool: "torch.BoolStorage"
        }
    }

    /// The dtype of a storage class (`torch.FloatStorage`) or dtype (`torch.float32`) global.
    init?(global name: String) {
        guard let dtype = Self.allCases.first(where: { $0.storageClass == name || "torch.\($0.rawValue)" == name }) else { return nil }
        self = dtype
    }

    /// The same element as NumPy describes it (`<f4`), in the archive's byte order.
    func descr(littleEndian: Bool) -> String {
        let order = littleEndian ? "<" : ">"
        switch self {
        case .float16: return order + "f2"
        case .float32: return order + "f4"
        case .float64: return order + "f8"
        case .uint8: return "|u1"
        case .int8: return "|i1"
        case .int16: return order + "i2"
        case .int32: return order + "i4"
        case .int64: return order + "i8"
        case .bool: return "|b1"
        }
    }
}
