import Subpix

extension Suite {
    /// Forward and backward together (the op's `...WithPullback` and one call of
    /// its pullback with a seeded cotangent), on the inputs of the forward
    /// workloads they are named after; the backward alone costs the difference.
    /// kornia's side times `torch.autograd.grad` through the same op.
    static let gradientWorkloads: [Workload] = [
        Workload(name: "ssa2d_pose_vjp", summary: "\(Method.spatialSoftArgmax2d.name) forward + backward on (32, 17, 64, 48)") { version in
            let pose = try noise([32, 17, 64, 48])
            let cotangent = try randn(shape: [32, 17, 2], seed: 3, as: Float.self)
            return { _ = try spatialSoftArgmax2dWithPullback(pose, version: version).pullback(cotangent) }
        },
        Workload(name: "csa2d_dense_vjp", summary: "\(Method.convSoftArgmax2d.name) (3,3) (1,1) (1,1) forward + backward on (20, 16, 50, 32)") { version in
            let maps = try noise([20, 16, 50, 32])
            let (coordsCotangent, valuesCotangent) = try (
                randn(shape: [20, 16, 2, 50, 32], seed: 4, as: Float.self), randn(shape: [20, 16, 50, 32], seed: 5, as: Float.self))
            return {
                let (_, pullback) = try convSoftArgmax2dWithPullback(
                    maps, kernelSize: [3, 3], stride: [1, 1], padding: [1, 1], outputValue: true, version: version)
                _ = try pullback(coordsCotangent, valuesCotangent)
            }
        },
    ]
}
