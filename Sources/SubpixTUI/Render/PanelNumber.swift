import Foundation

/// Numbers as the side panel prints them: never `-0`, and values in a column
/// whose decimal points line up.
enum PanelNumber {
    /// `value` with a printf `format` of one `%f`, without the sign of a value that rounds to zero.
    static func fixed(_ value: Double, _ format: String) -> String {
        let text = String(format: format, value)
        guard text.contains("-"), !text.contains(where: { ("1"..."9").contains($0) }) else { return text }
        return text.replacingOccurrences(of: "-", with: " ")
    }

    /// A keypoint's value in 9 columns: 4 decimals from 0.001 to 99 999 (the points aligned),
    /// scientific notation below and above, `0.0000` for zero.
    static func value(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e5) || !value.isFinite { return fixed(value, "%9.4f") }
        return String(format: "%9.2e", value)
    }
}
