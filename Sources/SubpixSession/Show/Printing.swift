import Foundation
import Subpix
import SubpixFiles
import SubpixLanguage

/// The text `print` writes for one value: as `Value.description` by default,
/// or machine-readable with `format: "csv"` / `"json"`.
enum Printing {
    static func text(_ value: Value, format: String?) throws -> String {
        switch (format, value) {
        case (nil, _): return value.description
        case ("csv", .keypoints(let k)): return KeypointText.csv(k).trimmingCharacters(in: .newlines)
        case ("csv", .table(let table)): return table.csv
        case ("json", .keypoints(let k)): return KeypointText.json(k).trimmingCharacters(in: .newlines)
        case ("csv", .tensor(let t)): return try TextGrid.encode(t, path: "print").trimmingCharacters(in: .newlines)
        case ("json", .tensor(let t)):
            return "{\"shape\": [\(t.shape.map(String.init).joined(separator: ", "))], \"dtype\": \"\(t.dtype)\", \"data\": ["
                + t.doubles.map(KeypointText.jsonNumber).joined(separator: ", ") + "]}"
        case (_, .mask(let m)):
            return try text(.tensor(.float32(m.map { $0 ? 1 : 0 })), format: format)
        case ("json", .string(let s)):
            return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case ("json", .none):
            return "null"
        case ("json", .bool(let flag)):
            return flag ? "true" : "false"
        case (_, .int(let n)):
            return String(n)
        default:
            if let items = value.items {
                let parts = try items.map { try text($0, format: format) }
                return format == "json" ? "[" + parts.joined(separator: ", ") + "]" : parts.joined(separator: ",")
            }
            if let number = value.number, value.typeName != "bool" {
                return format == "json" ? KeypointText.jsonNumber(number) : KeypointText.number(number)
            }
            return value.description
        }
    }
}
