import CSubpixKernels

/// The median and the median absolute deviation of values by selection
/// (quickselect): O(n) on average, no sort. An even count gives the mean of the
/// two middle values, as NumPy's `median` does.
///
/// On the AVX-512 and AVX2 paths the C kernel selects (`subpix_median_deviation_f64`,
/// the same numbers several times faster; `Float.mapStatistics` calls its float32
/// form); on the baseline path ``orderStatistic(_:count:rank:work:)`` does.
enum RobustMedian {
    /// The median of `values` and the median of their absolute deviations from it (the MAD); nil when empty.
    static func medianAndDeviation(of values: UnsafeBufferPointer<Double>) -> (median: Double, mad: Double)? {
        guard let source = values.baseAddress, !values.isEmpty else { return nil }
        let count = values.count
        var (median, mad) = (0.0, 0.0)
        if subpix_median_deviation_f64(source, count, &median, &mad) == 0 { return (median, mad) }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * count) { scratch in
            let (deviations, work) = (scratch.baseAddress!, scratch.baseAddress! + count)
            median = self.median(of: source, count: count, work: work)
            for index in 0..<count { deviations[index] = abs(source[index] - median) }
            return (median, self.median(of: deviations, count: count, work: work))
        }
    }

    /// The median of the `count` values at `values`, which it leaves as they are;
    /// `work` is scratch room for `2 × count` values.
    static func median(of values: UnsafePointer<Double>, count: Int, work: UnsafeMutablePointer<Double>) -> Double {
        let (middle, below) = orderStatistic(values, count: count, rank: count / 2, work: work)
        return count % 2 == 1 ? middle : (below + middle) / 2
    }

    /// The values a sort of the `count` values at `values` would put at `rank` and
    /// just before it (−∞ at rank 0), leaving them as they are; `work` is scratch
    /// room for `2 × count` values.
    ///
    /// Each step partitions from one buffer into the other without a branch per
    /// element: every value is written at both ends of the target range and the
    /// end it belongs to moves on (a comparison's 0 or 1). On noise, half the
    /// comparisons of a branching partition are mispredicted, and an in-place
    /// branchless one waits on its own stores; the selections were half of
    /// `subpix extract`'s time on pose maps. Values equal to the pivot are gathered
    /// in a second pass when the rank is at or past them, so runs of equal values
    /// (a zero background, a MAD of mostly zeros) still shrink the range every step.
    /// The largest value left behind below the range is kept as the range moves up:
    /// the value before `rank` is that or the pivot.
    static func orderStatistic(
        _ values: UnsafePointer<Double>, count: Int, rank: Int, work: UnsafeMutablePointer<Double>
    ) -> (value: Double, before: Double) {
        var source = values
        var (target, spare) = (work, work + count)
        var (low, high) = (0, count - 1)
        var largestBelow = -Double.infinity
        // Partitions `source[range]` into `target[range]` and reads the target next.
        func split(_ range: ClosedRange<Int>, firstIf isFirst: (Double) -> Bool) -> Int {
            let end = partition(source, into: target, range, firstIf: isFirst)
            source = UnsafePointer(target)
            swap(&target, &spare)
            return end
        }
        while low < high {
            // Median of three as the pivot keeps sorted and reversed input linear.
            let (a, b, c) = (source[low], source[low + (high - low) / 2], source[high])
            let pivot = Swift.max(Swift.min(a, b), Swift.min(Swift.max(a, b), c))
            let less = split(low...high) { $0 < pivot }
            if rank < less {
                high = less - 1
                continue
            }
            for index in low..<less { largestBelow = Swift.max(largestBelow, source[index]) }
            // [less, high] is at least the pivot, which is among them: its equals first.
            let equalEnd = split(less...high) { $0 <= pivot }
            if rank < equalEnd { return (pivot, rank > less ? pivot : largestBelow) }
            largestBelow = pivot
            low = equalEnd
        }
        return (source[rank], largestBelow)
    }

    /// Writes `source[range]` to `target[range]`, the values for which `isFirst`
    /// holds first, and returns where the others start.
    @inline(__always)
    private static func partition(
        _ source: UnsafePointer<Double>, into target: UnsafeMutablePointer<Double>, _ range: ClosedRange<Int>, firstIf isFirst: (Double) -> Bool
    ) -> Int {
        var (first, last) = (range.lowerBound, range.upperBound)
        var index = range.lowerBound
        while index <= range.upperBound {
            let value = source[index]
            target[first] = value
            target[last] = value
            // The Bool's byte (0 or 1) as a number: a `? 1 : 0` compiles to a branch here.
            let isFirstValue = Int(unsafeBitCast(isFirst(value), to: UInt8.self))
            first &+= isFirstValue
            last &-= 1 &- isFirstValue
            index &+= 1
        }
        return first
    }
}
