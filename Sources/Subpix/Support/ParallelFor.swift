import Dispatch
import Foundation
import Synchronization

/// How many threads the ops may use at once.
///
/// The default (`0`) uses every core. `subpix bench --threads N` sets it so
/// that both sides of a comparison with kornia run with the same thread count.
///
/// ```swift
/// Parallelism.maxThreads = 1   // run every op on the calling thread
/// ```
public enum Parallelism {
    private static let limit = Atomic<Int>(0)

    /// The thread limit; `0` means one thread per core.
    public static var maxThreads: Int {
        get { limit.load(ordering: .relaxed) }
        set { limit.store(max(0, newValue), ordering: .relaxed) }
    }

    /// The cores this process may run on, read once: on Linux
    /// `activeProcessorCount` opens and parses cgroup files on every call,
    /// which costs as much as a small op.
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// The number of threads a parallel loop may use now.
    static var threads: Int {
        let limit = maxThreads
        return limit == 0 ? cores : min(limit, cores)
    }
}

/// Runs `body(item)` for every item in `0..<count`, spreading the items over
/// up to ``Parallelism/threads`` threads when there is enough work to pay for them.
///
/// `work` estimates the total cost in elements touched; below
/// ``parallelWorkThreshold`` the items run in order on the calling thread.
/// Each item must write only memory that no other item writes.
///
/// ```swift
/// parallelFor(maps, work: maps * mapSize) { map in process(map) }
/// ```
func parallelFor(_ count: Int, work: Int, _ body: (Int) -> Void) {
    let threads = Parallelism.threads
    guard count > 1, threads > 1, work >= parallelWorkThreshold else {
        for item in 0..<count { body(item) }
        return
    }
    withoutActuallyEscaping(body) { body in
        // The caller's contract (disjoint writes per item) is what makes sharing `body` safe.
        if WorkerPool.shared.run(count, helpers: min(threads, count) - 1, body) { return }
        // The helpers serve another loop (a concurrent or nested one): let Dispatch find threads.
        let shared = UncheckedSendable(body)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            // Each worker takes the next untaken item until none is left, so a worker
            // that wakes late, or items of uneven cost, do not leave another idle.
            while case let item = next.wrappingAdd(1, ordering: .relaxed).oldValue, item < count {
                shared.value(item)
            }
        }
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
let parallelPieces = 4 * Parallelism.cores
