import RealModule

/// The element types the compute core works in: `Float` (float32, the default,
/// as in kornia) and `Double` (float64).
///
/// The protocol gathers what the ops need — `exp`, `log`, comparisons and
/// conversions — so that every op is written once and specialised for both.
public protocol SubpixScalar: Real, BinaryFloatingPoint, SIMDScalar, Codable, Sendable, CustomStringConvertible
where RawSignificand: FixedWidthInteger {
    /// The NumPy/torch name of this element type.
    static var dtype: DType { get }

    /// `out[i] = exp(x[i] · scale − offset)` for arguments at most 0; see `Exponentials.swift`.
    static func exponentials(_ x: UnsafePointer<Self>, count: Int, scale: Self, offset: Self, into out: UnsafeMutablePointer<Self>)

    /// The largest of `count` values, NaN when any is NaN (as torch's `max`); see `MapReduction.swift`.
    static func largestElement(_ values: UnsafePointer<Self>, count: Int) -> Self

    /// A map's ``MapStatistics`` (its median and MAD only when `spread`); see `MapStatistics.swift`.
    static func mapStatistics(_ values: UnsafeBufferPointer<Self>, spread: Bool) -> MapStatistics
}

extension Float: SubpixScalar {
    public static var dtype: DType { .float32 }
}

extension Double: SubpixScalar {
    public static var dtype: DType { .float64 }
}

/// The floating-point element types a tensor can hold, named as in NumPy and torch.
public enum DType: String, Sendable, CaseIterable, CustomStringConvertible {
    case float32
    case float64

    /// Size of one element in bytes.
    public var byteWidth: Int { self == .float32 ? 4 : 8 }

    public var description: String { rawValue }
}
