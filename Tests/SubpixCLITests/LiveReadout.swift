import Foundation

/// What the live viewer tests read: the NumPy producer `scripts/live-producer.py` (a
/// moving Gaussian peak whose true position it writes to a CSV after each frame), its
/// truth, and the keypoint the side panel lists.
enum LiveReadout {
    /// The producer script's path.
    static let producer = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scripts/live-producer.py").standardized.path

    /// The producer's true peak positions, by frame (its CSV: frame,x,y).
    static func truth(_ path: String) throws -> [(x: Double, y: Double)] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let fields = line.split(separator: ",").compactMap { Double($0) }
            return (fields[1], fields[2])
        }
    }

    /// The first keypoint listed in the side panel (the line under "── keypoints").
    static func listedKeypoint(_ screen: String) -> (x: Double, y: Double)? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.contains("── keypoints") }), header + 1 < lines.count else { return nil }
        let numbers = lines[header + 1].split(separator: " ").compactMap { Double($0) }
        guard numbers.count >= 3 else { return nil }
        return (numbers[numbers.count - 3], numbers[numbers.count - 2])
    }

    /// The listed keypoint when it is within 0.5 px of `peak`.
    static func listedKeypoint(_ screen: String, near peak: (x: Double, y: Double)) -> (x: Double, y: Double)? {
        listedKeypoint(screen).flatMap { hypot($0.x - peak.x, $0.y - peak.y) < 0.5 ? $0 : nil }
    }
}
