import Subpix

/// Runs a grad case through the method registry in one kornia release: the
/// forward outputs (``Method/run(_:)``) and the gradient of each input the
/// method differentiates (``Method/vectorJacobianProduct(_:cotangents:)``), by
/// input name. A method with a pullback is checked by its grad fixtures with
/// nothing added here.
enum GradMethods {
    static func run(_ grad: GradCase, in version: KorniaVersion) throws -> (outputs: [GoldenResult], gradients: [String: GoldenResult]) {
        guard let method = Method.all.first(where: { $0.name == grad.golden.op }), let pullback = method.pullback else {
            throw GoldenError("\(grad.label): unknown op \(grad.golden.op)")
        }
        let arguments = try GoldenMethods.arguments(method, grad.golden, version: version)
        let outputs = try method.run(arguments)
        let cotangents = try grad.cotangents.map { Optional(try GoldenMethods.tensor($0, grad.golden)) }
        let gradients = try method.vectorJacobianProduct(arguments, cotangents: cotangents)
        let results = GoldenMethods.results(gradients.map { .tensor($0) })
        return (GoldenMethods.results(outputs), Dictionary(uniqueKeysWithValues: zip(pullback.inputs, results)))
    }
}
