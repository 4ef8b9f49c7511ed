import Subpix
import SubpixSession

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

    /// `keypoints_pose`'s call as a script makes it, through the `keypoints(...)` builtin
    /// of a session holding the same coords, values and mask: what `subpix run` pays.
    static let scriptKeypointsPose = Workload(
        name: "script_keypoints_pose", summary: "keypoints_pose through the script builtin: kp = keypoints(coords, vals, mask=m) in a session"
    ) { version in
        let inputs = try keypointInputs(try noise([4, 17, 64, 48]), kernel: 3, version: version)
        let session = Session(kornia: version, output: { _ in })
        session.bind("coords", tensor: .float32(inputs.coords))
        session.bind("vals", tensor: .float32(inputs.values))
        session.assign("m", .mask(inputs.mask))
        return { try session.execute("kp = keypoints(coords, vals, mask=m)") }
    }

    /// The op `keypoints_pose` follows, on its own (opt-in).
    static let convSoftArgmaxPose = Workload(
        name: "csa2d_pose", summary: "\(Method.convSoftArgmax2d.name) (3,3) (1,1) (1,1) on (4, 17, 64, 48), the op before keypoints_pose [opt-in]"
    ) { version in
        let maps = try noise([4, 17, 64, 48])
        return { _ = try convSoftArgmax2d(maps, kernelSize: [3, 3], stride: [1, 1], padding: [1, 1], outputValue: true, version: version) }
    }

    /// `keypoints(...)` of a pose output where no point passes: the conv_soft_argmax2d
    /// outputs of one `(1, 17, 256, 192)` map with its NMS mask and a `min_value` above every
    /// value (a batch of empty maps), through the function (opt-in).
    static let keypointsEmpty = Workload(
        name: "keypoints_empty", summary: "keypoints of \(Method.convSoftArgmax2d.name) (3,3) outputs of (1, 17, 256, 192), NMS mask, min_value above every value [opt-in]"
    ) { version in
        let (inputs, minValue) = try emptyKeypointInputs(version: version)
        return { _ = try keypoints(coords: inputs.coords, values: inputs.values, mask: inputs.mask, minValue: minValue) }
    }

    /// `keypoints_empty` through the script builtin, as a script calls it (opt-in).
    static let scriptKeypointsEmpty = Workload(
        name: "script_keypoints_empty", summary: "keypoints_empty through the script builtin: kp = keypoints(coords, vals, mask=m, min_value=...) [opt-in]"
    ) { version in
        let (inputs, minValue) = try emptyKeypointInputs(version: version)
        let session = Session(kornia: version, output: { _ in })
        session.bind("coords", tensor: .float32(inputs.coords))
        session.bind("vals", tensor: .float32(inputs.values))
        session.assign("m", .mask(inputs.mask))
        return { try session.execute("kp = keypoints(coords, vals, mask=m, min_value=\(minValue))") }
    }

    /// `keypoints_empty`'s inputs and a `min_value` no value reaches.
    private static func emptyKeypointInputs(version: KorniaVersion) throws -> (inputs: (coords: Tensor<Float>, values: Tensor<Float>, mask: Mask), minValue: Double) {
        let inputs = try keypointInputs(try noise([1, 17, 256, 192]), kernel: 3, version: version)
        let largest = inputs.values.elements.max().map(Double.init) ?? 0
        return (inputs, (largest + 1).rounded(.up))
    }

    private static func keypointsWorkload(_ maps: Tensor<Float>, kernel: Int, version: KorniaVersion) throws -> () throws -> Void {
        let inputs = try keypointInputs(maps, kernel: kernel, version: version)
        return { _ = try keypoints(coords: inputs.coords, values: inputs.values, mask: inputs.mask) }
    }

    /// `conv_soft_argmax2d` (k × k, stride 1, padding k / 2) outputs of `maps` and their 3 × 3 NMS mask.
    private static func keypointInputs(
        _ maps: Tensor<Float>, kernel: Int, version: KorniaVersion
    ) throws -> (coords: Tensor<Float>, values: Tensor<Float>, mask: Mask) {
        let (coords, values) = try convSoftArgmax2d(
            maps, kernelSize: [kernel, kernel], stride: [1, 1], padding: [kernel / 2, kernel / 2], outputValue: true, version: version)
        guard let values else { throw BenchError("\(Method.convSoftArgmax2d.name) returned no values") }
        return (coords, values, try nms2dMask(maps, kernelSize: [3, 3]))
    }
}
