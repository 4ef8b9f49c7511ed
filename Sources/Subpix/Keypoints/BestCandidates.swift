/// The `capacity` best candidates of a stream, best meaning larger value, then
/// earlier position: a bounded min-heap whose root is the worst one kept, so
/// each offer costs `O(log capacity)`.
///
/// ```swift
/// var best = BestCandidates(capacity: 2)
/// for (index, value) in [(0, 1.0), (1, 5.0), (2, 3.0)] { best.offer(value, at: index) }
/// best.sorted()   // [(5.0, 1), (3.0, 2)]
/// ```
struct BestCandidates {
    struct Candidate {
        var value: Double
        var index: Int

        /// Whether `self` ranks before `other`: larger value, then smaller index.
        func ranks(before other: Candidate) -> Bool {
            value > other.value || (value == other.value && index < other.index)
        }
    }

    let capacity: Int
    private var heap: [Candidate] = []

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(min(capacity, 1 << 16))
    }

    /// Keeps the candidate if it is among the best `capacity` seen so far.
    mutating func offer(_ value: Double, at index: Int) {
        let candidate = Candidate(value: value, index: index)
        if heap.count < capacity {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if let worst = heap.first, candidate.ranks(before: worst) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// The kept candidates, best first.
    func sorted() -> [Candidate] { heap.sorted { $0.ranks(before: $1) } }

    /// Heap order: a parent ranks *after* its children (the worst sits at the root).
    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent].ranks(before: heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var worst = parent
            let (left, right) = (2 * parent + 1, 2 * parent + 2)
            if left < heap.count && heap[worst].ranks(before: heap[left]) { worst = left }
            if right < heap.count && heap[worst].ranks(before: heap[right]) { worst = right }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
