import Foundation
import Synchronization

/// Computes the viewer's keypoints and gradient overlays on a thread of its
/// own, so the input loop never waits for them.
///
/// It holds at most one waiting job of each kind: a job submitted while another
/// of its kind waits replaces it (a newer key made it stale), and keypoints go
/// before an overlay (which needs them). The job running finishes (the ops
/// cannot be interrupted), but a stale result is only cached, not shown. Each
/// result is handed to `deliver` as a ``ViewerEvent``, which `update` takes like a key.
final class ComputeWorker: Sendable {
    private struct State {
        var keypoints: ViewComputation?
        var influence: InfluenceComputation?
        var stopped = false

        /// The next job to run, taken out of its slot.
        mutating func take() -> ViewerEffect? {
            if let job = keypoints {
                keypoints = nil
                return .compute(job)
            }
            if let job = influence {
                influence = nil
                return .computeInfluence(job)
            }
            return nil
        }
    }

    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let compute: @Sendable (ViewComputation) -> ComputedView
    private let computeInfluence: @Sendable (InfluenceComputation) -> Result<InfluenceOverlay, any Error>
    private let deliver: @Sendable (ViewerEvent) -> Void

    /// - Parameters:
    ///   - compute: runs one keypoint job (the computation itself; tests hold it on a semaphore).
    ///   - computeInfluence: runs one gradient overlay job (likewise).
    ///   - deliver: takes each result, from the worker's thread.
    init(compute: @escaping @Sendable (ViewComputation) -> ComputedView = { $0.compute() },
         computeInfluence: @escaping @Sendable (InfluenceComputation) -> Result<InfluenceOverlay, any Error> = { job in Result { try job.compute() } },
         deliver: @escaping @Sendable (ViewerEvent) -> Void) {
        self.compute = compute
        self.computeInfluence = computeInfluence
        self.deliver = deliver
        let thread = Thread { [self] in loop() }
        thread.name = "subpix compute"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Asks for `computation`, replacing any keypoint job still waiting.
    func submit(_ computation: ViewComputation) {
        state.withLock { $0.keypoints = computation }
        wake.signal()
    }

    /// Asks for `computation`, replacing any overlay job still waiting.
    func submit(_ computation: InfluenceComputation) {
        state.withLock { $0.influence = computation }
        wake.signal()
    }

    /// Ends the thread after the job it is running, if any.
    func stop() {
        state.withLock { $0.stopped = true }
        wake.signal()
    }

    private func loop() {
        while true {
            wake.wait()
            // Every waiting job, keypoints first (a signal may find none: an earlier round took its job).
            jobs: while true {
                let (job, stopped) = state.withLock { state in (state.take(), state.stopped) }
                if stopped { return }
                switch job {
                case .compute(let job)?: deliver(.computed(job.key, compute(job)))
                case .computeInfluence(let job)?: deliver(.influenceComputed(job.key, computeInfluence(job)))
                default: break jobs
                }
            }
        }
    }
}

/// Events posted from other threads (computed results, live frames), taken by
/// the input loop between keys.
final class EventInbox: Sendable {
    private let events = Mutex<[ViewerEvent]>([])

    func post(_ event: ViewerEvent) { events.withLock { $0.append(event) } }

    /// Every event posted so far, oldest first, and empties the inbox.
    func drain() -> [ViewerEvent] { events.withLock { events in defer { events.removeAll() }; return events } }
}
