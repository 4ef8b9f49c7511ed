import Foundation
import XCTest
import SubpixTUI

/// The in-memory screen's two sides: the loop's (input with a timeout, frames drawn)
/// and the test's (input queued, frames waited for), on different threads.
final class MemoryScreenTests: XCTestCase {
    func testInputComesOutInOrderAndAnEmptyQueueGivesNil() {
        let screen = MemoryScreen(width: 80, height: 24)
        XCTAssertNil(screen.nextEvent(timeout: 0))
        screen.type("Tq")
        screen.send(.key(.escape))
        let keys = (0..<3).compactMap { _ -> Key? in
            if case .key(let key)? = screen.nextEvent(timeout: 0) { return key }
            return nil
        }
        XCTAssertEqual(keys, [.character("T"), .character("q"), .escape])
        XCTAssertNil(screen.nextEvent(timeout: 10), "the queue is empty again")
    }

    func testAWaitingReadWakesForInputSentFromAnotherThread() {
        let screen = MemoryScreen(width: 80, height: 24)
        Thread { screen.type("?") }.start()
        guard case .key(.character("?"))? = screen.nextEvent(timeout: 60_000) else { return XCTFail("the key sent while waiting") }
    }

    func testAResizeChangesTheSizeAndTellsTheLoop() {
        let screen = MemoryScreen(width: 80, height: 24)
        screen.resize(width: 30, height: 8)
        XCTAssertTrue(screen.size == (30, 8))
        guard case .resize(width: 30, height: 8)? = screen.nextEvent(timeout: 0) else { return XCTFail("a resize event") }
    }

    func testWaitingForAFrameSeesTheOneThatMatchesAndTimesOutWithout() {
        let screen = MemoryScreen(width: 4, height: 1)
        XCTAssertNil(screen.frame)
        Thread {
            for text in ["one", "two"] {
                var buffer = CellBuffer(width: 4, height: 1)
                buffer.write(text, x: 0, y: 0)
                screen.draw(buffer)
            }
        }.start()
        let two = screen.waitForFrame(timeout: 60) { $0.textPlane.hasPrefix("two") }
        XCTAssertEqual(two?.textPlane, "two ")
        XCTAssertEqual(screen.framesDrawn, 2)
        XCTAssertNil(screen.waitForFrame(timeout: 0.05) { $0.textPlane.hasPrefix("three") }, "never drawn")
    }
}
