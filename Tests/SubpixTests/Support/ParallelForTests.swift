import Dispatch
import XCTest
@testable import Subpix

/// `parallelFor` runs every item exactly once, whether the pool's helpers take
/// the loop or (for a nested or concurrent loop) Dispatch does.
final class ParallelForTests: XCTestCase {
    override func setUp() {
        super.setUp()
        previousThreads = Parallelism.maxThreads
        Parallelism.maxThreads = 0
    }

    override func tearDown() {
        Parallelism.maxThreads = previousThreads
        super.tearDown()
    }

    private var previousThreads = 0

    /// How often each of `count` slots was hit by `body`, which gets the slots
    /// (each item writes only its own slots, as `parallelFor` requires).
    private func hitCounts(_ count: Int, _ body: (UnsafeMutableBufferPointer<Int>) -> Void) -> [Int] {
        let hits = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        defer { hits.deallocate() }
        hits.initialize(repeating: 0)
        body(hits)
        return Array(hits)
    }

    private func runCounting(_ count: Int) -> [Int] {
        hitCounts(count) { hits in parallelFor(count, work: parallelWorkThreshold) { hits[$0] += 1 } }
    }

    func testEveryItemRunsOnceInManyLoopsInARow() {
        // Back-to-back loops find the helpers awake (spinning) or asleep, late or early.
        for round in 0..<500 {
            let count = 2 + round % 37
            XCTAssertEqual(runCounting(count), Array(repeating: 1, count: count), "round \(round)")
        }
    }

    func testALoopNestedInALoopItemRunsEveryItemOnce() {
        let outer = 6, inner = 9
        let hits = hitCounts(outer * inner) { hits in
            parallelFor(outer, work: parallelWorkThreshold) { i in
                // The helpers are busy with the outer loop: this one goes to Dispatch.
                parallelFor(inner, work: parallelWorkThreshold) { j in hits[i * inner + j] += 1 }
            }
        }
        XCTAssertEqual(hits, Array(repeating: 1, count: outer * inner))
    }

    func testLoopsStartedFromSeveralThreadsAtOnceRunEveryItemOnce() {
        let callers = 4, rounds = 100, count = 16
        let hits = hitCounts(callers * rounds * count) { slots in
            nonisolated(unsafe) let hits = slots   // each loop item writes its own slot
            DispatchQueue.concurrentPerform(iterations: callers) { caller in
                for round in 0..<rounds {
                    let base = (caller * rounds + round) * count
                    parallelFor(count, work: parallelWorkThreshold) { hits[base + $0] += 1 }
                }
            }
        }
        XCTAssertEqual(hits, Array(repeating: 1, count: callers * rounds * count))
    }

    func testOneThreadRunsTheItemsInOrderOnTheCaller() {
        Parallelism.maxThreads = 1
        var order: [Int] = []
        parallelFor(20, work: parallelWorkThreshold) { order.append($0) }
        XCTAssertEqual(order, Array(0..<20))
    }
}
