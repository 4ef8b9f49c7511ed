import Subpix

extension GoldenOps {
    /// The 2D ops: spatial_softmax2d, spatial_expectation2d, spatial_soft_argmax2d,
    /// render_gaussian2d, conv_soft_argmax2d, nms2d.
    static let spatialOps: [String: any GoldenOp.Type] = [
        "nms2d": GoldenNMS2d.self,
    ]
}
