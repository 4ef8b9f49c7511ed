extension Method {
    /// kornia's `nms3d(input, kernel_size, mask_only=False)`.
    public static let nms3d = Method(
        name: "nms3d", family: .kornia, inputRank: 5,
        parameters: [
            .required("input", .tensor, "(B, C, D, H, W) volumes"),
            .required("kernel_size", .integers(count: 3), "window (D, H, W)").bounded(.above(0)),
            .defaulted("mask_only", .flag, .bool(false), "return the mask of maxima instead of the suppressed volume"),
        ],
        summary: "strict local maxima of each (B, C, D, H, W) volume within kernel_size: values there and 0 elsewhere, or a mask",
        details: "As \(suppression(rank: 4).name) with a (D, H, W) window."
    ) { a in
        let (kernel, maskOnly) = (try a.integers("kernel_size"), try a.bool("mask_only"))
        return try a.tensor("input").visit({ try suppress3d($0, kernel, maskOnly) }, { try suppress3d($0, kernel, maskOnly) })
    }
}

// Never specialised here (see `SpatialSoftmax2dMethod.swift`).
@inline(never) @_semantics("optimize.sil.specialize.generic.never")
private func suppress3d<S: SubpixScalar>(_ input: Tensor<S>, _ kernel: [Int], _ maskOnly: Bool) throws -> [Method.Output] {
    [maskOnly ? .mask(try nms3dMask(input, kernelSize: kernel)) : Method.Output(try nms3d(input, kernelSize: kernel))]
}
