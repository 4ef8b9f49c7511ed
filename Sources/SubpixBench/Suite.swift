import Subpix
import SubpixSession
import SubpixTUI

/// The built-in workloads of `subpix bench`, in the order of kornia's reference
/// suite (`scripts/kornia_suite.py`): same names, shapes and arguments, float32.
/// Inputs are seeded standard-normal noise — the worst case, with many local maxima.
public enum Suite {
    public static let workloads: [Workload] = [
        Workload(name: "csa2d_doc", summary: "\(Method.convSoftArgmax2d.name) (3,3) (2,2) (1,1) on (20, 16, 50, 32)") { version in
            let maps = try noise([20, 16, 50, 32])
            return { _ = try convSoftArgmax2d(maps, kernelSize: [3, 3], stride: [2, 2], padding: [1, 1], outputValue: true, version: version) }
        },
        Workload(name: "csa2d_dense", summary: "\(Method.convSoftArgmax2d.name) (3,3) (1,1) (1,1) on (20, 16, 50, 32)") { version in
            let maps = try noise([20, 16, 50, 32])
            return { _ = try convSoftArgmax2d(maps, kernelSize: [3, 3], stride: [1, 1], padding: [1, 1], outputValue: true, version: version) }
        },
        Workload(name: "csa2d_large", summary: "\(Method.convSoftArgmax2d.name) (5,5) (1,1) (2,2) on (1, 1, 512, 512)") { version in
            let map = try noise([1, 1, 512, 512])
            return { _ = try convSoftArgmax2d(map, kernelSize: [5, 5], stride: [1, 1], padding: [2, 2], outputValue: true, version: version) }
        },
        Workload(name: "csa3d_doc", summary: "\(Method.convSoftArgmax3d.name) (3,3,3) (1,2,2) (0,1,1) on (20, 16, 3, 50, 32)") { version in
            let volumes = try noise([20, 16, 3, 50, 32])
            return { _ = try convSoftArgmax3d(volumes, kernelSize: [3, 3, 3], stride: [1, 2, 2], padding: [0, 1, 1], version: version) }
        },
        quadInterp("quad3d_doc", [20, 16, 3, 50, 32]),
        quadInterp("quad3d_large", [1, 1, 5, 512, 512]),
        Workload(name: "iquad3d_large", summary: "\(Method.iterativeQuadInterp3d.name)(n_iters=5) on (1, 1, 5, 512, 512)") {
            let volume = try noise([1, 1, 5, 512, 512])
            return { _ = try iterativeQuadInterp3d(volume, nIters: 5) }
        },
        Workload(name: "ssa2d_pose", summary: "\(Method.spatialSoftArgmax2d.name) on (32, 17, 64, 48)") { version in
            let pose = try noise([32, 17, 64, 48])
            return { _ = try spatialSoftArgmax2d(pose, version: version) }
        },
        Workload(name: "render_pose", summary: "\(Method.renderGaussian2d.name) of (32, 17, 2) means, std 0.1 (normalised: σ ≈ 2.4 × 3.2 px), size (64, 48)") { version in
            var generator = SeededGenerator(seed: 11)
            let means = try Tensor<Float>(shape: [32, 17, 2], elements: (0..<(32 * 17 * 2)).map { _ in
                Float(generator.nextUnitInterval() * 2 - 1)
            })
            let stds = Tensor<Float>(shape: [32, 17, 2], repeating: 0.1)
            return { _ = try renderGaussian2d(mean: means, std: stds, size: (64, 48), version: version) }
        },
        Workload(name: "\(Method.suppression(rank: 4).name)_large", summary: "\(Method.suppression(rank: 4).name) (3, 3) on (1, 1, 512, 512)") {
            let map = try noise([1, 1, 512, 512])
            let suppression = try NonMaximaSuppression2d(kernelSize: [3, 3])
            return { _ = try suppression(map) }
        },
        Workload(name: "\(Method.suppression(rank: 5).name)_large", summary: "\(Method.suppression(rank: 5).name) (3, 3, 3) on (1, 1, 5, 512, 512)") {
            let volume = try noise([1, 1, 5, 512, 512])
            let suppression = try NonMaximaSuppression3d(kernelSize: [3, 3, 3])
            return { _ = try suppression(volume) }
        },
        frame("frame_256", size: 256),
        frame("frame_512", size: 512),
        Workload(name: "frame_batch", summary: "viewer update on a pose output (8, 17, 64, 48): the shown map recomputed + render, 120×40 pane") { version in
            let session = Session(kornia: version, output: { _ in })
            try session.execute("x = randn((8, 17, 64, 48), seed=5)")
            return try keyPresses(session)
        },
        keypointsPose,
        scriptKeypointsPose,
        keypointsLarge,
    ] + gradientWorkloads

