import Foundation
import Subpix

/// Keypoint lists as text: an aligned table for people, CSV and JSON for programs.
public enum KeypointText {
    /// `batch channel x y [depth] value`, one keypoint per line, and a last
    /// line with the count dropped for NaN/inf (`2 dropped: NaN/inf`) when any were.
    public static func table(_ points: KeypointList) -> String {
        let note = points.droppedNote.map { "\n" + $0 } ?? ""
        guard !points.isEmpty else { return "(no keypoints)" + note }
        let hasDepth = points.contains { $0.depth != nil }
        var lines = ["batch channel          x          y" + (hasDepth ? "      depth" : "") + "      value"]
        for point in points {
            var line = pad(String(point.batch), 5) + pad(String(point.channel), 8)
            line += pad(fixed(point.x), 11) + pad(fixed(point.y), 11)
            if hasDepth { line += pad(point.depth.map(fixed) ?? "-", 11) }
            line += pad(fixed(point.value), 11)
            lines.append(line)
        }
        return lines.joined(separator: "\n") + note
    }

    /// A CSV table with the header `batch,channel,x,y[,depth],value`; with `frame`, each
    /// row starts with it under a `frame` column; `header: false` leaves the header out.
    public static func csv(_ points: KeypointList, frame: Int? = nil, header: Bool = true) -> String {
        let hasDepth = points.contains { $0.depth != nil }
        var lines = header ? [(frame == nil ? "" : "frame,") + "batch,channel,x,y" + (hasDepth ? ",depth" : "") + ",value"] : []
        for point in points {
            var fields = (frame.map { [String($0)] } ?? []) + [String(point.batch), String(point.channel), number(point.x), number(point.y)]
            if hasDepth { fields.append(point.depth.map(number) ?? "") }
            fields.append(number(point.value))
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The viewer's export: one row per keypoint of each method, `method` first,
    /// the coordinates' unit in the header (`x_px,y_px` or `x_norm,y_norm`).
    public static func csv(_ lists: [(method: String, points: KeypointList)], normalized: Bool) -> String {
        let hasDepth = lists.contains { $0.points.contains { $0.depth != nil } }
        let unit = normalized ? "norm" : "px"
        var lines = ["method,batch,channel,x_\(unit),y_\(unit)" + (hasDepth ? ",depth" : "") + ",value"]
        for (method, points) in lists {
            for point in points {
                var fields = [method, String(point.batch), String(point.channel), number(point.x), number(point.y)]
                if hasDepth { fields.append(point.depth.map(number) ?? "") }
                fields.append(number(point.value))
                lines.append(fields.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `point` with x and y on kornia's [-1, 1] grid of a `width × height` map
    /// (`2x / (W − 1) − 1`; NaN along an axis of size 1, as kornia's grid).
    public static func normalized(_ point: Keypoint, width: Int, height: Int) -> Keypoint {
        var point = point
        point.x = width > 1 ? 2 * point.x / Double(width - 1) - 1 : .nan
        point.y = height > 1 ? 2 * point.y / Double(height - 1) - 1 : .nan
        return point
    }

    /// A JSON array of `{"batch", "channel", "x", "y", ["depth",] "value"}` objects.
    public static func json(_ points: KeypointList) -> String {
        let objects = points.map { point in
            var fields = ["\"batch\": \(point.batch)", "\"channel\": \(point.channel)",
                          "\"x\": \(jsonNumber(point.x))", "\"y\": \(jsonNumber(point.y))"]
            if let depth = point.depth { fields.append("\"depth\": \(jsonNumber(depth))") }
            fields.append("\"value\": \(jsonNumber(point.value))")
            return "{" + fields.joined(separator: ", ") + "}"
        }
        return "[" + objects.joined(separator: ",\n ") + "]\n"
    }

    /// Shortest round-trip text of a number (`nan`, `inf` for non-finite).
    package static func number(_ value: Double) -> String {
        value.isNaN ? "nan" : value.isInfinite ? (value > 0 ? "inf" : "-inf") : "\(value)"
    }

    /// JSON has no NaN or infinity: they become `null`.
    package static func jsonNumber(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }

    private static func fixed(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4f", value) : number(value)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
