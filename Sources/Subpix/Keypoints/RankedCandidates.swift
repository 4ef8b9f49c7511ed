/// Keypoint candidates — a value and an item number the caller chooses — put in
/// keypoint order: value descending, ties in the order they were appended.
///
/// Candidates are appended in position order, so a *stable* sort on the value
/// alone gives keypoint order (ties by position). Each value becomes a 64-bit
/// key that rises as the value falls (its `Double` bits, flipped so that
/// unsigned order is numeric order, then inverted), and the keys are sorted by
/// a least-significant-digit radix sort, 11 bits a pass — linear in the
/// candidates, where a comparison sort of the 20–30 thousand maxima of a noisy
/// map costs several times more. A pass whose digit is the same for every key
/// (the low bits of a widened `Float`) moves nothing and is skipped.
///
/// ```swift
/// var ranked = RankedCandidates()
/// ranked.append(value: 0.5, item: 0)
/// ranked.append(value: 2.0, item: 1)
/// ranked.sort()
/// ranked.items   // [1, 0]
/// ```
struct RankedCandidates {
    private(set) var keys: [UInt64] = []
    private(set) var items: [Int] = []

    /// Adds a candidate; `value` must not be NaN.
    mutating func append(value: Double, item: Int) {
        keys.append(Self.key(value))
        items.append(item)
    }

    var count: Int { keys.count }

    mutating func reserve(_ count: Int) {
        keys.reserveCapacity(count)
        items.reserveCapacity(count)
    }


    /// The value a key was made from.
    static func value(_ key: UInt64) -> Double {
        let ordered = ~key
        return Double(bitPattern: ordered & (1 << 63) != 0 ? ordered & ~(1 << 63) : ~ordered)
    }

    /// A key whose unsigned order is the value's descending order (−0 and +0 tie).
    static func key(_ value: Double) -> UInt64 {
        let bits = (value == 0 ? 0 : value).bitPattern
        let ordered = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
        return ~ordered
    }

    /// Sorts by key, keeping the order of equal keys.
    mutating func sort() {
        let count = keys.count
        guard count > 1 else { return }
        let digitBits = 11, buckets = 1 << 11
        var (otherKeys, otherItems) = ([UInt64](repeating: 0, count: count), [Int](repeating: 0, count: count))
        var histogram = [Int](repeating: 0, count: buckets)
        for shift in stride(from: 0, to: 64, by: digitBits) {
            let moved: Bool = keys.withUnsafeBufferPointer { keys in
                items.withUnsafeBufferPointer { items in
                    otherKeys.withUnsafeMutableBufferPointer { outKeys in
                        otherItems.withUnsafeMutableBufferPointer { outItems in
                            histogram.withUnsafeMutableBufferPointer { histogram in
                                Self.scatter(keys, items, shift: UInt64(shift), into: outKeys, outItems, histogram: histogram)
                            }
                        }
                    }
                }
            }
            if moved {
                swap(&keys, &otherKeys)
                swap(&items, &otherItems)
            }
        }
    }

    /// One counting-sort pass on the digit at `shift`; false (and nothing
    /// written) when every key has the same digit there.
    private static func scatter(
        _ keys: UnsafeBufferPointer<UInt64>, _ items: UnsafeBufferPointer<Int>, shift: UInt64,
        into outKeys: UnsafeMutableBufferPointer<UInt64>, _ outItems: UnsafeMutableBufferPointer<Int>,
        histogram: UnsafeMutableBufferPointer<Int>
    ) -> Bool {
        let mask = UInt64(histogram.count - 1)
        histogram.update(repeating: 0)
        for key in keys { histogram[Int(truncatingIfNeeded: (key &>> shift) & mask)] += 1 }
        let first = Int(truncatingIfNeeded: (keys[0] &>> shift) & mask)
        guard histogram[first] != keys.count else { return false }
        var next = 0
        for bucket in histogram.indices {
            let size = histogram[bucket]
            histogram[bucket] = next
            next += size
        }
        for index in keys.indices {
            let digit = Int(truncatingIfNeeded: (keys[index] &>> shift) & mask)
            let target = histogram[digit]
            histogram[digit] = target + 1
            outKeys[target] = keys[index]
            outItems[target] = items[index]
        }
        return true
    }
}
