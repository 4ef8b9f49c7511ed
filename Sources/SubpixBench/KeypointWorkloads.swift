import Subpix

extension Suite {
    /// `keypoints(...)` after the op that feeds it — only the extraction is timed:
    /// the conv_soft_argmax2d outputs (kernel 3, stride 1, padding 1, values) of
    /// `(4, 17, 64, 48)` pose maps with their 3 × 3 NMS mask, every masked point.
    /// The op itself is the opt-in `csa2d_pose`.
    static let keypointsPose = Workload(
        name: "keypoints_pose", summary: "keypoints of \(Method.convSoftArgmax2d.name) (3,3) (1,1) (1,1) outputs of (4, 17, 64, 48), \(Method.suppression(rank: 4).name) (3,3) mask"
    ) { version in
        try keypointsWorkload(try noise([4, 17, 64, 48]), kernel: 3, version: version)
    }

    /// `keypoints(...)` of `csa2d_large`'s outputs (conv_soft_argmax2d (5,5) (1,1) (2,2)
    /// of one 512 × 512 map) with its 3 × 3 NMS mask and the default top-k (all).
    static let keypointsLarge = Workload(
        name: "keypoints_large", summary: "keypoints of csa2d_large's outputs (1, 1, 512, 512), \(Method.suppression(rank: 4).name) (3,3) mask, every masked point"
    ) { version in
        try keypointsWorkload(try noise([1, 1, 512, 512]), kernel: 5, version: version)
    }

    /// The op `keypoints_pose` follows, on its own (opt-in).
    static let convSoftArgmaxPose = Workload(
        name: "csa2d_pose", summary: "\(Method.convSoftArgmax2d.name) (3,3) (1,1) (1,1) on (4, 17, 64, 48), the op before keypoints_pose [opt-in]"
    ) { version in
        let maps = try noise([4, 17, 64, 48])
        return { _ = try convSoftArgmax2d(maps, kernelSize: [3, 3], stride: [1, 1], padding: [1, 1], outputValue: true, version: version) }
    }

    private static func keypointsWorkload(_ maps: Tensor<Float>, kernel: Int, version: KorniaVersion) throws -> () throws -> Void {
        let (coords, values) = try convSoftArgmax2d(
            maps, kernelSize: [kernel, kernel], stride: [1, 1], padding: [kernel / 2, kernel / 2], outputValue: true, version: version)
        let mask = try nms2dMask(maps, kernelSize: [3, 3])
        guard let values else { throw BenchError("\(Method.convSoftArgmax2d.name) returned no values") }
        return { _ = try keypoints(coords: coords, values: values, mask: mask) }
    }
}
