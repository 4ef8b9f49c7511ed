import Subpix

/// `+ - * /` and unary `-` on numbers, tensors and masks.
///
/// - Two numbers give an int when both are ints and the result fits (`/` always
///   gives a float, as in Python 3), else a float. Division by zero gives
///   `inf`/`nan`, as NumPy does, rather than an error.
/// - A number (or a 0-d tensor) broadcasts over a tensor: `heat * 2`, `1 - heat`.
/// - Two tensors of the same shape combine elementwise; the result is float64
///   when either side is, float32 otherwise.
/// - A mask counts as a float32 tensor of 0 and 1 (`values * mask`).
/// - `+` joins two strings.
enum Arithmetic {
    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value, at position: SourcePosition) throws -> Value {
        switch (promoted(left), promoted(right)) {
        case (.int(let a), .int(let b)) where op != .divide:
            let (result, overflow): (Int, Bool)
            switch op {
            case .add: (result, overflow) = a.addingReportingOverflow(b)
            case .subtract: (result, overflow) = a.subtractingReportingOverflow(b)
            default: (result, overflow) = a.multipliedReportingOverflow(by: b)
            }
            return overflow ? .float(combine(op, Double(a), Double(b))) : .int(result)
        case (.string(let a), .string(let b)) where op == .add:
            return .string(a + b)
        case (.tensor(let a), .tensor(let b)) where a.shape == b.shape:
            return .tensor(elementwise(a, b) { combine(op, $0, $1) })
        case (.tensor(let a), .tensor(let b)) where a.shape.isEmpty || b.shape.isEmpty:
            let (scalar, other) = a.shape.isEmpty ? (a, b) : (b, a)
            let s = scalar.doubles[0]
            return .tensor(widened(other, scalar).mapElements { a.shape.isEmpty ? combine(op, s, $0) : combine(op, $0, s) })
        case (.tensor(let a), .tensor(let b)):
            throw ScriptError(
                "cannot \(verb(op)) tensors of shapes \(formatShape(a.shape)) and \(formatShape(b.shape)); expected equal shapes or a scalar",
                at: position)
        case (.tensor(let a), let other) where isScalar(other):
            let b = other.number ?? .nan
            return .tensor(a.mapElements { combine(op, $0, b) })
        case (let other, .tensor(let b)) where isScalar(other):
            let a = other.number ?? .nan
            return .tensor(b.mapElements { combine(op, a, $0) })
        case (let a, let b) where isScalar(a) && isScalar(b):
            return .float(combine(op, a.number ?? .nan, b.number ?? .nan))
        default:
            throw ScriptError("unsupported operand types for \(op.rawValue): \(left.typeName) and \(right.typeName)", at: position)
        }
    }

    static func negate(_ value: Value, at position: SourcePosition) throws -> Value {
        switch promoted(value) {
        case .int(let a) where a != Int.min: return .int(-a)
        case .tensor(let t): return .tensor(t.mapElements { -$0 })
        case let other where isScalar(other): return .float(-(other.number ?? .nan))
        default: throw ScriptError("cannot negate \(value.typeWithArticle)", at: position)
        }
    }

    /// Masks become 0/1 float32 tensors; everything else is unchanged.
    private static func promoted(_ value: Value) -> Value {
        if case .mask(let mask) = value { return .tensor(.float32(mask.map { $0 ? 1 : 0 })) }
        return value
    }

    private static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .int, .float, .bool: true
        default: false
        }
    }

    private static func combine(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        }
    }

    /// `tensor` in float64 when `other` is float64 (dtype promotion), else unchanged.
    private static func widened(_ tensor: AnyTensor, _ other: AnyTensor) -> AnyTensor {
        other.dtype == .float64 ? .float64(tensor.tensor()) : tensor
    }

    private static func elementwise(_ a: AnyTensor, _ b: AnyTensor, _ f: (Double, Double) -> Double) -> AnyTensor {
        if case .float32(let x) = a, case .float32(let y) = b {
            return .float32(x.zipElements(y) { Float(f(Double($0), Double($1))) })
        }
        let x: Tensor<Double> = a.tensor(), y: Tensor<Double> = b.tensor()
        return .float64(x.zipElements(y, f))
    }

    private static func verb(_ op: BinaryOperator) -> String {
        switch op {
        case .add: "add"
        case .subtract: "subtract"
        case .multiply: "multiply"
        case .divide: "divide"
        }
    }
}

extension AnyTensor {
    /// The tensor with `f` applied to each element, keeping the dtype.
    func mapElements(_ f: (Double) -> Double) -> AnyTensor {
        switch self {
        case .float32(let t): .float32(t.map { Float(f(Double($0))) })
        case .float64(let t): .float64(t.map(f))
        }
    }
}

extension Tensor {
    /// Pairs the elements of two tensors of the same shape.
    func zipElements<T: Sendable>(_ other: Tensor, _ f: (Element, Element) -> T) -> Tensor<T> {
        Tensor<T>(validShape: shape) { out in
            for index in out.indices { out[index] = f(elements[index], other.elements[index]) }
        }
    }
}
