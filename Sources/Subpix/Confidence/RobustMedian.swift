/// The median of values by selection (Hoare's quickselect), in place: O(n) on
/// average, no sort. An even count gives the mean of the two middle values, as
/// NumPy's `median` does.
enum RobustMedian {
    /// The median of `values`, reordering them; nil when empty.
    static func median(_ values: inout [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let upper = values.count / 2
        select(&values, rank: upper)
        guard values.count % 2 == 0 else { return values[upper] }
        // After selecting, everything before `upper` is at most values[upper]: the lower middle is their largest.
        let lower = values[..<upper].max() ?? values[upper]
        return (lower + values[upper]) / 2
    }

    /// Reorders `values` so that `values[rank]` is the element a sort would put
    /// there, everything before it no larger and everything after it no smaller.
    static func select(_ values: inout [Double], rank: Int) {
        // Through the buffer: no bounds or uniqueness check per swap (a pose map's
        // two selections cost as much as its decode with them).
        values.withUnsafeMutableBufferPointer { values in
            var (low, high) = (0, values.count - 1)
            while low < high {
                // Median of three as the pivot keeps sorted and reversed input linear.
                let middle = low + (high - low) / 2
                let pivot = Swift.max(Swift.min(values[low], values[middle]), Swift.min(Swift.max(values[low], values[middle]), values[high]))
                var (i, j) = (low, high)
                while i <= j {
                    while values[i] < pivot { i += 1 }
                    while values[j] > pivot { j -= 1 }
                    if i <= j {
                        values.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if rank <= j { high = j } else if rank >= i { low = i } else { return }
            }
        }
    }
}
