import Subpix

/// A value of the script language.
///
/// Scripts see Python-like types: `None`, `bool`, `int`, `float`, `str`,
/// `tuple`, `list`, `dict`, `range`, functions written with `def`, plus the subpix
/// types `tensor` (float32 or float64), `mask` (a tensor of booleans: a comparison
/// of tensors, `nms2d(..., mask_only=True)`), `keypoints` and one `keypoint` of them,
/// `table` and `npz` (the named arrays of an `.npz` file).
///
/// Values are values: `b = a` copies a list (its later `a.append(x)` leaves `b` as it was).
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
    case dictionary(ScriptDictionary)
    /// `range(start, stop, step)`, iterated lazily.
    case range(ScriptRange)
    case keypoints(KeypointList)
    /// One keypoint of a list (`kp[0]`): `.x`, `.y`, `.value`, ...; it also reads as the tuple
    /// `(batch, channel, x, y, [depth,] value)`.
    case keypoint(Keypoint)
    /// A table of results (`accuracy(...)`).
    case table(Table)
    /// The arrays of an `.npz` file, by name.
    case archive(TensorArchive)
    /// A builtin function, by name.
    case function(String)
    /// A function written with `def`.
    case userFunction(ScriptFunction)
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
        case .dictionary: "dict"
        case .range: "range"
        case .keypoints: "keypoints"
        case .keypoint: "keypoint"
        case .table: "table"
        case .archive(let archive): archive.kind.rawValue
        case .function, .userFunction: "function"
        case .view: "view"
        }
    }

    /// The type name with its article, for messages: `an int`, `a tensor`, `None`.
    public var typeWithArticle: String {
        switch self {
        case .none: "None"
        case .int: "an int"
        case .archive(let archive): archive.kind.withArticle
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

    /// The items of a tuple or list (a keypoint's as its tuple row).
    public var items: [Value]? {
        switch self {
        case .tuple(let items), .list(let items): items
        case .keypoint(let point): Self.row(point)
        default: nil
        }
    }

    /// A keypoint as the tuple items `(batch, channel, x, y, [depth,] value)`.
    static func row(_ point: Keypoint) -> [Value] {
        let depth: [Value] = point.depth.map { [.float($0)] } ?? []
        return [.int(point.batch), .int(point.channel), .float(point.x), .float(point.y)] + depth + [.float(point.value)]
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
        case .string(let text):
            "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "'"
        case .tensor(let tensor): tensor.description
        case .mask(let mask): mask.description
        case .tuple(let items): "(" + items.map(\.repr).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case .list(let items): "[" + items.map(\.repr).joined(separator: ", ") + "]"
        case .dictionary(let dictionary): dictionary.repr
        case .range(let range): range.repr
        case .keypoints(let points): KeypointText.table(points)
        case .keypoint(let point): Value.tuple(Self.row(point)).repr
        case .table(let table): table.text
        case .archive(let archive):
            "\(archive.kind.rawValue) '\(archive.path)': " + archive.members.map { "\($0.name) \(formatShape($0.tensor.shape)) \($0.tensor.dtype.rawValue)" }
                .joined(separator: ", ")
        case .function(let name): "<builtin \(name)>"
        case .userFunction(let function): "<function \(function.name)>"
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
