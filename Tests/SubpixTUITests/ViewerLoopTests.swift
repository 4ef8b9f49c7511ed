import Foundation
import XCTest
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// The loop apart from the terminal: input is taken before anything is computed,
/// computation runs on the worker, stale work is dropped, results come back as events.
final class ViewerLoopTests: XCTestCase {
    /// Events queued as if typed faster than the loop runs.
    private final class ScriptedInput: InputSource {
        var queued: [ViewerEvent]
        init(_ events: [ViewerEvent]) { queued = events }
        func nextEvent(timeout milliseconds: Int) -> ViewerEvent? {
            if !queued.isEmpty { return queued.removeFirst() }
            if milliseconds > 0 { Thread.sleep(forTimeInterval: Double(min(milliseconds, 20)) / 1000) }
            return nil
        }
        var now: Date { Date() }
    }

    /// Runs rounds until nothing is awaited (or 30 s pass).
    private func settle(_ loop: ViewerLoop) {
        let deadline = Date().addingTimeInterval(30)
        repeat { loop.round() } while (loop.model.awaited != nil || loop.model.runs.isEmpty) && Date() < deadline
    }

    func testTenQuickKeyPressesCostOneComputation() throws {
        let model = try demoModel()
        model.computationCacheCapacity = 64
        let input = ScriptedInput([])
        let loop = ViewerLoop(model: model, source: input)
        let before = model.computations.count
        input.queued = Array(repeating: .key(.character("t")), count: 10)
        settle(loop)
        XCTAssertEqual(model.session.view.temperature, 0.107, "1 / 1.25¹⁰ in 3-digit steps")
        XCTAssertEqual(model.computations.count, before + 1, "only the last temperature was computed")
        XCTAssertNil(model.runs.first?.error)
        let expected = ViewComputation(session: model.session, tensor: try XCTUnwrap(model.viewed)).compute()
        XCTAssertEqual(model.runs.map(\.keypoints), expected.runs.map(\.keypoints), "the keypoints shown are the last temperature's")
    }

    /// A computation the test holds: each job signals `started`, then waits for `release`
    /// before computing; `temperatures` records what was computed, in order. A watchdog
    /// releases everything after 60 s so that a regression fails instead of hanging.
    private final class HeldComputation: @unchecked Sendable {
        let started = DispatchSemaphore(value: 0)
        private let release = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var computed: [Double] = []
        private var watchdogFired = false

        var temperatures: [Double] { lock.withLock { computed } }
        var releasedByWatchdog: Bool { lock.withLock { watchdogFired } }

        init() {
            DispatchQueue.global().asyncAfter(deadline: .now() + 60) { [self] in
                lock.withLock { watchdogFired = true }
                for _ in 0..<16 { release.signal() }
            }
        }

        func compute(_ job: ViewComputation) -> ComputedView {
            started.signal()
            release.wait()
            lock.withLock { computed.append(job.key.settings.temperature) }
            return job.compute()
        }

        /// Holds a gradient overlay's computation likewise (it records no temperature).
        func computeInfluence(_ job: InfluenceComputation) -> Result<InfluenceOverlay, any Error> {
            started.signal()
            release.wait()
            return Result { try job.compute() }
        }

        func releaseOne() { release.signal() }

        /// Waits (up to 60 s) until a job has started and is held.
        func awaitStart() -> Bool { started.wait(timeout: .now() + 60) == .success }
    }

    /// The issue's `T T T T ?` without a timer: the computations are held on a semaphore,
    /// and every key is taken — help open, temperature stepped four times — while the
    /// first is still held; the two temperatures in between are never computed (the
    /// newest job replaces a waiting one), the stale result is not shown, and once
    /// released the keypoints shown are the last temperature's.
    func testKeysAreAllTakenWhileAComputationIsHeldAndStaleWorkIsDropped() throws {
        let model = try demoModel()   // its first view is computed before the loop starts
        let firstRuns = model.runs.map(\.keypoints)
        let held = HeldComputation()
        let input = ScriptedInput([.key(.character("T"))])
        let loop = ViewerLoop(model: model, source: input, compute: held.compute)
        loop.round()
        XCTAssertTrue(held.awaitStart(), "T 1.25's computation started (and is held)")

        input.queued = ["T", "T", "T", "?"].map { .key(.character(Character($0))) }
        loop.round()
        XCTAssertEqual(model.mode, .help, "the help is open while the computation is held")
        XCTAssertEqual(model.session.view.temperature, 2.44, "T stepped four times: 1.25, 1.56, 1.95, 2.44")
        XCTAssertEqual(held.temperatures, [], "nothing has finished: the keys did not wait for it")
        XCTAssertNotNil(model.awaited, "the view awaits the newest settings")
        for _ in 0..<5 { loop.round() }   // rounds go on (drawing, progress) while the job is held
        XCTAssertEqual(held.temperatures, [])
        XCTAssertEqual(model.runs.map(\.keypoints), firstRuns, "until a result arrives, the previous markers stay")

        let cached = model.computations.count
        held.releaseOne()   // T 1.25 finishes: stale, cached, not shown
        XCTAssertTrue(held.awaitStart(), "the next job started: the newest one")
        let staleDeadline = Date().addingTimeInterval(60)
        while model.computations.count == cached && Date() < staleDeadline { loop.round() }
        XCTAssertEqual(model.computations.count, cached + 1, "T 1.25's result arrived and was cached")
        XCTAssertEqual(held.temperatures, [1.25])
        XCTAssertEqual(model.runs.map(\.keypoints), firstRuns, "a result a newer key made stale is not shown")

        held.releaseOne()
        settle(loop)
        XCTAssertFalse(held.releasedByWatchdog, "released by the test, not the watchdog")
        XCTAssertEqual(held.temperatures, [1.25, 2.44], "T 1.56 and 1.95 were dropped, never computed")
        let expected = ViewComputation(session: model.session, tensor: try XCTUnwrap(model.viewed)).compute()
        XCTAssertFalse(expected.runs.flatMap(\.keypoints.points).isEmpty)
        XCTAssertNotEqual(expected.runs.map(\.keypoints), firstRuns, "the temperature changes the keypoints")
        XCTAssertEqual(model.runs.map(\.keypoints), expected.runs.map(\.keypoints), "the keypoints shown are the last temperature's")
        XCTAssertEqual(model.mode, .help, "the help stayed open throughout")
    }

