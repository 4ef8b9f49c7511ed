import Foundation
import Subpix
import SubpixFiles
import SubpixSession

/// How `update` handles the live events and keys: frames into the ring, the
/// newest shown unless paused, stepping through the kept frames, and trails.
extension ViewerModel {
    /// Takes what the source delivered: frames go into the ring (the newest is
    /// shown unless paused), a problem becomes the message, the end is noted.
    /// Bytes skipped between frames are said in a message that stays until a key
    /// (the good frame right after them would otherwise clear it at once) and counted in the panel.
    func receive(_ delivery: LiveDelivery) {
        guard var state = live else { return }
        state.now = delivery.time
        state.dropped = delivery.dropped
        let newlySkipped = delivery.bytesSkipped - state.bytesSkipped
        state.bytesSkipped = delivery.bytesSkipped
        for event in delivery.events {
            switch event {
            case .frame(let tensor):
                // Kept as the stream holds it (a 3D frame is shown as a volume: ``show(_:)``).
                state.admit(tensor, arrival: delivery.time)
                // A good frame after a bad one: the problem is over.
                if let problem = state.problem, message == problem { message = nil }
                state.problem = nil
            case .problem(let error):
                message = "\(error)"
                state.problem = message
            case .ended(let frames):
                state.ended = frames
            }
        }
        if newlySkipped > 0 {
            message = "skipped \(Self.bytes(newlySkipped)) between frames that were no part of a .npy array (\(Self.bytes(state.bytesSkipped)) in all)"
            state.problem = nil
        }
        live = state
        if !state.paused, let newest = state.ring.latest, newest.number != state.shown { show(newest) }
    }

    /// `1 byte`, `37 bytes`.
    static func bytes(_ count: Int) -> String { count == 1 ? "1 byte" : "\(count) bytes" }

    /// Moves the clock on (the panel's age of the newest frame).
    func tick(_ time: Date) { live?.now = time }

    /// `space`: pause on the shown frame, or go back to the newest.
    func togglePause() {
        guard let state = live else { return notLive() }
        if state.paused { returnToLive() } else { live?.paused = true }
    }

    /// `,` / `.`: the previous / next kept frame (pausing first).
    func stepFrame(by step: Int) {
        guard let state = live, let shown = state.shown else { return notLive() }
        guard let target = state.ring.frame(number: shown + step) else {
            return message = step < 0 ? "frame \(shown) is the oldest kept (the ring holds \(state.ring.frames.count))" : "frame \(shown) is the newest"
        }
        live?.paused = true
        show(target)
    }

    /// `End`: back to the newest frame, following the stream again.
    func returnToLive() {
        guard let state = live else { return notLive() }
        live?.paused = false
        if let newest = state.ring.latest, newest.number != state.shown { show(newest) }
    }

    private func notLive() { message = "no live source: open one with subpix view --stream PATH, --follow FILE or -" }

    /// Shows a kept frame: it becomes the viewed variable, a 3D frame as a volume, as a
    /// 3D file is; the selection is reset only where it no longer fits the frame's shape.
    private func show(_ frame: FrameRing.Frame) {
        let previousShape = viewed?.tensor.shape
        let shown = (try? TensorFile.viewed(frame.tensor)) ?? frame.tensor
        session.bind(LiveState.variable, tensor: shown)
        live?.shown = frame.number
        live?.shownRank = frame.tensor.shape.count
        live?.remember(shown: frame.number)
        let shape = shown.shape
        guard shape != previousShape else { return }
        var changes: [ViewChange] = []
        if session.view.input != nil && session.view.input != LiveState.variable { changes.append(.input(LiveState.variable)) }
        if shape.count >= 4 {
            if session.view.batch >= shape[0] { changes.append(.batch(0)) }
            if session.view.channel >= shape[1] { changes.append(.channel(0)) }
            if shape.count == 5, session.view.depth >= shape[2] { changes.append(.depth(0)) }
        }
        if session.view.method.inputRank != shape.count, let first = KeypointMethod.initial(forRank: shape.count) {
            changes.append(.method(first))
        }
        assign(changes)
        if previousShape == nil, shape.count >= 2 {
            // The first frame: the cursor starts at the centre, as for a file.
            (cursorX, cursorY) = (shape[shape.count - 1] / 2, shape[shape.count - 2] / 2)
        }
    }

    /// The trails of the shown map's keypoints over the frames shown before it.
    /// Only keypoints already computed for the screen are used, so trails cost
    /// no computation: frames that arrived faster than the screen showed them
    /// are not part of a trail, and after a parameter change the trail starts again.
    func refreshTrails() {
        guard var state = live, let shown = state.shown, let first = runs.first, first.error == nil else {
            if live?.trails.isEmpty == false { live?.trails = [] }
            return
        }
        // While the shown frame's keypoints are being computed, the listed ones are the previous frame's.
        guard awaited == nil else { return }
        if state.trailKey != session.view {
            state.trailPoints = [:]
            state.trailKey = session.view
        }
        state.trailPoints[shown] = first.keypoints.map { SIMD2($0.x, $0.y) }
        let numbers = state.shownHistory.filter { $0 <= shown && state.trailPoints[$0] != nil }.sorted().suffix(LiveState.trailLength)
        state.trailPoints = state.trailPoints.filter { state.shownHistory.contains($0.key) }
        state.trails = KeypointTrails.trails(numbers.compactMap { state.trailPoints[$0] })
        live = state
    }
}
