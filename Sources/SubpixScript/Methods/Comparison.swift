import Foundation
import Subpix

/// How well each 2D method recovers the known peaks of a heatmap made by
/// `gaussians(...)`: per method, the mean and max distance (px) from each true
/// peak to the nearest keypoint, and the run time.
public struct Comparison: Sendable {
    public struct Row: Sendable {
        public var method: String
        public var meanError: Double
        public var maxError: Double
        public var milliseconds: Double
        public var keypoints: Int
    }

    public var rows: [Row]

    /// The 2D methods with the view's parameters, plus the hard argmax as the baseline;
    /// each method keeps as many keypoints as there are true peaks (its strongest).
    public init(_ tensor: AnyTensor, truth: [GaussianPeak], view: ViewSettings) {
        var view = view
        view.topK = max(1, truth.count)
        func errors(_ points: KeypointList) -> (mean: Double, max: Double) { Self.errors(points, truth: truth) }
        var rows: [Row] = []
        var integer = view
        integer.kernelSize = [3, 3]
        let hard = MethodRun(method: .nms2d, tensor: tensor, view: integer)
        let hardErrors = errors(hard.keypoints)
        rows.append(Row(method: "hard argmax (nms2d 3x3)", meanError: hardErrors.mean, maxError: hardErrors.max,
                        milliseconds: hard.milliseconds, keypoints: hard.keypoints.count))
        for method in [ViewMethod.spatialSoftArgmax2d, .convSoftArgmax2d] {
            let run = MethodRun(method: method, tensor: tensor, view: view)
            let e = errors(run.keypoints)
            rows.append(Row(method: method.rawValue, meanError: e.mean, maxError: e.max, milliseconds: run.milliseconds, keypoints: run.keypoints.count))
        }
        self.rows = rows
    }

    /// Mean and max distance (px) from each true peak to its nearest keypoint
    /// (infinite when there is no keypoint).
    public static func errors(_ points: KeypointList, truth: [GaussianPeak]) -> (mean: Double, max: Double) {
        let distances = truth.map { peak in points.map { hypot($0.x - peak.x, $0.y - peak.y) }.min() ?? .infinity }
        return (distances.reduce(0, +) / Double(max(1, distances.count)), distances.max() ?? .infinity)
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
