import Subpix
import SubpixSession

extension Suite {
    /// The viewer's cost of each 2D keypoint method on one large map: the issue's
    /// 2048² heatmap (three σ = 4 peaks and noise of 0.01), as the viewer computes it
    /// (``MethodRun`` at the default settings), and every method at once as compare
    /// mode does (opt-in: seconds each in a debug build).
    static let decodeWorkloads: [Workload] = KeypointMethod.methods(forRank: 4).map { method in
        Workload(name: "decode_2048_\(method.name)", summary: "\(method.name) as the viewer runs it on a 2048² map with 3 peaks [opt-in]") {
            let map = AnyTensor(try largeHeatmap())
            return { try decode(map, with: [method]) }
        }
    } + [
        Workload(name: "decode_2048_compare", summary: "every 2D method, as compare mode runs them, on the same 2048² map [opt-in]") {
            let map = AnyTensor(try largeHeatmap())
            return { try decode(map, with: KeypointMethod.methods(forRank: 4)) }
        },
    ]

    /// A 2048² float32 heatmap with three σ = 4 peaks and seeded noise.
    private static func largeHeatmap() throws -> Tensor<Float> {
        let peaks = [(0.244, 0.171), (0.611, 0.732), (0.879, 0.293)].map { GaussianPeak(x: 2048 * $0.0 + 0.3, y: 2048 * $0.1 + 0.3, sigma: 4) }
        return try gaussians(size: (2048, 2048), peaks: peaks, noise: 0.01, seed: 9)
    }

    private static func decode(_ map: AnyTensor, with methods: [KeypointMethod]) throws {
        for method in methods {
            let run = MethodRun(method: method, tensor: map, view: ViewSettings())
            if let error = run.error { throw BenchError("\(method.name): \(error)") }
        }
    }
}
