import Dispatch
import Foundation

/// Runs `body(item)` for every item in `0..<count`, spreading the items over
/// the machine's cores when there is enough work to pay for the threads.
///
/// `work` estimates the total cost in elements touched; below
/// ``parallelWorkThreshold`` the items run in order on the calling thread.
/// Each item must write only memory that no other item writes.
///
/// ```swift
/// parallelFor(maps, work: maps * mapSize) { map in process(map) }
/// ```
func parallelFor(_ count: Int, work: Int, _ body: (Int) -> Void) {
    guard count > 1, work >= parallelWorkThreshold else {
        for item in 0..<count { body(item) }
        return
    }
    withoutActuallyEscaping(body) { body in
        // The caller's contract (disjoint writes per item) is what makes sharing `body` safe.
        let shared = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: count) { shared.value($0) }
    }
}

/// Carries a value the compiler cannot prove thread-safe into `parallelFor`'s workers.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Below this many elements of work, threads cost more than they save.
let parallelWorkThreshold = 1 << 16

/// How many pieces to cut one large job into: a few per core, so that uneven
/// pieces still keep every core busy.
let parallelPieces = 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
