extension Method {
    /// kornia 0.9's `nms3d_minmax(input)`: the strict local maxima and minima of a
    /// scale space in one call.
    public static let nms3dMinmax = Method(
        name: "nms3d_minmax", family: .kornia, inputRank: 5,
        parameters: [.required("input", .tensor, "(B, C, D, H, W) volumes")],
        summary: "masks of the strict 3x3x3 maxima and minima of each (B, C, D, H, W) volume -> (max_mask, min_mask) (kornia 0.9)",
        details: "max_mask is \(suppression(rank: 5).name)(input, (3, 3, 3), mask_only=True), min_mask the same for -input: a voxel must beat all 26 neighbours, and border voxels never do."
    ) { a in
        try a.tensor("input").visit(extrema, extrema)
    }
}

// Never specialised here (see `SpatialSoftmax2dMethod.swift`).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func extrema<S: SubpixScalar>(_ input: Tensor<S>) throws -> [Method.Output] {
    try input.requireShape(rank: 5, layout: "(B, C, D, H, W)", op: Method.nms3dMinmax.name)
    let window = [3, 3, 3]
    return [.mask(try nms3dMask(input, kernelSize: window)), .mask(try nms3dMask(input.map { -$0 }, kernelSize: window))]
}
