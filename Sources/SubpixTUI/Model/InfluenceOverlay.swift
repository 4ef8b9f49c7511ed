import Foundation
import Subpix
import SubpixPictures
import SubpixSession

/// The gradient overlay (`f`): for the keypoint nearest the cursor, how strongly
/// each pixel of the shown map pulls its x (or y) — `∂x / ∂map` through the
/// active method's pullback — and how much of that pull lies within 2 px of
/// the keypoint. On a flat map it spreads over the whole map, on a sharp one it
/// sits on the peak, and for `nms2d` it is zero: why soft-argmax trains.
public struct InfluenceOverlay: Sendable {
    /// What the overlay was computed for; equal keys give equal overlays.
    public struct Key: Hashable, Sendable {
        var computation: ViewComputation.Key
        var keypoint: Keypoint
        var axis: CoordinateAxis
    }

    /// Pixels within this distance of the keypoint count as "near" in the panel.
    public static let nearRadius = 2.0

    public let method: KeypointMethod
    public let keypoint: Keypoint
    public let axis: CoordinateAxis
    /// The influence map.
    public let slice: MapSlice
    /// Its colour scale: symmetric about zero, for the diverging palette.
    public let scale: ColorScale
    /// `Σ |∂/∂map|` within ``nearRadius`` of the keypoint and elsewhere.
    public let mass: (near: Double, elsewhere: Double)
    let key: Key

    fileprivate init(method: KeypointMethod, keypoint: Keypoint, axis: CoordinateAxis, gradient: AnyTensor, key: Key) {
        (self.method, self.keypoint, self.axis, self.key) = (method, keypoint, axis, key)
        slice = MapSlice(gradient, batch: 0, channel: 0, depth: 0)
        let bound = max(abs(slice.low), abs(slice.high))
        scale = ColorScale(low: -bound, high: bound, centred: bound > 0)   // zero everywhere: the middle colour
        mass = Influence.mass(gradient.doubles, height: slice.height, width: slice.width, near: (keypoint.x, keypoint.y), radius: Self.nearRadius)
    }

    /// The panel's lines: what is shown, and where the gradient's mass lies.
    var panelLines: [String] {
        let total = mass.near + mass.elsewhere
        let header = "∂\(axis.rawValue)/∂map of (\(String(format: "%.2f, %.2f", keypoint.x, keypoint.y)))"
        guard total > 0 else { return [header, "zero everywhere: a hard argmax", "has no gradient"] }
        return [header, String(format: "|∂| ≤2 px %.0f%%  elsewhere %.0f%%", 100 * mass.near / total, 100 * mass.elsewhere / total)]
    }
}

/// One gradient overlay to compute: a snapshot of what it depends on (no
/// reference to the session), so the compute worker's thread can run it as it
/// runs a ``ViewComputation``; a pullback through a 2048² map takes most of a second.
public struct InfluenceComputation: Sendable {
    let key: InfluenceOverlay.Key
    private let tensor: AnyTensor
    private let method: KeypointMethod
    private let settings: ViewSettings

    /// The overlay for the view's axis and the keypoint of `run` nearest `cursor`,
    /// or nil when the overlay is off, the method has no influence map, or there is no keypoint.
    init?(session: Session, tensor: AnyTensor, run: MethodRun?, computation: ViewComputation.Key, cursor: (x: Int, y: Int)) {
        guard let axis = session.view.influence, let run, Influence.methods.contains(run.method) else { return nil }
        let distance = { (point: Keypoint) in hypot(point.x - Double(cursor.x), point.y - Double(cursor.y)) }
        guard let nearest = run.keypoints.points.min(by: { distance($0) < distance($1) }) else { return nil }
        key = InfluenceOverlay.Key(computation: computation, keypoint: nearest, axis: axis)
        (self.tensor, method, settings) = (tensor, run.method, session.view)
    }

    /// The overlay: the method's pullback of the keypoint's coordinate through the shown map.
    func compute() throws -> InfluenceOverlay {
        var local = key.keypoint
        (local.batch, local.channel) = (0, 0)
        let (view, method, axis) = (settings, method, key.axis)
        func influence<S: SubpixScalar>(_ x: Tensor<S>) throws -> AnyTensor {
            let map = try MapSelection.map(x, batch: view.batch, channel: view.channel)
            var settings = view.keypointSettings(minValue: nil)
            settings.normalizedCoordinates = false   // the keypoint is in pixels
            return try method.influence(of: local, axis: axis.index, in: AnyTensor(map), with: settings)
        }
        let gradient = try tensor.visit(influence, influence)
        return InfluenceOverlay(method: method, keypoint: key.keypoint, axis: axis, gradient: gradient, key: key)
    }
}

extension ViewerModel {
    /// Brings the gradient overlay up to date with the view, the keypoints and the
    /// cursor: at once when computing inline, else awaited from the worker (the
    /// previous overlay stays meanwhile when it is of the same map).
    func refreshInfluence() {
        guard let viewed, let key = computedKey, let job = InfluenceComputation(
            session: session, tensor: viewed.tensor, run: runs.first, computation: key, cursor: (cursorX, cursorY))
        else { return (influence, awaitedInfluence) = (nil, nil) }
        if influence?.key == job.key {
            awaitedInfluence = nil
        } else if computesInline {
            showInfluence(Result { try job.compute() })
        } else if awaitedInfluence?.key != job.key {
            if let shown = influence?.key.computation, !shown.isSameMap(as: key) { influence = nil }
            if !isComputing { awaitedSince = now }
            awaitedInfluence = job
        }
        if let influence { colorScale = influence.scale }
    }

    /// An overlay the worker computed: shown when it is the one awaited.
    func receiveInfluence(_ result: Result<InfluenceOverlay, any Error>, for key: InfluenceOverlay.Key) {
        if key == awaitedInfluence?.key { showInfluence(result) }
    }

    private func showInfluence(_ result: Result<InfluenceOverlay, any Error>) {
        awaitedInfluence = nil
        switch result {
        case .success(let overlay): influence = overlay
        case .failure(let error): (influence, message) = (nil, "\(error)")
        }
    }

    /// `f`: the overlay of x, then y, then off (`view.influence`).
    func cycleInfluence() {
        let next: CoordinateAxis? = switch session.view.influence {
        case nil: .x
        case .x: .y
        case .y: nil
        }
        assign([.influence(next)])
    }
}
