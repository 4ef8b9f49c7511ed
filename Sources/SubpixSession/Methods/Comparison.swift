import Foundation
import Subpix

/// How well each 2D method recovers known peaks — of a heatmap made by
/// `gaussians(...)`, or the user's own ground truth: per method, the mean and
/// max distance (px) from each true point to the nearest keypoint of its map,
/// and the run time.
public struct Comparison: Sendable {
    public struct Row: Sendable {
        public var method: String
        public var meanError: Double
        public var maxError: Double
        public var milliseconds: Double
        public var keypoints: Int
    }

    public var rows: [Row]

    /// The 2D methods with the view's parameters, plus the hard argmax as the baseline.
    /// Each map that has true points is measured on its own (a pose model's channel k
    /// against keypoint k), keeping as many keypoints as the map has true points.
    public init(_ tensor: AnyTensor, truth: [TruePoint], view: ViewSettings) {
        let maps = Dictionary(grouping: truth) { [$0.batch, $0.channel] }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        func row(_ name: String, _ method: KeypointMethod, _ view: ViewSettings) -> Row {
            var (errors, milliseconds, count) = ([Double](), 0.0, 0)
            for (map, points) in maps {
                var single = view
                (single.batch, single.channel, single.topK) = (map[0], map[1], Swift.max(1, points.count))
                let run = MethodRun(method: method, tensor: tensor, view: single)
                errors += TruePoint.errors(of: points, to: run.keypoints)
                milliseconds += run.milliseconds
                count += run.keypoints.count
            }
            let (mean, max) = Self.summary(errors)
            return Row(method: name, meanError: mean, maxError: max, milliseconds: milliseconds, keypoints: count)
        }
        var integer = view
        integer.kernelSize = [3, 3]
        rows = [row("hard argmax (\(KeypointMethod.hardArgmax.name) 3x3)", .hardArgmax, integer)]
            + KeypointMethod.softArgmaxes.map { row($0.name, $0, view) }
    }

    /// Mean and max distance (px) from each true peak to its nearest keypoint
    /// (infinite when there is no keypoint).
    public static func errors(_ points: KeypointList, truth: [GaussianPeak]) -> (mean: Double, max: Double) {
        summary(TruePoint.errors(of: truth.map(TruePoint.init), to: points))
    }

    /// The mean and the largest of `distances` (infinite when there are none).
    private static func summary(_ distances: [Double]) -> (mean: Double, max: Double) {
        (distances.reduce(0, +) / Double(Swift.max(1, distances.count)), distances.max() ?? .infinity)
    }

    /// An aligned table; `timings: false` leaves the time column out (reproducible output).
    public func table(timings: Bool = true) -> String {
        var lines = ["method                    mean err   max err   points" + (timings ? "      ms" : "")]
        for row in rows {
            var line = row.method.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(format: "  %8.3f  %8.3f  %7d", row.meanError, row.maxError, row.keypoints)
            if timings { line += String(format: "  %6.2f", row.milliseconds) }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
