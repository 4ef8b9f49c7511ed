/// Reductions over a run of elements that the soft-argmax ops share, computed
/// in eight independent lanes.
///
/// Strict floating point forbids the compiler to reorder a scalar sum, so a
/// plain loop adds one element at a time. Here lane `l` reduces the elements
/// `l, l + 8, l + 16, …` and the lanes are combined at the end: the same result
/// up to rounding (torch's vectorised reductions also sum in lanes), and a loop
/// the compiler turns into vector instructions.
enum MapReduction {
    static let lanes = 8

    /// The largest of `count` values, NaN when any is NaN (as torch's `max`).
    @inline(__always)
    static func maximum<S: SubpixScalar>(_ values: UnsafePointer<S>, count: Int) -> S {
        S.largestElement(values, count: count)
    }

    /// Whether any of `count` values is NaN.
    @inline(__always)
    static func containsNaN<S: SubpixScalar>(_ values: UnsafePointer<S>, count: Int) -> Bool {
        // `v · 0` is NaN for NaN and ±∞ only; on a NaN sum, look closer.
        lanePoison(values, count: count) { $0 * 0 }
            && (0..<count).contains { values[$0].isNaN }
    }

    /// Whether any of `count` values is NaN or larger in magnitude than half the
    /// largest finite value (so that a difference of two of them may overflow).
    @inline(__always)
    static func containsNaNOrHuge<S: SubpixScalar>(_ values: UnsafePointer<S>, count: Int) -> Bool {
        // Doubling is exact until it overflows, so `(v + v) · 0` is NaN exactly then.
        lanePoison(values, count: count) { ($0 + $0) * 0 }
    }

    /// Whether `Σ poison(v)` over the values, added in lanes, is NaN.
    @inline(__always)
    private static func lanePoison<S: SubpixScalar>(
        _ values: UnsafePointer<S>, count: Int, _ poison: (S) -> S
    ) -> Bool {
        withLanes(S.self) { sums, _ in
            sums.update(repeating: 0, count: lanes)
            let whole = count - count % lanes
            for start in stride(from: 0, to: whole, by: lanes) {
                for lane in 0..<lanes { sums[lane] += poison(values[start + lane]) }
            }
            for index in whole..<count { sums[0] += poison(values[index]) }
            var total = sums[0]
            for lane in 1..<lanes { total += sums[lane] }
            return total.isNaN
        }
    }

    /// `(Σ w[i], Σ w[i] · c[i])` over `count` weights `w` and coordinates `c`.
    @inline(__always)
    static func massAndMoment<S: SubpixScalar>(
        _ weights: UnsafePointer<S>, _ coordinates: UnsafePointer<S>, count: Int
    ) -> (mass: S, moment: S) {
        withLanes(S.self) { mass, moment in
            mass.update(repeating: 0, count: lanes)
            moment.update(repeating: 0, count: lanes)
            let whole = count - count % lanes
            for start in stride(from: 0, to: whole, by: lanes) {
                for lane in 0..<lanes {
                    let weight = weights[start + lane]
                    mass[lane] += weight
                    moment[lane] += weight * coordinates[start + lane]
                }
            }
            for index in whole..<count {
                mass[0] += weights[index]
                moment[0] += weights[index] * coordinates[index]
            }
            var result = (mass: mass[0], moment: moment[0])
            for lane in 1..<lanes {
                result.mass += mass[lane]
                result.moment += moment[lane]
            }
            return result
        }
    }

    /// `Σ v[i]` over `count` values, added in lanes.
    @inline(__always)
    static func sum<S: SubpixScalar>(_ values: UnsafePointer<S>, count: Int) -> S {
        withLanes(S.self) { sums, _ in
            sums.update(repeating: 0, count: lanes)
            let whole = count - count % lanes
            for start in stride(from: 0, to: whole, by: lanes) {
                for lane in 0..<lanes { sums[lane] += values[start + lane] }
            }
            for index in whole..<count { sums[0] += values[index] }
            var total = sums[0]
            for lane in 1..<lanes { total += sums[lane] }
            return total
        }
    }

    /// Runs `body` with two stack buffers of ``lanes`` elements each.
    @inline(__always)
    static func withLanes<S: SubpixScalar, R>(
        _: S.Type, _ body: (UnsafeMutablePointer<S>, UnsafeMutablePointer<S>) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(of: S.self, capacity: 2 * lanes) { storage in
            body(storage.baseAddress!, storage.baseAddress! + lanes)
        }
    }
}

// The maximum keeps a plain per-lane maximum and a per-lane sum of `value · 0`,
// which is NaN only when some value is NaN or infinite; only then are the
// values searched for a NaN.

extension SubpixScalar {
    /// The maximum in eight scalar lanes (the compiler does not vectorise a
    /// generic select reduction; `Float` overrides this with SIMD vectors).
    public static func largestElement(_ values: UnsafePointer<Self>, count: Int) -> Self {
        MapReduction.withLanes(Self.self) { best, poison in
            best.update(repeating: -.infinity, count: MapReduction.lanes)
            poison.update(repeating: 0, count: MapReduction.lanes)
            let lanes = MapReduction.lanes
            let whole = count - count % lanes
            for start in stride(from: 0, to: whole, by: lanes) {
                for lane in 0..<lanes {
                    let value = values[start + lane]
                    best[lane] = value > best[lane] ? value : best[lane]
                    poison[lane] += value * 0
                }
            }
            var (result, total) = (best[0], poison[0])
            for lane in 1..<lanes {
                result = best[lane] > result ? best[lane] : result
                total += poison[lane]
            }
            return finishMaximum(values, count: count, from: whole, best: result, poison: total)
        }
    }

    /// Folds the elements from `start` on into a lane result and resolves NaN.
    @inline(__always)
    static func finishMaximum(_ values: UnsafePointer<Self>, count: Int, from start: Int, best: Self, poison: Self) -> Self {
        var (best, poison) = (best, poison)
        for index in start..<count {
            best = values[index] > best ? values[index] : best
            poison += values[index] * 0
        }
        guard poison.isNaN else { return best }
        for index in 0..<count where values[index].isNaN { return values[index] }
        return best
    }
}

extension Float {
    /// The maximum in `SIMD8<Float>` vectors.
    public static func largestElement(_ values: UnsafePointer<Float>, count: Int) -> Float {
        let (best, poison) = laneMaximum(values, count: count)
        return finishMaximum(values, count: count, from: count, best: best, poison: poison)
    }

    /// The largest of `count` values (NaN aside) and the sum of `value · 0`, which is
    /// NaN only when some value is NaN or infinite, in `SIMD8<Float>` vectors.
    @inline(__always)
    static func laneMaximum(_ values: UnsafePointer<Float>, count: Int) -> (best: Float, poison: Float) {
        var (best, poison) = (SIMD8<Float>(repeating: -.infinity), SIMD8<Float>())
        let whole = count - count % 8
        for start in stride(from: 0, to: whole, by: 8) {
            let lane = UnsafeRawPointer(values + start).loadUnaligned(as: SIMD8<Float>.self)
            best = best.replacing(with: lane, where: lane .> best)
            poison += lane * 0
        }
        var (maximum, total) = (best.max(), poison.sum())
        for index in whole..<count {
            maximum = values[index] > maximum ? values[index] : maximum
            total += values[index] * 0
        }
        return (maximum, total)
    }
}
