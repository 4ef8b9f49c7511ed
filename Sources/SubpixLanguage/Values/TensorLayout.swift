import Subpix

extension Tensor {
    /// The tensor with its axes reversed (NumPy's `x.T`; for a 2-D tensor, the transpose).
    func transposed() -> Tensor {
        guard rank > 1 else { return self }
        let reversed = Array(shape.reversed())
        let source = strides
        return Tensor(validShape: reversed) { out in
            var index = Array(repeating: 0, count: rank)
            for flat in out.indices {
                var offset = 0
                for axis in 0..<rank { offset += index[axis] * source[rank - 1 - axis] }
                out[flat] = elements[offset]
                var axis = rank - 1
                while axis >= 0 {
                    index[axis] += 1
                    if index[axis] < reversed[axis] { break }
                    index[axis] = 0
                    axis -= 1
                }
            }
        }
    }
}

extension AnyTensor {
    /// The tensor with its axes reversed (`x.T`).
    func transposed() -> AnyTensor {
        switch self {
        case .float32(let t): .float32(t.transposed())
        case .float64(let t): .float64(t.transposed())
        }
    }

    /// The elements as nested lists of floats, as NumPy's `tolist()` (a 0-d tensor gives its float).
    var nestedList: Value { nest(doubles.map(Value.float), shape: shape) }
}

extension Mask {
    /// The elements as nested lists of bools, as NumPy's `tolist()` of a bool array.
    var nestedList: Value { nest(elements.map(Value.bool), shape: shape) }
}

/// `values` (row-major) nested as lists along `shape`; a 0-d shape gives the one value.
private func nest(_ values: [Value], shape: [Int]) -> Value {
    func nest(_ axis: Int, _ offset: Int, _ stride: Int) -> Value {
        guard axis < shape.count else { return values[offset] }
        let inner = stride / Swift.max(shape[axis], 1)
        return .list((0..<shape[axis]).map { nest(axis + 1, offset + $0 * inner, inner) })
    }
    return nest(0, 0, values.count)
}
