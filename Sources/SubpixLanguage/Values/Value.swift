import Subpix

/// A value of the script language.
///
/// Scripts see Python-like types: `None`, `bool`, `int`, `float`, `str`,
/// `tuple`, `list`, plus the subpix types `tensor` (float32 or float64),
/// `mask` (the booleans of `nms2d(..., mask_only=True)`), `keypoints`, `table` and
/// `npz` (the named arrays of an `.npz` file).
public enum Value: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case tensor(AnyTensor)
    case mask(Mask)
    case tuple([Value])
    case list([Value])
    case keypoints(KeypointList)
    /// A table of results (`accuracy(...)`).
    case table(Table)
    /// The arrays of an `.npz` file, by name.
    case archive(TensorArchive)
    /// A builtin function, by name.
    case function(String)
    /// The viewer's settings object (`view.temperature = 2`).
    case view

    /// The Python-style type name used in messages (`tensor`, `int`, `str`, ...).
    public var typeName: String {
        switch self {
        case .none: "None"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .string: "str"
        case .tensor: "tensor"
        case .mask: "mask"
        case .tuple: "tuple"
        case .list: "list"
        case .keypoints: "keypoints"
        case .table: "table"
        case .archive: "npz"
        case .function: "function"
        case .view: "view"
        }
    }

    /// The type name with its article, for messages: `an int`, `a tensor`, `None`.
    public var typeWithArticle: String {
        switch self {
        case .none: "None"
        case .int: "an int"
        case .archive: "an npz archive"
        default: "a \(typeName)"
        }
    }

    /// The number this value holds: an int, a float, a bool, or a one-element
    /// tensor (kornia passes `temperature` as `tensor(1.0)`).
    public var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .float(let value): value
        case .bool(let flag): flag ? 1 : 0
        case .tensor(let tensor) where tensor.count == 1: tensor.doubles.first
        default: nil
        }
    }

    /// The items of a tuple or list.
    public var items: [Value]? {
        switch self {
        case .tuple(let items), .list(let items): items
        default: nil
        }
    }

    /// True for `None`.
    public var isNone: Bool { self == .none }
}

extension Value: CustomStringConvertible {
    /// How `print` shows the value: tensors as torch does, strings bare.
    public var description: String {
        switch self {
        case .string(let text): text
        default: repr
        }
    }

    /// How the REPL echoes the value: strings quoted, as Python's `repr`.
    public var repr: String {
        switch self {
        case .none: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .int(let value): String(value)
        case .float(let value): Self.format(value)
        case .string(let text): "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        case .tensor(let tensor): tensor.description
        case .mask(let mask): mask.description
        case .tuple(let items): "(" + items.map(\.repr).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case .list(let items): "[" + items.map(\.repr).joined(separator: ", ") + "]"
        case .keypoints(let points): KeypointText.table(points)
        case .table(let table): table.text
        case .archive(let archive):
            "npz '\(archive.path)': " + archive.members.map { "\($0.name) \(formatShape($0.tensor.shape)) \($0.tensor.dtype.rawValue)" }
                .joined(separator: ", ")
        case .function(let name): "<builtin \(name)>"
        case .view: "<view settings>"
        }
    }

    /// Python's float repr for the common cases: shortest round-trip digits, `1.0` not `1`.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), Swift.abs(value) < 1e16 { return String(Int(value)) + ".0" }
        return "\(value)"
    }
}
