/// `out[i] = exp(x[i] · scale − offset)` over a run of elements: the softmax
/// exponent of every op, called once per row or map so that each element type
/// gets a concrete loop the compiler can vectorise.
///
/// Callers pass `offset = max(x) · scale`, so every argument is at most 0.
/// For `Float` the loop uses a polynomial `exp` (Cody–Waite reduction to
/// `|r| ≤ ln 2 / 2`, degree-6 polynomial, relative error below 3·10⁻⁷, about
/// two float ulps; arguments below −87 give 0 and NaN stays NaN), about twice
/// as fast as the C library's `expf`. `Double` uses the system `exp`.
extension Float {
    public static func exponentials(
        _ x: UnsafePointer<Float>, count: Int, scale: Float, offset: Float, into out: UnsafeMutablePointer<Float>
    ) {
        for index in 0..<count { out[index] = nonPositiveExp(x[index] * scale - offset) }
    }

    @inline(__always)
    static func nonPositiveExp(_ x: Float) -> Float {
        let clamped: Float = x < -87 ? -87 : x
        let shifted = clamped * 1.442_695_04 + 12_582_912   // 1.5 · 2²³ puts round(x / ln 2) in the low bits
        let n = shifted - 12_582_912
        let exponent = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
        let r = clamped - n * 0.693_145_751_953_125 - n * 1.428_606_765_330_187e-6
        let polynomial: Float = 1 + r * (1 + r * (0.5 + r * (0.166_666_67 + r * (0.041_666_668 + r * (0.008_333_334 + r * 0.001_388_888_9)))))
        let power = Float(bitPattern: UInt32(truncatingIfNeeded: (exponent &+ 127) << 23))
        return x < -87 ? 0 : polynomial * power
    }
}

extension Double {
    public static func exponentials(
        _ x: UnsafePointer<Double>, count: Int, scale: Double, offset: Double, into out: UnsafeMutablePointer<Double>
    ) {
        for index in 0..<count { out[index] = Double.exp(x[index] * scale - offset) }
    }
}
