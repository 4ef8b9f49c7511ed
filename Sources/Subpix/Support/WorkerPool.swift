import Dispatch
import Foundation
import Synchronization

/// Helper threads for ``parallelFor(_:work:_:)`` that stay awake for a moment
/// after each loop, so that the next loop starts on every core at once.
///
/// A sleeping thread takes tens of microseconds to wake (measured with
/// `DispatchQueue.concurrentPerform` on 2 cores: about 30 µs, as long as half
/// of `nms2d` on a 512 × 512 map), which is why a second core used to buy
/// nothing for the small ops. Each helper spins for ``spinNanoseconds``
/// after its last loop before it sleeps; the calling thread always works
/// on the items too, so a helper that wakes late costs nothing but its share.
final class WorkerPool: @unchecked Sendable {
    /// One helper per core besides the caller's, started on first use.
    static let shared = WorkerPool(helpers: Parallelism.cores - 1)

    /// How long an idle helper keeps polling for the next loop before it sleeps.
    static let spinNanoseconds: UInt64 = 100_000

    /// Bumped for every loop; helpers watch it.
    private let generation = Atomic<Int>(0)
    /// Taken by the one loop the helpers serve at a time.
    private let inUse = Atomic<Bool>(false)
    /// Guards `job` and `sleepers`, and wakes sleeping helpers.
    private let condition = NSCondition()
    private var job: Job?
    private var sleepers = 0

    private init(helpers: Int) {
        for _ in 0..<max(0, helpers) {
            let thread = Thread { [self] in serve() }
            thread.name = "subpix-worker"
            thread.start()
        }
    }

    /// Runs `body(item)` for every item in `0..<count` on the calling thread and
    /// up to `helpers` helper threads, each item once; returns when all are done.
    /// Returns false, having run nothing, when another loop holds the helpers
    /// (a concurrent or nested ``parallelFor(_:work:_:)``).
    func run(_ count: Int, helpers: Int, _ body: @escaping (Int) -> Void) -> Bool {
        guard inUse.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            return false
        }
        defer { inUse.store(false, ordering: .releasing) }
        let job = Job(count: count, helpers: helpers, body: body)
        condition.lock()
        self.job = job
        generation.wrappingAdd(1, ordering: .releasing)
        if sleepers > 0 { condition.broadcast() }
        condition.unlock()
        job.takeItems()
        job.waitUntilFinished()
        condition.lock()
        self.job = nil
        condition.unlock()
        // No helper calls `body` any more: every item has finished, and a helper
        // arriving late finds none left. Drop it before the caller's frame ends.
        job.body = nil
        return true
    }

    /// A helper's life: wait for the next loop (spinning, then sleeping), help with it.
    private func serve() {
        var seen = 0
        while true {
            var spinStart = DispatchTime.now().uptimeNanoseconds
            while generation.load(ordering: .acquiring) == seen {
                if DispatchTime.now().uptimeNanoseconds - spinStart < Self.spinNanoseconds {
                    // Polling, but giving way at once to a thread that shares this core.
                    sched_yield()
                    continue
                }
                condition.lock()
                if generation.load(ordering: .acquiring) == seen {
                    sleepers += 1
                    condition.wait()
                    sleepers -= 1
                }
                condition.unlock()
                spinStart = DispatchTime.now().uptimeNanoseconds
            }
            seen = generation.load(ordering: .acquiring)
            condition.lock()
            let current = job
            condition.unlock()
            current?.help()
        }
    }
}

/// One loop handed to the helpers: items are taken in turn from a shared counter.
private final class Job: @unchecked Sendable {
    let count: Int
    let helpers: Int
    /// Read only by threads that took an item below `count`; cleared once all finished.
    var body: ((Int) -> Void)?
    private let next = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let joined = Atomic<Int>(0)

    init(count: Int, helpers: Int, body: @escaping (Int) -> Void) {
        (self.count, self.helpers, self.body) = (count, helpers, body)
    }

    /// A helper joins unless the loop already has as many helpers as it may use.
    func help() {
        guard joined.wrappingAdd(1, ordering: .relaxed).oldValue < helpers else { return }
        takeItems()
    }

    /// Runs untaken items until none is left.
    func takeItems() {
        while case let item = next.wrappingAdd(1, ordering: .relaxed).oldValue, item < count {
            run(item)
            finished.wrappingAdd(1, ordering: .releasing)
        }
    }

    /// Kept out of line so that the copy of `body` it makes is released before
    /// the item counts as finished.
    @inline(never)
    private func run(_ item: Int) {
        body?(item)
    }

    /// Waits for the items other threads are still running: spinning at first (an
    /// item takes microseconds), then giving the core away in case the thread
    /// running the last item waits for it.
    func waitUntilFinished() {
        var polls = 0
        while finished.load(ordering: .acquiring) < count {
            polls += 1
            if polls > 1 << 12 { sched_yield() }
        }
    }
}
