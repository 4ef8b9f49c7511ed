import Subpix

/// `+ - * /` on numbers and tensors: scalars broadcast over tensors, tensors of
/// the same shape combine elementwise (float64 when either side is).
enum Arithmetic {
    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value, at position: SourcePosition) throws -> Value {
        switch (left, right) {
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
        case (.tensor(let a), .tensor(let b)):
            guard a.shape == b.shape else {
                throw ScriptError(
                    "cannot \(verb(op)) tensors of shapes \(formatShape(a.shape)) and \(formatShape(b.shape)); expected equal shapes or a scalar",
                    at: position)
            }
            return .tensor(elementwise(a, b) { combine(op, $0, $1) })
        case (.tensor(let a), _):
            guard let b = right.number else { throw mismatch(op, left, right, position) }
            return .tensor(a.mapElements { combine(op, $0, b) })
        case (_, .tensor(let b)):
            guard let a = left.number else { throw mismatch(op, left, right, position) }
            return .tensor(b.mapElements { combine(op, a, $0) })
        default:
            guard let a = left.number, let b = right.number else { throw mismatch(op, left, right, position) }
            return .float(combine(op, a, b))
        }
    }

    static func negate(_ value: Value, at position: SourcePosition) throws -> Value {
        switch value {
        case .int(let a) where a != Int.min: return .int(-a)
        case .tensor(let t): return .tensor(t.mapElements { -$0 })
        default:
            guard let a = value.number else { throw ScriptError("cannot negate a \(value.typeName)", at: position) }
            return .float(-a)
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

    private static func mismatch(_ op: BinaryOperator, _ a: Value, _ b: Value, _ position: SourcePosition) -> ScriptError {
        ScriptError("unsupported operand types for \(op.rawValue): \(a.typeName) and \(b.typeName)", at: position)
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
