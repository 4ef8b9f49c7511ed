import Foundation
import Subpix
import SubpixLanguage

/// `diagnose(x, method=, temperature=, radius=)`: why a soft-argmax may lie.
enum DiagnoseBuiltin {
    /// The builtin in kornia's default release.
    static let builtin = builtin(.default)

    /// The builtin whose temperature means what it means in kornia `version`.
    static func builtin(_ version: KorniaVersion) -> Builtin {
        var builtin = Builtin(
            "diagnose",
            [.init("input"), .init("method", .string(KeypointMethod.spatialSoftArgmax2d.name)), .init("temperature", .float(1)), .init("radius", .float(2))],
            category: .diagnosis,
            summary: "per map: hard and soft argmax against the refined peak, mass near the argmax, entropy, modes, probability check, a checked temperature",
            details: "Returns one tuple per (batch, channel): (distance_px, mass_within_radius, entropy, modes, is_probability_map, suggested_temperature or None, verdicts); for a windowed method the whole-map measures do not apply: mass and entropy are nan, modes None. method is \(methodsText(version)). A temperature is suggested only when the soft-argmax is further from the refined peak than the hard argmax, and only one that was checked to beat the hard argmax. See docs/diagnose.md."
        ) { a, session in
            let name = try a.string("method")
            guard let method = KeypointMethod.named(name), KeypointMethod.softArgmaxes.contains(method) else {
                let names = KeypointMethod.softArgmaxes.map { "'\($0.name)'" }.joined(separator: " or ")
                throw ScriptError("diagnose(): expected method \(names), got '\(name)'")
            }
            let (temperature, radius) = (try a.double("temperature"), try a.double("radius"))
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> [Diagnosis] {
                try diagnose(x, method: method, version: version, temperature: temperature, radius: radius)
            }
            let report = try a.tensor("input").visit(run, run)
            for item in report { session.output(DiagnosisText.lines(item, radius: radius).joined(separator: "\n")) }
            return .list(report.map { item in
                .tuple([.float(item.distance), .float(item.massNearArgmax), .float(item.entropy), item.modes.map { .int($0) } ?? .none,
                        .bool(item.looksLikeProbability), item.suggestedTemperature.map { .float($0) } ?? .none,
                        .list(item.verdicts.map { .string($0.description) })])
            })
        }
        builtin.release = { Self.builtin($0) }
        return builtin
    }

    /// `spatial_soft_argmax2d (T divides) or conv_soft_argmax2d (T divides)`: the methods and their conventions in `version`.
    private static func methodsText(_ version: KorniaVersion) -> String {
        KeypointMethod.softArgmaxes.map { "\($0.name) (T \($0.temperatureMultiplies(in: version) ? "multiplies" : "divides"))" }.joined(separator: " or ")
    }
}
