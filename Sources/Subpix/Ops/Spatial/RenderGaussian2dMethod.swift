extension Method {
    /// kornia's `render_gaussian2d(mean, std, size, normalized_coordinates=True)`.
    public static let renderGaussian2d = Method(
        name: "render_gaussian2d", family: .kornia, inputRank: nil,
        parameters: [
            .required("mean", .tensor, "(*, 2) centres in (x, y)"),
            .required("std", .tensor, "(*, 2) standard deviations in (x, y)"),
            .required("size", .integers(count: 2), "(H, W) of the rendered maps").bounded(.above(0)),
            .defaulted("normalized_coordinates", .flag, .bool(true), "mean and std in [-1, 1] units instead of pixels"),
        ],
        summary: "normalised 2D Gaussians at mean (*, 2) with std (*, 2) -> (*, H, W); size = (H, W)",
        details: "softmax_x(-(x-μx)²/(2σx²)) · softmax_y(-(y-μy)²/(2σy²)): std is the standard deviation (kornia 0.9). kornia 0.7 divided by 2σ: exp(-(x-μx)²/(2σx) - (y-μy)²/(2σy)), normalised to sum 1.",
        outputElements: { a in
            // The output is (*, H, W) with * the broadcast of mean's and std's leading axes.
            let (size, lead, other) = (try a.integers("size"), Array(try a.tensor("mean").shape.dropLast()), Array(try a.tensor("std").shape.dropLast()))
            let axes = max(lead.count, other.count)
            let broadcast = (0..<axes).map { axis in
                max(axis < axes - lead.count ? 1 : lead[axis - (axes - lead.count)],
                    axis < axes - other.count ? 1 : other[axis - (axes - other.count)])
            }
            guard (broadcast + size).allSatisfy({ $0 > 0 }) else { return nil }   // (the op itself reports other sizes)
            let count = Tensor<Float>.elementCount(broadcast + size)
            return ("size", count ?? 0, count == nil)
        },
        pullback: Pullback(inputs: ["mean", "std"]) { a, g in
            let (mean, options) = (try a.tensor("mean"), try RenderOptions(a))
            return try mean.visit({ try renderGradient($0, options, g) }, { try renderGradient($0, options, g) })
        }
    ) { a in
        let (mean, options) = (try a.tensor("mean"), try RenderOptions(a))
        return try mean.visit({ try render($0, options) }, { try render($0, options) })
    }
}

private struct RenderOptions: Sendable {
    var std: AnyTensor, size: (height: Int, width: Int), normalized: Bool, version: KorniaVersion

    init(_ a: Method.Arguments) throws {
        let size = try a.integers("size")
        (std, self.size, normalized, version) = (try a.tensor("std"), (size[0], size[1]), try a.bool("normalized_coordinates"), a.version)
    }
}

// Never specialised here (see `SpatialSoftmax2dMethod.swift`).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func render<S: SubpixScalar>(_ mean: Tensor<S>, _ o: RenderOptions) throws -> [Method.Output] {
    [Method.Output(try renderGaussian2d(mean: mean, std: o.std.tensor(), size: o.size, normalizedCoordinates: o.normalized, version: o.version))]
}

@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func renderGradient<S: SubpixScalar>(_ mean: Tensor<S>, _ o: RenderOptions, _ g: [AnyTensor?]) throws -> [AnyTensor] {
    let (_, pullback) = try renderGaussian2dWithPullback(
        mean: mean, std: o.std.tensor(), size: o.size, normalizedCoordinates: o.normalized, version: o.version)
    let (meanGradient, stdGradient) = try pullback(Method.Pullback.first(g, op: Method.renderGaussian2d.name))
    return [AnyTensor(meanGradient), AnyTensor(stdGradient)]
}
