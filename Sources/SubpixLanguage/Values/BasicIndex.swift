import Subpix

/// One item between the brackets of `x[...]`, evaluated.
enum IndexItem: Sendable, Equatable {
    /// An integer: picks one position and drops the axis (negative counts from the end).
    case position(Int)
    /// `None`: a new axis of size 1.
    case newAxis
    /// `start:stop:step`, each part optional.
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `...`: as many full slices as the other items leave.
    case ellipsis
    /// A key: a member of an npz archive, a dict's key, a table's row or column.
    case key(Value)
    /// A mask: the elements (or sub-arrays along the leading axes) where it is true.
    case mask(Mask)

    /// How messages name the item.
    var spelling: String {
        switch self {
        case .position(let index): "\(index)"
        case .newAxis: "None"
        case .slice(let start, let stop, let step):
            [start, stop].map { $0.map(String.init) ?? "" }.joined(separator: ":") + (step.map { ":\($0)" } ?? "")
        case .ellipsis: "..."
        case .key(let key): key.repr
        case .mask(let mask): "a mask of shape \(formatShape(mask.shape))"
        }
    }
}

/// NumPy's basic indexing of an n-dimensional array, planned for one shape:
/// integers pick and drop an axis, slices keep a strided range of it (bounds
/// clamped, as Python's `slice.indices` does), `None` inserts an axis of size 1,
/// and `...` stands for the axes no other item names.
///
///     x[0:1, 7:8]      (1, 17, 64, 48) -> (1, 1, 64, 48)
///     x[0, 7]          (1, 17, 64, 48) -> (64, 48)
///     x[..., ::2, None] (2, 4, 6)      -> (2, 4, 3, 1)
struct BasicIndex {
    /// The positions each source axis keeps, in order (one for an integer index).
    private(set) var positions: [[Int]] = []
    /// The shape of the result.
    private(set) var shape: [Int] = []

    init(_ items: [IndexItem], shape source: [Int], at position: SourcePosition) throws {
        let ellipses = items.filter { $0 == .ellipsis }.count
        guard ellipses <= 1 else { throw ScriptError("an index can only have a single ellipsis ('...')", at: position) }
        let named = items.filter { if case .position = $0 { true } else if case .slice = $0 { true } else { false } }.count
        guard named <= source.count else {
            throw ScriptError("too many indices (\(named)) for a tensor of shape \(formatShape(source)) with \(source.count) axes", at: position)
        }
        // `...` (or the end of the index, without one) stands for the axes no other item names.
        let rest = Array(repeating: IndexItem.slice(start: nil, stop: nil, step: nil), count: source.count - named)
        let expanded = ellipses == 1 ? items.flatMap { $0 == .ellipsis ? rest : [$0] } : items + rest
        var axis = 0
        for item in expanded {
            switch item {
            case .newAxis:
                shape.append(1)
            case .position(let index):
                let size = source[axis]
                guard (-size..<size).contains(index) else {
                    let valid = size == 0 ? "it is empty" : "expected -\(size)...\(size - 1)"
                    throw ScriptError("index \(index) is out of range for axis \(axis) of size \(size); \(valid)", at: position)
                }
                positions.append([index < 0 ? index + size : index])
                axis += 1
            case .slice(let start, let stop, let step):
                let kept = try Self.slice(start: start, stop: stop, step: step, size: source[axis], axis: "axis \(axis)", at: position)
                positions.append(kept)
                shape.append(kept.count)
                axis += 1
            case .ellipsis, .key, .mask:
                throw ScriptError("expected integers, slices, None or ... as tensor indices, got \(item.spelling)", at: position)
            }
        }
    }

    /// The positions `start:stop:step` takes from a sequence of `size` items, as Python does.
    static func slice(start: Int?, stop: Int?, step: Int?, size: Int, axis: String, at position: SourcePosition) throws -> [Int] {
        let step = step ?? 1
        guard step != 0 else { throw ScriptError("slice step cannot be zero (\(axis))", at: position) }
        let (lower, upper) = step > 0 ? (0, size) : (-1, size - 1)
        func clamp(_ bound: Int) -> Int { bound < 0 ? Swift.max(bound + size, lower) : Swift.min(bound, upper) }
        let first = start.map(clamp) ?? (step > 0 ? lower : upper)
        let end = stop.map(clamp) ?? (step > 0 ? upper : lower)
        return Array(stride(from: first, to: end, by: step))
    }

    /// The row-major positions, in a tensor of `source` shape, of the selected elements, in the result's order.
    func offsets(in source: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: source.count)
        for axis in source.indices.dropLast().reversed() { strides[axis] = strides[axis + 1] * source[axis + 1] }
        var result: [Int] = []
        result.reserveCapacity(shape.reduce(1, *))
        func gather(axis: Int, offset: Int) {
            guard axis < positions.count else { return result.append(offset) }
            for index in positions[axis] { gather(axis: axis + 1, offset: offset + index * strides[axis]) }
        }
        gather(axis: 0, offset: 0)
        return result
    }

    /// The selected elements of `tensor` (whose shape this index was planned for).
    func apply<E>(_ tensor: Tensor<E>, at position: SourcePosition) throws -> Tensor<E> {
        let strides = tensor.strides
        var elements: [E] = []
        elements.reserveCapacity(shape.reduce(1, *))
        tensor.withUnsafeBufferPointer { source in
            func gather(axis: Int, offset: Int) {
                guard axis < positions.count else { return elements.append(source[offset]) }
                for index in positions[axis] { gather(axis: axis + 1, offset: offset + index * strides[axis]) }
            }
            gather(axis: 0, offset: 0)
        }
        do {
            return try Tensor(shape: shape, elements: elements)
        } catch {
            throw ScriptError("\(error)", at: position)
        }
    }
}
