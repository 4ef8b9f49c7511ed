import Foundation
import XCTest
import SubpixScript
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
