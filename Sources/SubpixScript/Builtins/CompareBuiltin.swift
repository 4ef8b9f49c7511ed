import Foundation
import Subpix

/// `compare(x, ...)`: localisation error of each method on a `gaussians(...)` map.
enum CompareBuiltin {
    static let builtin = Builtin(
        "compare",
        [.init("input"), .init("temperature", .float(1)), .init("kernel_size", .tuple([.int(3), .int(3)])),
         .init("min_value", .float(0.1)), .init("timings", .bool(true))],
        category: .diagnosis,
        summary: "mean/max error (px) of hard argmax, spatial and conv soft-argmax against the known peaks of a gaussians(...) map",
        details: "input must be a variable made by gaussians(...). The same temperature goes to both soft-argmax methods (it multiplies in spatial_soft_argmax2d and divides in conv_soft_argmax2d). Returns [(method, mean_error, max_error), ...].",
        journaled: false
    ) { a, session in
        let tensor = try a.tensor("input")
        guard let name = session.variables.first(where: { if case .tensor(let t) = $0.value { return t == tensor } else { return false } })?.key,
              let truth = session.groundTruth[name] else {
            throw ScriptError("compare(): expected a variable made by gaussians(...), whose true peaks are known")
        }
        var view = ViewSettings()
        view.temperature = try a.double("temperature")
        guard view.temperature > 0 else { throw ScriptError("compare(): expected temperature > 0, got \(view.temperature)") }
        view.kernelSize = try a.ints("kernel_size", count: 2)
        view.padding = view.kernelSize.map { $0 / 2 }
        view.minValue = try a.double("min_value")
        let comparison = Comparison(tensor, truth: truth, view: view)
        session.output(comparison.table(timings: try a.bool("timings")))
        return .list(comparison.rows.map { .tuple([.string($0.method), .float($0.meanError), .float($0.maxError)]) })
    }
}
