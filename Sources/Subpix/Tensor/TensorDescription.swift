import Foundation

/// Prints tensors the way torch does for small ones:
///
/// ```
/// tensor([[[[0.0585, 0.0585, 0.0585],
///           [0.0585, 0.1589, 0.4319]]]])
/// ```
///
/// Tensors of more than 1000 elements show the first and last three entries
/// of each axis with `...` between them, as torch does.
extension Tensor: CustomStringConvertible {
    public var description: String {
        let summarise = count > 1000
        let texts = elements.map(Self.format)
        let width = texts.map(\.count).max() ?? 0
        let padded = texts.map { String(repeating: " ", count: width - $0.count) + $0 }
        let body = rank == 0 ? (padded.first ?? "") : Self.render(
            padded, shape: shape, axis: 0, offset: 0, indent: 8, summarise: summarise)
        let suffix = shape.contains(0) ? ", size=\(formatShape(shape))" : ""
        return "tensor(\(body)\(suffix))"
    }

    private static func format(_ element: Element) -> String {
        switch element {
        case let value as Float: return formatScalar(Double(value))
        case let value as Double: return formatScalar(value)
        case let flag as Bool: return flag ? "True" : "False"
        default: return "\(element)"
        }
    }

    private static func render(
        _ texts: [String], shape: [Int], axis: Int, offset: Int, indent: Int, summarise: Bool
    ) -> String {
        let size = shape[axis]
        let stride = shape[(axis + 1)...].reduce(1, *)
        let shown: [Int?] = summarise && size > 6 ? Array(0..<3) + [nil] + Array((size - 3)..<size) : Array(0..<size)
        if axis == shape.count - 1 {
            return "[" + shown.map { $0.map { texts[offset + $0] } ?? "..." }.joined(separator: ", ") + "]"
        }
        let newlines = String(repeating: "\n", count: shape.count - axis - 1)
        let pad = String(repeating: " ", count: indent + 1)
        let rows = shown.map { index in
            index.map {
                render(texts, shape: shape, axis: axis + 1, offset: offset + $0 * stride, indent: indent + 1, summarise: summarise)
            } ?? "..."
        }
        return "[" + rows.joined(separator: "," + newlines + pad) + "]"
    }
}

/// Four decimals, as torch prints floats by default; NaN and infinities by name.
func formatScalar(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    let magnitude = Swift.abs(value)
    if magnitude != 0 && (magnitude >= 1e8 || magnitude < 1e-4) {
        return String(format: "%.4e", value)
    }
    return String(format: "%.4f", value)
}
