/// A float tensor whose element type is chosen at run time: what file readers
/// return and what the script and the viewer pass around.
///
/// ```swift
/// let any = AnyTensor(try Tensor<Float>(shape: [2], elements: [1, 2]))
/// any.dtype   // .float32
/// ```
public enum AnyTensor: Sendable, Equatable, CustomStringConvertible {
    case float32(Tensor<Float>)
    case float64(Tensor<Double>)

    public init<S: SubpixScalar>(_ tensor: Tensor<S>) {
        if let float = tensor as? Tensor<Float> {
            self = .float32(float)
        } else if let double = tensor as? Tensor<Double> {
            self = .float64(double)   // the same storage, not a copy
        } else {
            self = .float64(tensor.map { Double($0) })
        }
    }

    public var shape: [Int] {
        switch self {
        case .float32(let t): t.shape
        case .float64(let t): t.shape
        }
    }

    public var dtype: DType {
        switch self {
        case .float32: .float32
        case .float64: .float64
        }
    }

    public var count: Int { shape.reduce(1, *) }

    /// The elements widened to `Double`, in row-major order.
    public var doubles: [Double] { doubles(0..<count) }

    /// The elements in `range` (row-major positions), widened to `Double`.
    public func doubles(_ range: Range<Int>) -> [Double] {
        switch self {
        case .float32(let t):
            // A pointer loop over the concrete conversion: it vectorises.
            t.elements.withUnsafeBufferPointer { source in
                Array(unsafeUninitializedCapacity: range.count) { target, initialized in
                    for index in 0..<range.count { target[index] = Double(source[range.lowerBound + index]) }
                    initialized = range.count
                }
            }
        case .float64(let t): Array(t.elements[range])
        }
    }

    /// The tensor in element type `S` (converting when the dtype differs).
    public func tensor<S: SubpixScalar>(as type: S.Type = S.self) -> Tensor<S> {
        switch self {
        case .float32(let t): (t as? Tensor<S>) ?? t.map { S($0) }
        case .float64(let t): (t as? Tensor<S>) ?? t.map { S($0) }
        }
    }

    /// Runs the body for the tensor's dtype: pass one generic function twice.
    ///
    /// ```swift
    /// func peak<S: SubpixScalar>(_ x: Tensor<S>) -> Double { Double(x.elements.max() ?? 0) }
    /// let value = any.visit(peak, peak)
    /// ```
    public func visit<R>(_ float32: (Tensor<Float>) throws -> R, _ float64: (Tensor<Double>) throws -> R) rethrows -> R {
        switch self {
        case .float32(let t): try float32(t)
        case .float64(let t): try float64(t)
        }
    }

    /// The same elements seen with another shape.
    public func reshaped(_ shape: [Int]) throws -> AnyTensor {
        switch self {
        case .float32(let t): .float32(try t.reshaped(shape))
        case .float64(let t): .float64(try t.reshaped(shape))
        }
    }

    public var description: String {
        switch self {
        case .float32(let t): t.description
        case .float64(let t): t.description
        }
    }
}
