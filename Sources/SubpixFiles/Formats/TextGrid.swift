import Foundation
import Subpix
import SubpixLanguage

/// Plain-text 2D grids of numbers (`.csv`, `.txt`): one row per line, values
/// separated by commas or white space; blank lines and `#` comments skipped.
public enum TextGrid {
    public static func read(_ text: String, path: String, maxBytes: Int = ReadLimits.maxBytes) throws -> Tensor<Float> {
        var rows: [[Float]] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == ";" })
            let values = try fields.map { field -> Float in
                guard let value = Float(field) ?? Self.special(field) else {
                    throw FormatError(path, "line \(number + 1): expected a number, got '\(field.prefix(20))'")
                }
                return value
            }
            if let first = rows.first, first.count != values.count {
                throw FormatError(path, "line \(number + 1): expected \(first.count) values like the first row, got \(values.count)")
            }
            rows.append(values)
            _ = try ReadLimits.check([rows.count, values.count], elementSize: 4, path: path, maxBytes: maxBytes)
        }
        guard let width = rows.first?.count, width > 0 else { throw FormatError(path, "expected a grid of numbers, got no rows") }
        return try Tensor(shape: [1, 1, rows.count, width], elements: rows.flatMap { $0 })
    }

    /// The last two axes of `tensor` as lines of comma-separated values (leading axes must be 1).
    public static func encode(_ tensor: AnyTensor, path: String) throws -> String {
        let shape = tensor.shape
        guard shape.count >= 1, shape.dropLast(2).allSatisfy({ $0 == 1 }) else {
            throw FormatError(path, "a .csv grid holds one 2D map; expected shape (H, W) or (1, 1, H, W), got \(formatShape(shape))")
        }
        let width = shape.last ?? 1
        let values = tensor.doubles
        return stride(from: 0, to: values.count, by: max(width, 1)).map { start in
            values[start..<min(values.count, start + width)].map { KeypointText.number($0) }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    private static func special(_ field: Substring) -> Float? {
        switch field.lowercased() {
        case "nan": .nan
        case "inf", "+inf", "infinity": .infinity
        case "-inf", "-infinity": -.infinity
        default: nil
        }
    }
}
