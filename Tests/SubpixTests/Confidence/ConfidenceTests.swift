import XCTest
@testable import Subpix

/// The confidence rule's statistics, against numbers worked out by hand next to each case.
final class ConfidenceTests: XCTestCase {
    func statistics(_ values: [Float]) -> MapStatistics {
        values.withUnsafeBufferPointer { MapStatistics($0) }
    }

    /// [1, 2, 3, 4, 100]: median 3; |x − 3| = 2, 1, 0, 1, 97 → MAD 1;
    /// prominence (100 − 3) / 1.482602 = 65.426.
    func testOddCountMedianMADAndProminence() {
        let stats = statistics([4, 100, 1, 3, 2])
        XCTAssertEqual(stats.median, 3)
        XCTAssertEqual(stats.mad, 1)
        XCTAssertEqual(stats.maximum, 100)
        XCTAssertEqual(stats.height, 97)
        XCTAssertEqual(stats.prominence, 97 / 1.482602218505602, accuracy: 1e-9)
    }

    /// [0, 1, 2, 10]: median (1 + 2) / 2 = 1.5; |x − 1.5| = 1.5, 0.5, 0.5, 8.5 → MAD (0.5 + 1.5) / 2 = 1.
    func testEvenCountTakesTheMeanOfTheMiddlePair() {
        let stats = statistics([10, 2, 0, 1])
        XCTAssertEqual(stats.median, 1.5)
        XCTAssertEqual(stats.mad, 1)
        XCTAssertEqual(stats.prominence, 8.5 / 1.482602218505602, accuracy: 1e-9)
    }

    /// NaN and ±inf are left out: [NaN, 5, inf, 1, 3, −inf] is [5, 1, 3]: median 3, MAD 2 (|2|, |−2|, 0).
    func testNonFiniteValuesAreLeftOut() {
        let stats = statistics([.nan, 5, .infinity, 1, 3, -.infinity])
        XCTAssertEqual(stats.finiteCount, 3)
        XCTAssertEqual([stats.maximum, stats.median, stats.mad], [5, 3, 2])
    }

    /// Without the spread, one pass: the maximum and finite count as with it, median and MAD 0,
    /// and the rule that checks neither prominence nor share does not ask for it.
    func testStatisticsWithoutTheSpreadKeepTheMaximum() throws {
        let values: [Float] = [0.5, .nan, 3, -1, 2]
        let full = statistics(values)
        let bare = values.withUnsafeBufferPointer { MapStatistics($0, spread: false) }
        XCTAssertEqual([bare.maximum, bare.median, bare.mad], [3, 0, 0])
        XCTAssertEqual(bare.finiteCount, full.finiteCount)
        XCTAssertEqual(full.median, 1.25)
        XCTAssertFalse(ConfidenceRule(minimumProminence: nil, minimumShare: nil).readsSpread)
        XCTAssertTrue(ConfidenceRule(minimumProminence: nil, minimumShare: 0.05).readsSpread)
    }

    /// A constant map has height 0 and prominence 0; a spike on an exactly
    /// constant background (MAD 0) is infinitely prominent.
    func testConstantAndNoiselessMaps() {
        XCTAssertEqual(statistics(Array(repeating: 0.3, count: 9)).prominence, 0)
        var spike = [Float](repeating: 0.1, count: 9)
        spike[4] = 1
        XCTAssertEqual(statistics(spike).prominence, .infinity)
        XCTAssertEqual(statistics([Float.nan]).height, 0)
    }

