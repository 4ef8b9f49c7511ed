import Dispatch
import Subpix

/// The keypoints one method finds on the shown map of the viewed tensor —
/// the `(batch, channel)` the view selects (for volumes, every depth) — with
/// the view's parameters, in pixel coordinates.
///
/// Only that one map is computed, however many maps the tensor has.
public struct MethodRun: Sendable {
    public var method: KeypointMethod
    /// The keypoints, best first, with the count dropped for NaN/inf.
    public var keypoints: KeypointList = []
    /// Shape of the op's coordinate output on the whole tensor (the seed's formula), or nil on error.
    public var outputShape: [Int]?
    public var milliseconds: Double = 0
    /// Why the method could not run (shown in the side panel).
    public var error: String?
    /// The confidence rule's verdict on the map, when it was judged; a map
    /// without a confident peak lists no keypoint and runs no method.
    public var verdict: PeakVerdict?

    /// The methods that apply to a tensor of this rank.
    public static func methods(forRank rank: Int) -> [KeypointMethod] { KeypointMethod.methods(forRank: rank) }

    /// - Parameter statistics: the viewed tensor's, to judge the map by `view.confidenceRule`
    ///   (nil: not judged, as a script's `compare(...)` lists every point).
    public init(method: KeypointMethod, tensor: AnyTensor, view: ViewSettings, statistics: TensorStatistics? = nil) {
        self.method = method
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let shape = tensor.shape
            guard shape.count == method.inputRank else {
                throw SubpixError(method.name, "needs a tensor of shape \(method.isVolumetric ? "(B, C, D, H, W)" : "(B, C, H, W)"), got \(formatShape(shape))")
            }
            guard view.batch < shape[0], view.channel < shape[1] else {
                throw SubpixError(method.name, "batch \(view.batch), channel \(view.channel) is outside the tensor \(formatShape(shape))")
            }
            verdict = statistics?.verdict(batch: view.batch, channel: view.channel, rule: view.confidenceRule)
            if let verdict, !verdict.isConfident { return }
            let noiseFloor = statistics.flatMap { view.confidenceRule.noiseFloor($0[view.batch, view.channel]) }
            // Computed in the tensor's own dtype (float32 stays float32), on the shown map only.
            func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> (keypoints: KeypointList, outputShape: [Int]) {
                try method.extract(try MapSelection.map(x, batch: view.batch, channel: view.channel), view: view,
                                   tensorMaximum: { statistics?.maximum ?? KeypointMethod.finiteMaximum(x) }, noiseFloor: noiseFloor)
            }
            let output = try tensor.visit(run, run)
            outputShape = [shape[0], shape[1]] + output.outputShape.dropFirst(2)
            keypoints = output.keypoints.relabelled(batch: view.batch, channel: view.channel)
        } catch {
            self.error = "\(error)"
        }
        milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
}
