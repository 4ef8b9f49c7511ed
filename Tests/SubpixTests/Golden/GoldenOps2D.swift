import Subpix

extension GoldenOps {
    /// The 2D ops: spatial_softmax2d, spatial_expectation2d, spatial_soft_argmax2d,
    /// render_gaussian2d, conv_soft_argmax2d, nms2d.
    static let spatialOps: [String: any GoldenOp.Type] = [
        "nms2d": GoldenNMS2d.self,
        "spatial_softmax2d": GoldenSpatialSoftmax2d.self,
        "spatial_expectation2d": GoldenSpatialExpectation2d.self,
        "spatial_soft_argmax2d": GoldenSpatialSoftArgmax2d.self,
        "render_gaussian2d": GoldenRenderGaussian2d.self,
        "conv_soft_argmax2d": GoldenConvSoftArgmax2d.self,
    ]
}