    /// Selection equals a sort at every rank, on runs with ties, sorted and reversed input,
    /// and the median of an even count is the mean of the middle two, as NumPy takes it.
    func testSelectionAgreesWithSortingAtEveryRank() {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<257).map { _ in Double.random(in: -1...1, using: &generator) }
        let zeros = (0..<100).map { $0 % 5 == 0 ? Double($0) : 0 }
        let inputs: [[Double]] = [[3, 1, 2, 2, 5, 1, 0, 9], Array(stride(from: 0.0, to: 20, by: 1)), Array(stride(from: 20.0, to: 0, by: -1)),
                                  [7, 7, 7, 7], [4], noise, zeros, [1e-300, -1e300, 5, -5, 0, 2.5e-8, 1e300, -2.5e-8, 5]]
        for input in inputs {
            let sorted = input.sorted()
            let work = UnsafeMutablePointer<Double>.allocate(capacity: 2 * input.count)
            defer { work.deallocate() }
            input.withUnsafeBufferPointer { values in
                for rank in input.indices {
                    let selected = RobustMedian.orderStatistic(values.baseAddress!, count: input.count, rank: rank, work: work)
                    XCTAssertEqual(selected.value, sorted[rank], "rank \(rank) of \(input)")
                    XCTAssertEqual(selected.before, rank > 0 ? sorted[rank - 1] : -.infinity, "before rank \(rank) of \(input)")
                }
                let n = input.count
                let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
                XCTAssertEqual(RobustMedian.median(of: values.baseAddress!, count: n, work: work), median, "median of \(input)")
            }
        }
    }

    /// A map's median and MAD equal a sort's, in double, bit for bit, as float32 and as
    /// float64, on every kernel path the CPU runs (the C selections of AVX-512 and of
    /// AVX2, over floats and over doubles, and the baseline's Swift selection): on noise of every size from 1 to 40 and of a
    /// pose map's 3072, small integers (long ties), zeros of both signs, extremes
    /// whose deviations overflow float32, subnormals, and values whose deviations
    /// round to the same float but differ in double.
    func testAMapsMedianAndMADEqualASortInDouble() {
        let path = KernelPath.current
        defer { KernelPath.current = path }
        var generator = SeededGenerator(seed: 7)
        func noise(_ count: Int, scale: Double) -> [Float] {
            (0..<count).map { _ in Float((generator.nextUnitInterval() * 2 - 1) * scale) }
        }
        var inputs: [[Float]] = (1...40).map { noise($0, scale: 1) }
        inputs += [
            noise(3072, scale: 0.01), noise(3073, scale: 1e-3),
            (0..<500).map { _ in Float(Int(generator.nextUnitInterval() * 4)) },
            [0, -0, 0, -0, 1, -0, 0], [-0, -0, 0, 0], [3e38, -3e38, 1, -1, 0], [-3e38, 3e38],
            [.leastNonzeroMagnitude, -.leastNonzeroMagnitude, 2 * .leastNonzeroMagnitude, 0, 2e-38], [1, 1 + 1.1920929e-7, 1 + 2.3841858e-7, 5e7, 5e7 + 4, 5e7 + 8],
        ]
        for input in inputs {
            let values = input.map(Double.init)
            func middle(_ sorted: [Double]) -> Double {
                let n = sorted.count
                return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
            }
            let median = middle(values.sorted())
            let mad = middle(values.map { abs($0 - median) }.sorted())
            for kernels in KernelPath.allCases {
                KernelPath.current = kernels
                // The float32 map (its median selected among floats) and the same values as float64.
                for stats in [statistics(input), values.withUnsafeBufferPointer { MapStatistics($0) }] {
                    XCTAssertEqual(stats.median, median, "median of \(input.prefix(8)) (\(input.count)), \(kernels)")
                    XCTAssertEqual(stats.mad, mad, "MAD of \(input.prefix(8)) (\(input.count)), \(kernels)")
                }
            }
        }
    }

    /// A map over the sample limit: the median and MAD come from every
    /// (count / limit)-th pixel, the maximum from all of them. 131 072 pixels
    /// 0, 1, 0, 1, … with one 9 at an odd index: step 2 samples only the zeros
    /// (median 0, MAD 0) while the maximum is 9.
    func testLargeMapsSampleEvenlyButKeepTheTrueMaximum() {
        var values = (0..<(2 * MapStatistics.sampleLimit)).map { Float($0 % 2) }
        values[12_345] = 9
        let stats = statistics(values)
        XCTAssertEqual([stats.median, stats.mad, stats.maximum], [0, 0, 9])
        XCTAssertEqual(stats.finiteCount, values.count)
    }

    /// Hand-made verdicts: prominence 97/1.4826 = 65.4 passes 8; [0, 1, 0, 1, 2]
    /// (median 1, MAD 1, prominence 1/1.4826 = 0.67) is in noise; a clean map of
    /// height 0.001 in a tensor whose tallest height is 1 is 0.1 % of it, below 5 %.
    func testVerdicts() {
        let rule = ConfidenceRule()
        XCTAssertTrue(rule.verdict(statistics([4, 100, 1, 3, 2]), tallestHeight: 97).isConfident)
        let noise = rule.verdict(statistics([0, 1, 0, 1, 2]), tallestHeight: 97)
        XCTAssertEqual(noise, .inNoise(prominence: 1 / 1.482602218505602, needed: 8))
        XCTAssertEqual(noise.description, "no confident peak: 0.674 σ over the median (needs 8)")
        var faint = [Float](repeating: 0, count: 9)
        faint[4] = 0.001
        XCTAssertEqual(rule.verdict(statistics(faint), tallestHeight: 1), .faint(share: Double(Float(0.001)), needed: 0.05))
        XCTAssertTrue(ConfidenceRule(minimumProminence: nil, minimumShare: nil).verdict(statistics([0, 1, 0, 1, 2]), tallestHeight: 97).isConfident)
        XCTAssertEqual(rule.verdict(statistics([.nan]), tallestHeight: 1), .empty)
    }

    /// Per map of a (2, 3, 1, 3) tensor, batch-major: [0, 0, 2] median 0 height 2;
    /// [1, 1, 1] 0; [2, 2, 7] 5; [0, 1, 1] median 1 height 0; [0, 0, 1] 1;
    /// [0, 0.5, 0.5] 0. The tallest is 5 and the largest value 7.
    func testTensorStatisticsIndexMapsBatchMajor() throws {
        let tensor = try Tensor<Float>(shape: [2, 3, 1, 3], elements: [
            0, 0, 2, 1, 1, 1, 2, 2, 7,
            0, 1, 1, 0, 0, 1, 0, 0.5, 0.5,
        ])
        let stats = TensorStatistics(AnyTensor.float32(tensor))
        XCTAssertEqual(stats.maps.map(\.height), [2, 0, 5, 0, 1, 0])
        XCTAssertEqual(stats[1, 2].maximum, 0.5)
        XCTAssertEqual(stats.tallestHeight, 5)
        XCTAssertEqual(stats.maximum, 7)
        // Map (1, 2) [0, 0.5, 0.5]: median 0.5, height 0, so prominence 0.
        XCTAssertEqual(stats.verdict(batch: 1, channel: 2, rule: ConfidenceRule()), .inNoise(prominence: 0, needed: 8))
    }
}

extension ConfidenceTests {
    /// [4, 100, 1, 3, 2]: median 3, MAD 1, so the floor at 8 σ is 3 + 8 × 1.482602 = 14.861; none without a prominence bound.
    func testNoiseFloor() {
        let stats = statistics([4, 100, 1, 3, 2])
        XCTAssertEqual(ConfidenceRule().noiseFloor(stats) ?? 0, 3 + 8 * 1.482602218505602, accuracy: 1e-12)
        XCTAssertNil(ConfidenceRule(minimumProminence: nil).noiseFloor(stats))
    }
}
