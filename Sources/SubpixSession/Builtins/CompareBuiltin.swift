import Foundation
import Subpix
import SubpixFiles
import SubpixLanguage

/// `compare(x, ...)`: localisation error of each method against known peaks —
/// those of a `gaussians(...)` map, or the user's own ground truth (`truth=`).
enum CompareBuiltin {
    static let builtin = Builtin(
        "compare",
        [.init("input"), .init("truth", Value.none), .init("temperature", .float(1)), .init("kernel_size", .tuple([.int(3), .int(3)])),
         .init("min_value", .float(0.1)), .init("timings", .bool(true))],
        category: .diagnosis,
        summary: "mean/max error (px) of hard argmax, spatial and conv soft-argmax against known peaks: truth=, or those of a gaussians(...) map",
        details: "truth: a list of (x, y) in the first map; a (B, K, 2) tensor of (x, y), one point per map (NaN rows are skipped, as for invisible keypoints); keypoints, or the path of a keypoint .csv/.json, each point in its own batch and channel. Without truth, input must be a variable made by gaussians(...). Each map is measured on its own. The same temperature goes to both soft-argmax methods (it \(TemperatureWording.text(KeypointMethod.softArgmaxes))), in the session's kornia release. Returns [(method, mean_error, max_error), ...].",
        journaled: false
    ) { a, session in
        let tensor = try a.tensor("input")
        let truth = try truePoints(a, for: tensor, in: session)
        var view = ViewSettings()
        view.kornia = session.kornia
        view.temperature = try a.double("temperature")
        guard view.temperature > 0 else { throw ScriptError("compare(): expected temperature > 0, got \(view.temperature)") }
        view.kernelSize = try a.ints("kernel_size", count: 2)
        view.padding = view.kernelSize.map { $0 / 2 }
        view.minValue = try a.double("min_value")
        let comparison = Comparison(tensor, truth: truth, view: view)
        session.output(comparison.table(timings: try a.bool("timings")))
        return .list(comparison.rows.map { .tuple([.string($0.method), .float($0.meanError), .float($0.maxError)]) })
    }

    /// The ground truth `truth=` gives, or the peaks of the `gaussians(...)` variable `input` is.
    private static func truePoints(_ a: Arguments, for tensor: AnyTensor, in session: Session) throws -> [TruePoint] {
        let expectation = "a list of (x, y), a (B, K, 2) tensor, keypoints or a keypoint .csv/.json path"
        var truth: [TruePoint]
        switch a["truth"] {
        case .none:
            guard let name = session.variables.first(where: { if case .tensor(let t) = $0.value { return t == tensor } else { return false } })?.key,
                  let peaks = session.groundTruth[name] else {
                throw ScriptError("compare(): expected truth= (\(expectation)), or input made by gaussians(...), whose true peaks are known")
            }
            return peaks.map(TruePoint.init)
        case .string(let path):
            switch try TensorFile.load(path) {
            case .keypoints(let points): truth = points.map { TruePoint(batch: $0.batch, channel: $0.channel, x: $0.x, y: $0.y) }
            case .tensor(let t): truth = try perMap(t, a, expectation)
            case .arrays: throw a.error("truth", expectation, got: "the arrays of \(path); pick an array: load(path, name)")
            }
        case .keypoints(let points):
            truth = points.map { TruePoint(batch: $0.batch, channel: $0.channel, x: $0.x, y: $0.y) }
        case .tensor(let t):
            truth = try perMap(t, a, expectation)
        case .list(let items), .tuple(let items):
            truth = try items.map { item in
                guard let pair = item.items, pair.count == 2, let x = pair[0].number, let y = pair[1].number else {
                    throw a.error("truth", expectation, got: "the item \(item.repr)")
                }
                return TruePoint(x: x, y: y)
            }
        default:
            throw a.error("truth", expectation)
        }
        guard !truth.isEmpty else { throw a.error("truth", "at least one point") }
        let (batches, channels) = (tensor.shape.first ?? 0, tensor.shape.count > 1 ? tensor.shape[1] : 0)
        if let outside = truth.first(where: { $0.batch >= batches || $0.channel >= channels }) {
            throw a.error("truth", "points in the maps of an input of shape \(formatShape(tensor.shape))",
                          got: "a point in batch \(outside.batch), channel \(outside.channel)")
        }
        return truth
    }

    /// A `(B, K, 2)` tensor of (x, y): one point per map; rows with NaN are skipped.
    private static func perMap(_ t: AnyTensor, _ a: Arguments, _ expectation: String) throws -> [TruePoint] {
        guard t.shape.count == 3, t.shape[2] == 2 else { throw a.error("truth", expectation, got: "a tensor of shape \(formatShape(t.shape))") }
        let values = t.doubles
        return (0..<(t.shape[0] * t.shape[1])).compactMap { map in
            let (x, y) = (values[2 * map], values[2 * map + 1])
            return x.isNaN || y.isNaN ? nil : TruePoint(batch: map / t.shape[1], channel: map % t.shape[1], x: x, y: y)
        }
    }
}
