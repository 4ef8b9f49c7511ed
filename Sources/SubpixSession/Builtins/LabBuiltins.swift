import Subpix
import SubpixLanguage

/// The accuracy lab: every decoder on synthetic Gaussians with known centres.
enum LabBuiltins {
    /// The lab's parameters, shared by `accuracy` and `bias_plot`.
    static let parameters: [Builtin.Parameter] = [
        .init("methods", Value.none), .init("sigma", .float(1)), .init("noise", .float(0)), .init("trials", .int(400)),
        .init("size", .tuple([.int(64), .int(48)])), .init("center", .tuple([.int(20), .int(30)])), .init("seed", .int(0)),
        .init("temperature", .float(1)),
    ]

    static let methodNames = HeatmapDecoder.all.map(\.name).joined(separator: ", ")

    static let all: [Builtin] = [
        Builtin("accuracy", parameters, category: .field,
                summary: "decode noisy Gaussians with known centres by each method -> table (method, rmse_x, rmse_y, max_error, bias_x, bias_y, failed)",
                details: "Each trial: amplitude 1, std sigma, true centre uniform in the pixel square around center (x, y), N(0, noise) per pixel, size (H, W). methods: a list of \(methodNames) (None: all). temperature is \(HeatmapDecoder.spatialSoftArgmax2d.name)'s. Errors are estimate - truth in pixels; failed counts non-finite estimates. print(t, format='csv') for CSV. The kornia ops decode in the session's kornia release.") { a, session in
            let outcome = try run(a, session.kornia)
            let rows: [[Table.Cell]] = outcome.summaries.map { summary in
                [.text(summary.decoder.name), .number(summary.rmse.x), .number(summary.rmse.y), .number(summary.maxError),
                 .number(summary.bias.x), .number(summary.bias.y), .count(summary.failed)]
            }
            return .table(Table(columns: ["method", "rmse_x", "rmse_y", "max_error", "bias_x", "bias_y", "failed"], rows: rows))
        },
        Builtin("bias_plot", parameters, category: .field,
                summary: "chart each method's mean x error against the true sub-pixel phase (peak-locking), same arguments as accuracy",
                details: "A terminal line chart: braille lines in one colour per method on a colour terminal, one letter per method otherwise; the y axis is the mean error in pixels, the x axis the phase 0...1 of the true centre.") { a, session in
            let plot = BiasPlot(outcome: try run(a, session.kornia), color: session.colorOutput)
            for line in plot.lines() { session.output(line) }
            return .none
        },
    ]

    private static func run(_ a: Arguments, _ version: KorniaVersion) throws -> AccuracyLab.Outcome {
        let size = try a.ints("size", count: 2)
        guard let center = a["center"].items?.compactMap(\.number), center.count == 2 else {
            throw a.error("center", "a tuple (x, y) of two numbers")
        }
        let seed = try a.int("seed")
        guard seed >= 0 else { throw a.error("seed", "a non-negative integer") }
        let lab = AccuracyLab(
            sigma: try a.double("sigma"), noise: try a.double("noise"), trials: try a.int("trials"), size: (size[0], size[1]),
            center: (center[0], center[1]), seed: UInt64(seed), temperature: try a.double("temperature"), version: version)
        return try lab.run(try decoders(a))
    }

    private static func decoders(_ a: Arguments) throws -> [HeatmapDecoder] {
        if a["methods"].isNone { return HeatmapDecoder.all }
        guard let items = a["methods"].items, !items.isEmpty else { throw a.error("methods", "a list of method names (\(methodNames))") }
        return try items.map { item in
            guard case .string(let name) = item, let decoder = HeatmapDecoder.named(name) else {
                throw a.error("methods", "a list of method names (\(methodNames))", got: Arguments.describe(item))
            }
            return decoder
        }
    }
}
