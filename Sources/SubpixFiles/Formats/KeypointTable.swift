import Foundation
import Subpix

/// Keypoint tables: CSV with the header `batch,channel,x,y[,depth],value`, and JSON arrays.
public enum KeypointTable {
    /// True when `text` starts with a keypoint CSV header.
    static func isKeypointCSV(_ text: String) -> Bool {
        text.prefix(while: { $0 != "\n" }).lowercased().hasPrefix("batch,channel,x,y")
    }

    /// The rows of a read table under the keypoint rule: rows with a non-finite
    /// coordinate or value are dropped and counted.
    static func finite(_ rows: [Keypoint]) -> KeypointList {
        let kept = rows.filter(KeypointList.isFinite)
        return KeypointList(kept, droppedNonFinite: rows.count - kept.count)
    }

    public static func readCSV(_ text: String, path: String) throws -> [Keypoint] {
        var lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().lowercased().split(separator: ",").map(String.init)
        let hasDepth = header == ["batch", "channel", "x", "y", "depth", "value"]
        guard hasDepth || header == ["batch", "channel", "x", "y", "value"] else {
            throw FormatError(path, "expected the header batch,channel,x,y[,depth],value, got \(header.joined(separator: ","))")
        }
        return try lines.enumerated().map { number, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count, let batch = Int(fields[0]), let channel = Int(fields[1]),
                  let x = Double(fields[2]), let y = Double(fields[3]), let value = Double(fields[fields.count - 1])
            else { throw FormatError(path, "line \(number + 2): expected \(header.count) fields matching the header") }
            let depth = hasDepth ? Double(fields[4]) : nil
            return Keypoint(batch: batch, channel: channel, x: x, y: y, depth: depth, value: value)
        }
    }

    public static func readJSON(_ data: Data, path: String) throws -> [Keypoint] {
        guard let objects = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw FormatError(path, "expected a JSON array of keypoint objects")
        }
        return try objects.enumerated().map { index, object in
            func number(_ key: String) -> Double? { (object[key] as? NSNumber)?.doubleValue ?? (object[key] is NSNull ? .nan : nil) }
            guard let batch = object["batch"] as? Int, let channel = object["channel"] as? Int,
                  let x = number("x"), let y = number("y"), let value = number("value")
            else { throw FormatError(path, "keypoint \(index): expected batch, channel, x, y and value") }
            return Keypoint(batch: batch, channel: channel, x: x, y: y, depth: number("depth"), value: value)
        }
    }
}
