import Subpix

/// NumPy's boolean indexing, `x[mask]`: the mask's shape is the tensor's, or its
/// leading axes; the result is the elements (or sub-arrays) where the mask is true,
/// along one new first axis.
///
///     x (2, 3) with x > 0 (2, 3)      -> (n,)      the positive elements
///     x (4, 5) with rows (4,)         -> (n, 5)    the rows the mask keeps
struct MaskIndex {
    /// The row-major positions of the selected elements, in order.
    let offsets: [Int]
    /// The shape of the selection.
    let shape: [Int]

    init(_ mask: Mask, of base: Value, at position: SourcePosition) throws {
        let source: [Int]
        switch base {
        case .tensor(let t): source = t.shape
        case .mask(let m): source = m.shape
        default: throw ScriptError("a mask indexes a tensor or a mask, not \(base.typeWithArticle)", at: position)
        }
        guard mask.rank <= source.count, Array(source.prefix(mask.rank)) == mask.shape else {
            throw ScriptError("a mask of shape \(formatShape(mask.shape)) cannot index a tensor of shape \(formatShape(source)); expected the tensor's shape or its leading axes", at: position)
        }
        let rest = Array(source.dropFirst(mask.rank))
        let inner = rest.reduce(1, *)
        var offsets: [Int] = []
        for (index, flag) in mask.elements.enumerated() where flag { offsets += (index * inner)..<((index + 1) * inner) }
        self.offsets = offsets
        shape = [inner == 0 ? 0 : offsets.count / inner] + rest
    }

    /// The selected elements of `base` (the tensor or mask this index was made for).
    func select(from base: Value) throws -> Value {
        switch base {
        case .tensor(.float32(let t)): .tensor(.float32(try Tensor(shape: shape, elements: offsets.map { t.elements[$0] })))
        case .tensor(.float64(let t)): .tensor(.float64(try Tensor(shape: shape, elements: offsets.map { t.elements[$0] })))
        case .mask(let m): .mask(try Tensor(shape: shape, elements: offsets.map { m.elements[$0] }))
        default: base
        }
    }
}
