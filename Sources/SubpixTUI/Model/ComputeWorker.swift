import Foundation
import Synchronization

/// Computes the viewer's keypoints on a thread of its own, so the input loop
/// never waits for them.
///
/// It holds at most one waiting job: a job submitted while another waits
/// replaces it (a newer key made it stale), and the one running finishes (the
/// ops cannot be interrupted) but its result is only cached, not shown, when
/// a newer job is wanted. Each result is handed to `deliver` as a
/// ``ViewerEvent/computed(_:_:)`` event, which `update` takes like a key.
final class ComputeWorker: Sendable {
    private struct State {
        var waiting: ViewComputation?
        var stopped = false
    }

    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let compute: @Sendable (ViewComputation) -> ComputedView
    private let deliver: @Sendable (ViewerEvent) -> Void

    /// - Parameters:
    ///   - compute: runs one job (the computation itself; tests hold it on a semaphore).
    ///   - deliver: takes each result, from the worker's thread.
    init(compute: @escaping @Sendable (ViewComputation) -> ComputedView = { $0.compute() },
         deliver: @escaping @Sendable (ViewerEvent) -> Void) {
        self.compute = compute
        self.deliver = deliver
        let thread = Thread { [self] in loop() }
        thread.name = "subpix compute"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Asks for `computation`, replacing any job still waiting.
    func submit(_ computation: ViewComputation) {
        state.withLock { $0.waiting = computation }
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
            let (job, stopped) = state.withLock { state -> (ViewComputation?, Bool) in
                defer { state.waiting = nil }
                return (state.waiting, state.stopped)
            }
            if stopped { return }
            guard let job else { continue }
            deliver(.computed(job.key, compute(job)))
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
