import Foundation
import SubpixFiles

/// Where the loop's input comes from: the terminal, or a script of events in tests.
public protocol InputSource: AnyObject {
    /// The next input event, waiting at most `timeout` milliseconds (0: only what is queued); nil when none came.
    func nextEvent(timeout milliseconds: Int) -> ViewerEvent?
    /// The time now, for ``ViewerEvent/tick(_:)``.
    var now: Date { get }
    /// Whether Ctrl-C was pressed since the last call, which forgets it: polled while a
    /// `:` statement runs, which it stops (the viewer stays).
    func takeInterrupt() -> Bool
}

extension InputSource {
    /// A source without Ctrl-C never interrupts.
    public func takeInterrupt() -> Bool { false }
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
    /// The newest computations `update` asked for in this round, submitted at its end.
    private var requested: ViewComputation?
    private var requestedInfluence: InfluenceComputation?
    /// The live source (`--stream`, `--follow`, `-`), polled each round.
    private let live: LiveFeed?
    private var lastLiveEvent = Date()

    /// How long to wait for input while a computation runs or frames may arrive (progress, results and frames show this soon).
    static let busyTimeout = 40
    /// … and while nothing runs.
    static let idleTimeout = 250

    /// `compute` and `computeInfluence` run each computation on the worker's thread (tests hold them on a semaphore).
    init(model: ViewerModel, source: InputSource, live: LiveFeed? = nil,
         compute: @escaping @Sendable (ViewComputation) -> ComputedView = { $0.compute() },
         computeInfluence: @escaping @Sendable (InfluenceComputation) -> Result<InfluenceOverlay, any Error> = { job in Result { try job.compute() } }) {
        self.model = model
        self.source = source
        self.live = live
        worker = ComputeWorker(compute: compute, computeInfluence: computeInfluence, deliver: { [inbox] in inbox.post($0) })
        model.computesInline = false
    }

    deinit { worker.stop() }

    /// Runs rounds until the model quits or `shouldStop` says so, drawing after each.
    func run(draw: (CellBuffer) -> Void, shouldStop: () -> Bool) {
        let renderer = Renderer()
        if let awaited = model.awaited { worker.submit(awaited) }
        if let awaited = model.awaitedInfluence { worker.submit(awaited) }
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
        let busy = model.isComputing || live != nil
        if let first = source.nextEvent(timeout: busy ? Self.busyTimeout : Self.idleTimeout) {
            // The clock first, so that a computation this key starts counts from now, not the last tick.
            if !model.isComputing { send(.tick(source.now)) }
            send(first)
            changed = true
            while !model.shouldQuit, let next = source.nextEvent(timeout: 0) { send(next) }
        }
        for event in inbox.drain() {
            send(event)
            changed = true
        }
        if model.isComputing {
            send(.tick(source.now))
            changed = true
        }
        submitRequested()
        return changed
    }

    /// Updates the model with `event` and performs the effects it returns.
    private func send(_ event: ViewerEvent) {
        for effect in model.update(event) {
            switch effect {
            case .compute(let computation): requested = computation
            case .computeInfluence(let computation): requestedInfluence = computation
            default: send(effect.perform(in: model.session, isInterrupted: source.takeInterrupt))
            }
        }
    }

    /// Submits the round's newest computations, unless a later event made the view stop waiting for them.
    private func submitRequested() {
        if let computation = requested, computation.key == model.awaited?.key { worker.submit(computation) }
        if let computation = requestedInfluence, computation.key == model.awaitedInfluence?.key { worker.submit(computation) }
        (requested, requestedInfluence) = (nil, nil)
    }
}
