/// A value given for a method's parameter, as kornia's Python passes it.
public enum ArgumentValue: Sendable, Equatable, CustomStringConvertible {
    case none
    case bool(Bool)
    case int(Int)
    case real(Double)
    /// One integer per axis (`(3, 3)`).
    case integers([Int])
    case text(String)
    case tensor(AnyTensor)
    case mask(Mask)

    public var description: String {
        switch self {
        case .none: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .int(let value): String(value)
        case .real(let value): String(value)
        case .integers(let values): formatShape(values)
        case .text(let text): "'\(text)'"
        case .tensor(let tensor): "a tensor of shape \(formatShape(tensor.shape))"
        case .mask(let mask): "a mask of shape \(formatShape(mask.shape))"
        }
    }
}
