import Foundation
import Subpix
import SubpixExtract
import SubpixFiles
import SubpixSession

extension Suite {
    /// One input of `subpix extract` alone, on one thread: read a `(1, 17, 64, 48)` float32
    /// `.npy` pose output (one Gaussian peak, σ 2, per joint, over 1 % noise, as
    /// scripts/bench-datasets.sh writes 10,000 of), `conv_soft_argmax2d`'s keypoints of
    /// each map with the defaults, the rows. The file is read from the page cache.
    static let extractPoseFile = Workload(
        name: "extract_pose_file",
        summary: "subpix extract's work on one (1, 17, 64, 48) .npy: read, \(Method.convSoftArgmax2d.name) keypoints of each map, rows [opt-in]"
    ) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("subpix-bench-pose.npy").path
        try NPY.encode(AnyTensor(try poseOutput())).write(to: URL(fileURLWithPath: path))
        let decoder = MethodDecoder(try MethodKeywords(method: Method.convSoftArgmax2d.name, keywords: [], kornia: .default), perChannel: false)
        return { _ = try Extraction.rows(ofFile: path, decoder: decoder) }
    }

    /// 17 joints of a `(64, 48)` pose output: a Gaussian peak (σ 2, height 1) each, at
    /// seeded positions, plus standard-normal noise × 0.01.
    static func poseOutput() throws -> Tensor<Float> {
        var generator = SeededGenerator(seed: 24)
        let noise = try noise([1, 17, 64, 48])
        var elements = noise.elements.map { $0 * 0.01 }
        for joint in 0..<17 {
            let x = 4 + generator.nextUnitInterval() * 40, y = 4 + generator.nextUnitInterval() * 56
            for row in 0..<64 {
                for column in 0..<48 {
                    let d2 = (Double(column) - x) * (Double(column) - x) + (Double(row) - y) * (Double(row) - y)
                    elements[(joint * 64 + row) * 48 + column] += Float(exp(-d2 / 8))
                }
            }
        }
        return try Tensor(shape: [1, 17, 64, 48], elements: elements)
    }
}
