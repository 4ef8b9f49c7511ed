/// How far a computed number may lie from the reference and still count as close,
/// for `assertClose(_:_:within:_:file:line:)`.
///
/// Every tolerance is a bound `absolute + relative · m` on `|got − want|`, where `m`
/// is the reference's magnitude: the element's own `|want|`, or that with a floor
/// of 1, or the largest `|want|` of the whole array with a floor of 1.
///
/// ```swift
/// assertClose(got, want, within: .isclose(atol: 2e-6, rtol: 1e-5))   // NumPy's isclose
/// assertClose(got, want, within: .relative(1e-4))                     // 1e-4 · max(1, |want|)
/// ```
public struct Tolerance: Sendable, CustomStringConvertible {
    /// The magnitude the relative part of a tolerance scales with.
    enum Magnitude: Sendable {
        /// `|want|` of the element compared.
        case element
        /// `max(1, |want|)` of the element compared.
        case elementAtLeastOne
        /// `max(1, max |want|)` over every element compared.
        case largestAtLeastOne
    }

    let absolute: Double
    let relative: Double
    let magnitude: Magnitude

    /// `|got − want| ≤ accuracy`, as `XCTAssertEqual(_:_:accuracy:)` checks one number.
    public static func absolute(_ accuracy: Double) -> Tolerance {
        Tolerance(absolute: accuracy, relative: 0, magnitude: .element)
    }

    /// `|got − want| ≤ atol + rtol · |want|`: NumPy's `isclose` and kornia's golden cases.
    public static func isclose(atol: Double, rtol: Double) -> Tolerance {
        Tolerance(absolute: atol, relative: rtol, magnitude: .element)
    }

    /// `|got − want| ≤ tolerance · max(1, |want|)`: relative for elements larger
    /// than 1, absolute for the rest.
    public static func relative(_ tolerance: Double) -> Tolerance {
        Tolerance(absolute: 0, relative: tolerance, magnitude: .elementAtLeastOne)
    }

    /// `|got − want| ≤ tolerance · max(1, max |want|)`: relative to the largest
    /// reference element, for results (gradients) whose small elements are
    /// differences of large ones.
    public static func relativeToLargest(_ tolerance: Double) -> Tolerance {
        Tolerance(absolute: 0, relative: tolerance, magnitude: .largestAtLeastOne)
    }

    /// The largest `|got − want|` allowed at an element whose reference is `want`,
    /// in `want`'s precision; `largest` is the largest `|want|` of the whole array.
    func bound<W: BinaryFloatingPoint>(_ want: W, largest: W) -> W {
        let scale: W
        switch magnitude {
        case .element: scale = abs(want)
        case .elementAtLeastOne: scale = max(1, abs(want))
        case .largestAtLeastOne: scale = max(1, largest)
        }
        return W(absolute) + W(relative) * scale
    }

    public var description: String {
        switch magnitude {
        case .element where relative == 0: return "\(absolute)"
        case .element: return "\(absolute) + \(relative)·|want|"
        case .elementAtLeastOne: return "\(relative)·max(1, |want|)"
        case .largestAtLeastOne: return "\(relative)·max(1, max |want|)"
        }
    }
}
