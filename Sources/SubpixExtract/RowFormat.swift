import Foundation

/// The text forms of the table: CSV with one header line, or JSON Lines (one object a row).
public enum RowFormat: String, Sendable, CaseIterable {
    case csv, jsonl

    /// The header line (CSV), or nil (JSON Lines has none); with its newline.
    public func header(perChannel: Bool) -> String? {
        self == .csv ? KeypointRow.columns(perChannel: perChannel).joined(separator: ",") + "\n" : nil
    }

    /// One row as a line, with its newline.
    public func line(_ row: KeypointRow) -> String {
        let numbers: [String] = [row.x, row.y, row.value].map { Self.number($0, empty: self == .csv ? "" : "null") }
        let confident: String? = row.confident.map { $0 ? "true" : "false" }
        switch self {
        case .csv:
            var fields: [String] = [Self.csv(row.file), Self.csv(row.member), String(row.frame), String(row.batch), String(row.channel)]
            fields += numbers
            fields.append(Self.csv(row.method))
            if let confident { fields.append(confident) }
            return fields.joined(separator: ",") + "\n"
        case .jsonl:
            var values: [String] = [Self.json(row.file), Self.json(row.member), String(row.frame), String(row.batch), String(row.channel)]
            values += numbers
            values.append(Self.json(row.method))
            if let confident { values.append(confident) }
            let pairs = zip(KeypointRow.columns(perChannel: confident != nil), values).map { "\"\($0)\":\($1)" }
            return "{" + pairs.joined(separator: ",") + "}\n"
        }
    }

    /// The shortest text that reads back as the same double; `empty` for none.
    private static func number(_ value: Double?, empty: String) -> String {
        guard let value else { return empty }
        return value.description
    }

    /// A CSV field: quoted (with doubled quotes) when it holds a comma, quote or line break.
    static func csv(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A JSON string literal.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
