import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

/// The hand-over between a source's thread and the UI: never blocking, and
/// dropping the oldest untaken frames beyond the byte budget.
final class LiveFeedTests: XCTestCase {
    /// A source that delivers `count` frames of `elements` float32 values at once, then ends.
    private final class BurstSource: LiveSource, @unchecked Sendable {
        private var remaining: Int
        private let elements: Int
        private var sent = 0
        /// Signalled when the feed asks for more after the end: every event has been posted.
        let exhausted = DispatchSemaphore(value: 0)
        init(count: Int, elements: Int) { remaining = count; self.elements = elements }
        func next() -> LiveEvent? {
            if remaining == 0 {
                remaining = -1
                return .ended(frames: sent)
            }
            guard remaining > 0 else {
                exhausted.signal()
                return nil
            }
            remaining -= 1
            sent += 1
            guard let tensor = try? Tensor<Float>(shape: [1, 1, 1, elements], elements: [Float](repeating: Float(sent), count: elements)) else { return nil }
            return .frame(.float32(tensor))
        }
        func cancel() {}
    }

    func testUntakenFramesBeyondTheBudgetAreDroppedOldestFirst() throws {
        // 10 frames of 400 bytes, a 1000-byte budget: the UI, taking nothing meanwhile, gets the newest 2.
        let source = BurstSource(count: 10, elements: 100)
        let feed = LiveFeed(source: source, pendingBytes: 1000)
        XCTAssertEqual(source.exhausted.wait(timeout: .now() + 30), .success)
        let events = feed.drain()
        guard case .ended(let frames)? = events.last else { return XCTFail("expected the end last, got \(events)") }
        XCTAssertEqual(frames, 10)
        let firsts = events.compactMap { if case .frame(let t) = $0 { t.doubles[0] } else { nil } }
        XCTAssertEqual(firsts.last, 10, "the newest frame is always kept")
        XCTAssertLessThanOrEqual(firsts.count * 400, 1000)
        XCTAssertEqual(feed.dropped, 10 - firsts.count)
        XCTAssertTrue(feed.drain().isEmpty, "drain empties the mailbox")
    }
}
