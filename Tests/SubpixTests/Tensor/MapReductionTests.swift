import XCTest
@testable import Subpix

/// The lane reductions against plain left-to-right loops, at every length from
/// 0 to 40 (whole vectors and tails) and with NaN and infinities at every place.
final class MapReductionTests: XCTestCase {
    func testMaximumMatchesALinearScanAtEveryLengthAndPosition() {
        check(Float.self)
        check(Double.self)
    }

    private func check<S: SubpixScalar>(_: S.Type) {
        var random = SeededGenerator(seed: 7)
        for count in 1...40 {
            let base = (0..<count).map { _ in S(Double.random(in: -3...3, using: &random)) }
            XCTAssertEqual(maximum(base), base.max(), "\(S.self) count \(count)")
            for position in 0..<count {
                var special = base
                special[position] = .nan
                XCTAssertTrue(maximum(special).isNaN, "\(S.self) NaN at \(position) of \(count)")
                special[position] = .infinity
                XCTAssertEqual(maximum(special), .infinity, "\(S.self) +inf at \(position) of \(count)")
                special[position] = -.infinity   // poisons the lane sum without a NaN
                XCTAssertEqual(maximum(special), special.max(), "\(S.self) -inf at \(position) of \(count)")
            }
        }
    }

    private func maximum<S: SubpixScalar>(_ values: [S]) -> S {
        values.withUnsafeBufferPointer { MapReduction.maximum($0.baseAddress!, count: $0.count) }
    }

    func testMassAndMomentMatchDoublePrecisionSums() {
        var random = SeededGenerator(seed: 11)
        for count in 1...40 {
            let weights = (0..<count).map { _ in Float.random(in: 0...2, using: &random) }
            let coordinates = (0..<count).map { Float($0) }
            let (mass, moment) = weights.withUnsafeBufferPointer { w in
                coordinates.withUnsafeBufferPointer { c in
                    MapReduction.massAndMoment(w.baseAddress!, c.baseAddress!, count: count)
                }
            }
            let exactMass = weights.reduce(0.0) { $0 + Double($1) }
            let exactMoment = zip(weights, coordinates).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            XCTAssertEqual(Double(mass), exactMass, accuracy: 1e-5 * exactMass, "count \(count)")
            XCTAssertEqual(Double(moment), exactMoment, accuracy: 1e-5 * max(1, exactMoment), "count \(count)")
        }
    }
}