    /// The 0.6 s per key on 2048² with `f` on: the overlay is held on a semaphore,
    /// and every key is taken while it is — the cursor moves, the help opens — with the
    /// previous overlay of the same map shown meanwhile; released, the overlay shown is
    /// the newest one asked for, that of the keypoint nearest the cursor on y.
    func testTheGradientOverlayIsComputedOnTheWorkerAndKeysDoNotWaitForIt() throws {
        let model = try demoModel()
        XCTAssertTrue(model.run("view.influence = 'x'"))
        XCTAssertEqual(model.influence?.axis, .x, "computed inline before the loop starts")
        let held = HeldComputation()
        let input = ScriptedInput([.key(.character("f"))])   // x → y
        let loop = ViewerLoop(model: model, source: input, computeInfluence: held.computeInfluence)
        loop.round()
        XCTAssertTrue(held.awaitStart(), "the y overlay's computation started (and is held)")
        XCTAssertNotNil(model.awaitedInfluence)

        let cursor = model.cursorX
        input.queued = [.key(.left), .key(.left), .key(.character("?"))]
        loop.round()
        XCTAssertEqual(model.mode, .help, "the help is open while the overlay is held")
        XCTAssertEqual(model.cursorX, cursor - 2, "both arrows moved the cursor")
        XCTAssertEqual(model.influence?.axis, .x, "until the y overlay arrives, the x one of the same map stays")
        XCTAssertTrue(model.isComputing, "the progress line counts while the overlay is held")

        let deadline = Date().addingTimeInterval(60)
        while model.awaitedInfluence != nil && Date() < deadline {
            held.releaseOne()
            for _ in 0..<5 { loop.round() }
        }
        XCTAssertFalse(held.releasedByWatchdog, "released by the test, not the watchdog")
        let shown = try XCTUnwrap(model.influence)
        XCTAssertEqual(shown.axis, .y)
        let expected = try XCTUnwrap(InfluenceComputation(
            session: model.session, tensor: try XCTUnwrap(model.viewed).tensor, run: model.runs.first,
            computation: try XCTUnwrap(model.computedKey), cursor: (model.cursorX, model.cursorY))).compute()
        XCTAssertEqual(shown.keypoint, expected.keypoint, "the overlay is the cursor's nearest keypoint's")
        let values = { (slice: MapSlice) in (0..<slice.height).flatMap { y in (0..<slice.width).map { slice[$0, y] } } }
        XCTAssertEqual(values(shown.slice), values(expected.slice))
    }

    /// The issue's `⋯ computing 10.24 s` after 0.3 s: the timer starts at the key that
    /// asked for the computation, not at the last tick of an earlier one.
    func testTheComputingTimerCountsFromTheKeyThatStartedIt() throws {
        let model = try demoModel()
        let held = HeldComputation()
        let input = ScriptedInput([])
        let loop = ViewerLoop(model: model, source: input, compute: held.compute)
        loop.round()
        XCTAssertNil(model.awaited, "idle: the demo's first view was computed before the loop")
        Thread.sleep(forTimeInterval: 0.3)
        let pressed = Date()
        input.queued = [.key(.character("T"))]
        loop.round()
        XCTAssertTrue(held.awaitStart())
        let since = try XCTUnwrap(model.awaitedSince)
        XCTAssertGreaterThanOrEqual(since.timeIntervalSince(pressed), 0, "counted from the key, not from before the idle 0.3 s")
        held.releaseOne()
        settle(loop)
        XCTAssertNil(model.awaitedSince)
    }

    /// While a computation runs, keys still change the view at once (here: the help opens).
    func testKeysAreHandledWhileComputing() throws {
        let model = try demoModel()
        let input = ScriptedInput([.key(.character("T")), .key(.character("?"))])
        let loop = ViewerLoop(model: model, source: input)
        loop.round()
        XCTAssertEqual(model.mode, .help, "the help opened in the same round as T, before T's result")
        settle(loop)
        XCTAssertEqual(model.session.view.temperature, 1.25)
    }
}