    /// Opt-in workloads, run only when named: the cost of conv_soft_argmax2d
    /// against its kernel size (k × k, stride 1, padding k / 2) on one 512 × 512 map.
    public static let scaling: [Workload] = [3, 7, 15].map { k in
        Workload(name: "csa2d_k\(k)", summary: "\(Method.convSoftArgmax2d.name) (\(k),\(k)) (1,1) (\(k / 2),\(k / 2)) on (1, 1, 512, 512) [opt-in]") { version in
            let map = try noise([1, 1, 512, 512])
            return { _ = try convSoftArgmax2d(map, kernelSize: [k, k], stride: [1, 1], padding: [k / 2, k / 2], outputValue: true, version: version) }
        }
    }

    /// Every workload: the default suite, then the opt-in ones.
    public static var all: [Workload] {
        workloads + scaling + [convSoftArgmaxPose, keypointsEmpty, scriptKeypointsEmpty] + decodeWorkloads
            + [extractPoseFile, scriptLoop, scriptChannelLoop, scriptChannelCall]
    }

    /// The workloads named in `names` (the default suite when empty), in suite order.
    ///
    /// - Throws: ``BenchError`` naming an unknown workload and listing the known ones.
    public static func select(_ names: [String]) throws -> [Workload] {
        let all = Self.all
        let known = Set(all.map(\.name))
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw BenchError("unknown workload '\(unknown)'; expected one of \(all.map(\.name).joined(separator: ", "))")
        }
        return names.isEmpty ? workloads : all.filter { names.contains($0.name) }
    }

    /// `name` padded to the longest workload name, for aligned tables.
    public static func column(_ name: String) -> String {
        name.padding(toLength: max(name.count, nameWidth), withPad: " ", startingAt: 0)
    }

    private static let nameWidth = all.map(\.name.count).max() ?? 0

    /// `conv_quad_interp3d` on noise of `shape`: kornia 0.9's with `n_iters=1` (one fit per
    /// maximum, as kornia's suite times it), kornia 0.7.4's single step.
    static func quadInterp(_ name: String, _ shape: [Int]) -> Workload {
        Workload(name: name, summary: "\(Method.convQuadInterp3d.name) on \(formatShape(shape)) (kornia 0.9: n_iters=1)") { version in
            let volume = try noise(shape)
            return version >= .v0_9 ? { _ = try convQuadInterp3d(volume, nIters: 1) } : { _ = try convQuadInterp3d(volume) }
        }
    }

    /// Seeded float32 standard-normal noise, a different seed per shape.
    static func noise(_ shape: [Int]) throws -> Tensor<Float> {
        try randn(shape: shape, seed: UInt64(shape.reduce(17, { $0 &* 31 &+ $1 })))
    }
}

/// A one-line error of `subpix bench`.
public struct BenchError: Error, CustomStringConvertible {
    public var description: String
    public init(_ message: String) { description = "bench: " + message }
}

extension Suite {
    /// One viewer update of a `size × size` map in a 120×40 terminal: a temperature
    /// key (`T` / `t` in turn, the result cache off so every press computes),
    /// conv_soft_argmax2d + NMS + keypoints, and the render into the cell buffer
    /// (what a key press costs before ncurses draws).
    static func frame(_ name: String, size: Int) -> Workload {
        Workload(name: name, summary: "viewer update: \(KeypointMethod.initialForMaps.name) + keypoints + render, \(size)×\(size) map, 120×40 pane") { version in
            let session = Session(kornia: version, output: { _ in })
            try session.execute("x = randn((1, 1, \(size), \(size)), seed=5)")
            return try keyPresses(session)
        }
    }

    /// A viewer on `session` in a 120×40 terminal, and a step that presses
    /// `T` or `t` (in turn) and renders.
    private static func keyPresses(_ session: Session) throws -> () throws -> Void {
        let model = ViewerModel(session: session, colorMode: .xterm256, size: (120, 40))
        model.showsTimings = false
        model.computationCacheCapacity = 0
        let renderer = Renderer()
        var step = 0
        return {
            step += 1
            model.update(.key(.character(step % 2 == 0 ? "t" : "T")))
            if let error = model.runs.first?.error { throw BenchError("frame: \(error)") }
            _ = renderer.render(model)
        }
    }
}
