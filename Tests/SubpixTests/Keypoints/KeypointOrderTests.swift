import XCTest
@testable import Subpix

final class KeypointOrderTests: XCTestCase {
    /// The radix order equals a comparison sort by value descending, then by
    /// position, over values with ties, both zeros, negatives, subnormals,
    /// infinities and every decade; and each key gives its value back (+0 for −0).
    func testKeysSortAsAComparisonSortDoesInFloatAndDouble() {
        checkOrder(Float.self, specials: [0, -0.0, 1, -1, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
                                          .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity]) {
            Float(bitPattern: UInt32(truncatingIfNeeded: $0) % 0x7F80_0000)
        }
        checkOrder(Double.self, specials: [0, -0.0, 1, -1, 1e-300, -1e-300, 1e300, -1e300, .leastNonzeroMagnitude,
                                           Double(Float.greatestFiniteMagnitude), .infinity, -.infinity]) {
            Double(bitPattern: $0 % 0x7FF0_0000_0000_0000)
        }
    }

    private func checkOrder<S: SubpixScalar>(_: S.Type, specials: [S], anyFinite: (UInt64) -> S) {
        var random = SeededGenerator(seed: 11)
        for count in [0, 1, 2, 7, 500, 5000] {
            let values = (0..<count).map { index -> S in
                switch random.next() % 4 {
                case 0: return specials[Int(random.next() % UInt64(specials.count))]
                case 1: return S(Int(random.next() % 40) - 20)
                case 2: return S(Double(random.next() % 1_000_000) / 1_000_000 - 0.5)
                default: return anyFinite(random.next()) * (index % 2 == 0 ? 1 : -1)
                }
            }
            var keys = values.map(KeypointOrder.key)
            var items = (0..<count).map(Int32.init)
            KeypointOrder.sort(&keys, &items, bits: KeypointOrder.keyBits(S.self))
            let expected = values.enumerated().sorted { $0.element > $1.element || ($0.element == $1.element && $0.offset < $1.offset) }
            XCTAssertEqual(items.map(Int.init), expected.map(\.offset), "\(S.self) count \(count)")
            let decoded = keys.map { KeypointOrder.value($0, as: S.self) }
            XCTAssertEqual(decoded.map(\.bitPattern), expected.map { ($0.element == 0 ? 0 : $0.element).bitPattern }, "\(S.self) count \(count)")
        }
    }
}

private extension SubpixScalar {
    /// The bits, so that −0 and +0 compare unequal.
    var bitPattern: UInt64 { UInt64(exponentBitPattern) << Self.significandBitCount | UInt64(significandBitPattern) | (sign == .minus ? 1 << 63 : 0) }
}
