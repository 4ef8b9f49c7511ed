import Subpix

/// NumPy's broadcasting: two shapes align at their last axes, and an axis of
/// size 1 (or a missing one) stretches to the other's size.
///
///     (1, 2, 4, 5) with (4, 5)  -> (1, 2, 4, 5)
///     (3, 1) with (1, 4)        -> (3, 4)
///     (2, 3) with (4, 3)        -> error
package enum Broadcasting {
    /// The shape `a` and `b` broadcast to, or nil when they do not.
    package static func shape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        let x = Array(repeating: 1, count: rank - a.count) + a
        let y = Array(repeating: 1, count: rank - b.count) + b
        var result: [Int] = []
        for (m, n) in zip(x, y) {
            guard m == n || m == 1 || n == 1 else { return nil }
            result.append(m == 1 ? n : m)
        }
        return result
    }

    /// For each element of a tensor of shape `result`, in row-major order, the row-major
    /// position of the element of a tensor of shape `source` broadcast to it.
    package static func positions(of source: [Int], in result: [Int]) -> [Int] {
        let count = result.reduce(1, *)
        if source == result { return Array(0..<count) }
        let padded = Array(repeating: 1, count: result.count - source.count) + source
        var strides = Array(repeating: 0, count: result.count)
        var step = 1
        for axis in padded.indices.reversed() {
            strides[axis] = padded[axis] == 1 ? 0 : step
            step *= padded[axis]
        }
        var positions = [Int](repeating: 0, count: count)
        var index = Array(repeating: 0, count: result.count)
        var offset = 0
        for flat in 0..<count {
            positions[flat] = offset
            var axis = result.count - 1
            while axis >= 0 {
                index[axis] += 1
                offset += strides[axis]
                if index[axis] < result[axis] { break }
                offset -= strides[axis] * index[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return positions
    }

    /// The message for shapes that do not broadcast.
    static func mismatch(_ verb: String, _ a: [Int], _ b: [Int]) -> String {
        "cannot \(verb) tensors of shapes \(formatShape(a)) and \(formatShape(b)); they do not broadcast (axes must match, be 1, or be missing, aligned from the last)"
    }

    /// `f` of the elements of `a` and `b` broadcast together: float32 when both are, else float64.
    static func combine(_ a: AnyTensor, _ b: AnyTensor, verb: String, at position: SourcePosition, _ f: (Double, Double) -> Double) throws -> AnyTensor {
        guard let shape = shape(a.shape, b.shape) else { throw ScriptError(mismatch(verb, a.shape, b.shape), at: position) }
        let left = positions(of: a.shape, in: shape), right = positions(of: b.shape, in: shape)
        if case .float32(let x) = a, case .float32(let y) = b {
            return .float32(Tensor(validShape: shape) { out in
                for i in out.indices { out[i] = Float(f(Double(x.elements[left[i]]), Double(y.elements[right[i]]))) }
            })
        }
        let x = a.doubles, y = b.doubles
        return .float64(Tensor(validShape: shape) { out in
            for i in out.indices { out[i] = f(x[left[i]], y[right[i]]) }
        })
    }

    /// A mask of `test` on the elements of `a` and `b` broadcast together.
    static func mask(_ a: [Double], _ aShape: [Int], _ b: [Double], _ bShape: [Int], verb: String, at position: SourcePosition,
                     _ test: (Double, Double) -> Bool) throws -> Mask {
        guard let shape = shape(aShape, bShape) else { throw ScriptError(mismatch(verb, aShape, bShape), at: position) }
        let left = positions(of: aShape, in: shape), right = positions(of: bShape, in: shape)
        return Mask(validShape: shape) { out in
            for i in out.indices { out[i] = test(a[left[i]], b[right[i]]) }
        }
    }
}
