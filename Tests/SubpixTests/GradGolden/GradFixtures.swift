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

    /// The `index`th cotangent as a tensor of element type `S`.
    func cotangent<S: SubpixScalar>(_ index: Int, as: S.Type = S.self) throws -> Tensor<S> {
        guard cotangents.indices.contains(index) else { throw GoldenError("\(label): no cotangent \(index)") }
        return try Tensor(shape: cotangents[index].shape, elements: cotangents[index].values.map { S($0) })
    }
}

/// Reads every case of every `*.json` file in the grad fixture directory.
enum GradFixtures {
    /// `$SUBPIX_GRAD_FIXTURES` when set, else the in-repo copy `Fixtures/grad`.
    static var directory: URL { GoldenFixtures.grad.directory }

    static func loadAll(_ fixtures: GoldenFixtures = .grad) throws -> [GradCase] {
        try fixtures.jsonFiles().flatMap { url in
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
