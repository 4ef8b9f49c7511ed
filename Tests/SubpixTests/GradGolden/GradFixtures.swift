import Foundation
import Subpix

/// One golden vector-Jacobian product made by torch autograd through kornia
/// (see `Tests/SubpixTests/Fixtures/README.md`): the op's case, one cotangent
/// per output, and the gradient of `Σ cotangent · output` for each differentiable input.
struct GradCase {
    var golden: GoldenCase
    var cotangents: [GoldenCase.Array]
    var gradients: [String: GoldenCase.Array]

    var label: String { golden.label }
}

extension GoldenFixtures {
    /// Every case of every `*.json` file of a grad fixture directory (``grad``, ``grad09``).
    func loadGradients() throws -> [GradCase] {
        try jsonFiles().flatMap { url in
            let file = url.lastPathComponent
            return try GoldenFixtures.rawCases(url).map { op, raw in
                let golden = try GoldenFixtures.goldenCase(raw, op: op, file: file)
                let cotangents = try (raw["cotangents"] as? [Any] ?? []).map { try GoldenFixtures.array($0, file, golden.name) }
                let gradients = try (raw["gradients"] as? [String: Any] ?? [:]).mapValues {
                    try GoldenFixtures.array($0, file, golden.name)
                }
                guard !gradients.isEmpty else { throw GoldenError("\(golden.label): no gradients") }
                return GradCase(golden: golden, cotangents: cotangents, gradients: gradients)
            }
        }
    }
}
