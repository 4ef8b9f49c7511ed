/// Keypoint order — value descending, ties in position order — as integer keys
/// and a stable radix sort on them.
///
/// A value's key is its bits, flipped so that unsigned order is numeric order,
/// then inverted: keys rise as values fall, and −0 and +0 share one key. A
/// `Float` key has 32 significant bits and a `Double` key 64; both are held in
/// a `UInt64`. Candidates gathered in position order and sorted *stably* by key
/// alone are in keypoint order.
///
/// The sort is a least-significant-digit radix sort, 11 bits a pass: linear in
/// the candidates, where a comparison sort of the 20–30 thousand maxima of a
/// noisy batch costs several times more. Every pass's histogram is counted in
/// one read of the keys, and a pass whose digit is the same for every key moves
/// nothing and is skipped.
///
/// ```swift
/// var keys: [UInt64] = [KeypointOrder.key(Float(0.5)), KeypointOrder.key(Float(2))]
/// var items: [Int32] = [0, 1]
/// KeypointOrder.sort(&keys, &items, bits: KeypointOrder.keyBits(Float.self))
/// items   // [1, 0]
/// KeypointOrder.value(keys[0], as: Float.self)   // 2.0
/// ```
enum KeypointOrder {
    /// The significant bits of a key made from an `S`.
    @inline(__always)
    static func keyBits<S: SubpixScalar>(_: S.Type) -> Int { 1 + S.exponentBitCount + S.significandBitCount }

    /// The key of a value that is not NaN.
    @inline(__always)
    static func key<S: SubpixScalar>(_ value: S) -> UInt64 {
        let bits = keyBits(S.self)
        let sign = UInt64(1) << (bits - 1), all = UInt64.max >> (64 - bits)
        let magnitude = UInt64(value.exponentBitPattern) << S.significandBitCount | UInt64(value.significandBitPattern)
        let ordered = value.sign == .minus && magnitude != 0 ? sign - 1 - magnitude : sign | magnitude
        return ordered ^ all
    }

    /// The value a key was made from (+0 for either zero).
    @inline(__always)
    static func value<S: SubpixScalar>(_ key: UInt64, as _: S.Type) -> S {
        let bits = keyBits(S.self)
        let sign = UInt64(1) << (bits - 1), all = UInt64.max >> (64 - bits)
        let ordered = key ^ all
        let negative = ordered & sign == 0
        let magnitude = negative ? sign - 1 - ordered : ordered & ~sign
        return S(
            sign: negative ? .minus : .plus,
            exponentBitPattern: S.RawExponent(magnitude >> S.significandBitCount),
            significandBitPattern: S.RawSignificand(truncatingIfNeeded: magnitude))
    }

    /// Sorts `keys` (of `bits` significant bits) ascending, moving `items` with
    /// them and keeping the order of equal keys.
    static func sort(_ keys: inout [UInt64], _ items: inout [Int32], bits: Int) {
        let count = keys.count
        guard count > 1 else { return }
        let digits = (bits + digitBits - 1) / digitBits
        var otherKeys = [UInt64](unsafeUninitializedCapacity: count) { $1 = count }
        var otherItems = [Int32](unsafeUninitializedCapacity: count) { $1 = count }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: digits * buckets) { histograms in
            keys.withUnsafeBufferPointer { countDigits(of: $0, into: histograms, digits: digits) }
            for digit in 0..<digits {
                let histogram = UnsafeMutableBufferPointer(rebasing: histograms[(digit * buckets)..<((digit + 1) * buckets)])
                let shift = UInt64(digit * digitBits)
                let first = Int(truncatingIfNeeded: (keys[0] &>> shift) & digitMask)
                guard histogram[first] != count else { continue }
                keys.withUnsafeBufferPointer { keys in
                    items.withUnsafeBufferPointer { items in
                        otherKeys.withUnsafeMutableBufferPointer { outKeys in
                            otherItems.withUnsafeMutableBufferPointer { outItems in
                                scatter(keys, items, shift: shift, histogram: histogram, into: outKeys, outItems)
                            }
                        }
                    }
                }
                swap(&keys, &otherKeys)
                swap(&items, &otherItems)
            }
        }
    }

    private static let digitBits = 11
    private static let buckets = 1 << digitBits
    private static let digitMask = UInt64(buckets - 1)

    /// Every digit's histogram, `buckets` counts each, in one read of the keys.
    private static func countDigits(of keys: UnsafeBufferPointer<UInt64>, into histograms: UnsafeMutableBufferPointer<Int>, digits: Int) {
        histograms.update(repeating: 0)
        for key in keys {
            for digit in 0..<digits {
                histograms[digit * buckets + Int(truncatingIfNeeded: (key &>> UInt64(digit * digitBits)) & digitMask)] += 1
            }
        }
    }

    /// One counting-sort pass on the digit at `shift`, whose counts are `histogram`.
    private static func scatter(
        _ keys: UnsafeBufferPointer<UInt64>, _ items: UnsafeBufferPointer<Int32>, shift: UInt64,
        histogram: UnsafeMutableBufferPointer<Int>, into outKeys: UnsafeMutableBufferPointer<UInt64>, _ outItems: UnsafeMutableBufferPointer<Int32>
    ) {
        var next = 0
        for bucket in histogram.indices {
            let size = histogram[bucket]
            histogram[bucket] = next
            next += size
        }
        for index in keys.indices {
            let digit = Int(truncatingIfNeeded: (keys[index] &>> shift) & digitMask)
            let target = histogram[digit]
            histogram[digit] = target + 1
            outKeys[target] = keys[index]
            outItems[target] = items[index]
        }
    }
}
