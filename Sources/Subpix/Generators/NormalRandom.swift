/// A seeded source of pseudo-random numbers (SplitMix64), the same sequence on
/// every platform and run for the same seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform sample in the open interval (0, 1), from the top 53 bits.
    public mutating func nextUnitInterval() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992
    }

    /// A standard-normal sample (Box–Muller; the pair's second value is discarded
    /// so that each call consumes exactly two draws).
    public mutating func nextStandardNormal() -> Double {
        let radius = (-2 * Double.log(nextUnitInterval())).squareRoot()
        return radius * Double.cos(2 * Double.pi * nextUnitInterval())
    }
}

/// A tensor of standard-normal noise, deterministic for a given `seed`.
///
/// ```swift
/// let noise: Tensor<Float> = try randn(shape: [1, 1, 64, 64], seed: 7)
/// ```
///
/// - Throws: ``SubpixError`` for a negative axis.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func randn<S: SubpixScalar>(shape: [Int], seed: UInt64 = 0, as: S.Type = S.self) throws -> Tensor<S> {
    guard Tensor<S>.elementCount(shape) != nil else {
        throw SubpixError("randn", "expected non-negative axis sizes, got \(formatShape(shape))")
    }
    var generator = SeededGenerator(seed: seed)
    return Tensor<S>(validShape: shape) { buffer in
        for index in buffer.indices { buffer[index] = S(generator.nextStandardNormal()) }
    }
}
