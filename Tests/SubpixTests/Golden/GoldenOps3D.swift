import Subpix

extension GoldenOps {
    /// The 3D ops: conv_soft_argmax3d, conv_quad_interp3d, iterative_quad_interp3d, nms3d.
    static let volumeOps: [String: any GoldenOp.Type] = [
        "nms3d": GoldenNMS3d.self,
        "conv_soft_argmax3d": GoldenConvSoftArgmax3d.self,
        "conv_quad_interp3d": GoldenConvQuadInterp3d.self,
        "iterative_quad_interp3d": GoldenIterativeQuadInterp3d.self,
    ]
}
