import Foundation
import SubpixFiles

/// Where the loop's input comes from: the terminal, or a script of events in tests.
public protocol InputSource: AnyObject {
    /// The next input event, waiting at most `timeout` milliseconds (0: only what is queued); nil when none came.
    func nextEvent(timeout milliseconds: Int) -> ViewerEvent?
    /// The time now, for ``ViewerEvent/tick(_:)``.
    var now: Date { get }
}

/// The viewer's main loop, apart from the terminal: performs the effects
/// `update` returns (a statement or a file at once, reported back as an event),
/// takes every queued input event before anything is computed (ten quick `t`
/// presses cost one computation), hands the computation the view waits for to
/// the ``ComputeWorker``, takes its results and the clock as events, and draws
/// after each round.
final class ViewerLoop {
    let model: ViewerModel
    private let source: InputSource
    private let inbox = EventInbox()
    private let worker: ComputeWorker
    /// The newest computation `update` asked for in this round, submitted at its end.
    private var requested: ViewComputation?
    /// The live source (`--stream`, `--follow`, `-`), polled each round.
    private let live: LiveFeed?
    private var lastLiveEvent = Date()

    /// How long to wait for input while a computation runs or frames may arrive (progress, results and frames show this soon).
    static let busyTimeout = 40
    /// … and while nothing runs.
    static let idleTimeout = 250

    /// `compute` runs each computation on the worker's thread (tests hold it on a semaphore).
    init(model: ViewerModel, source: InputSource, live: LiveFeed? = nil,
         compute: @escaping @Sendable (ViewComputation) -> ComputedView = { $0.compute() }) {
        self.model = model
        self.source = source
        self.live = live
        worker = ComputeWorker(compute: compute, deliver: { [inbox] in inbox.post($0) })
        model.computesInline = false
    }

    deinit { worker.stop() }

    /// Runs rounds until the model quits or `shouldStop` says so, drawing after each.
    func run(draw: (CellBuffer) -> Void, shouldStop: () -> Bool) {
        let renderer = Renderer()
        if let awaited = model.awaited { worker.submit(awaited) }
        draw(renderer.render(model))
        while !model.shouldQuit && !shouldStop() {
            if round() { draw(renderer.render(model)) }
        }
    }

    /// One round: waits for input (briefly while computing), takes it and
    /// everything queued behind it, then posted results; true when something changed.
    @discardableResult
    func round() -> Bool {
        var changed = false
        if let event = live?.viewerEvent(lastEvent: &lastLiveEvent) {
            send(event)
            changed = true
        }
        let busy = model.awaited != nil || live != nil
        if let first = source.nextEvent(timeout: busy ? Self.busyTimeout : Self.idleTimeout) {
            send(first)
            changed = true
            while !model.shouldQuit, let next = source.nextEvent(timeout: 0) { send(next) }
        }
        for event in inbox.drain() {
            send(event)
            changed = true
        }
        if model.awaited != nil {
            send(.tick(source.now))
            changed = true
        }
        submitRequested()
        return changed
    }

    /// Updates the model with `event` and performs the effects it returns.
    private func send(_ event: ViewerEvent) {
        for effect in model.update(event) {
            if case .compute(let computation) = effect {
                requested = computation
            } else {
                send(effect.perform(in: model.session))
            }
        }
    }

    /// Submits the round's newest computation, unless a later event made the view stop waiting for it.
    private func submitRequested() {
        guard let computation = requested else { return }
        requested = nil
        if computation.key == model.awaited?.key { worker.submit(computation) }
    }
}
