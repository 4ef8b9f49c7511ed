import Subpix
import SubpixLanguage

/// Reshaping tensors and masks without copying their elements, as torch and NumPy do.
/// Each is also a method: `x.reshape(1, 1, 8, 8)`, `x.unsqueeze(0)`, `x.squeeze()`.
enum ShapeBuiltins {
    static let all: [Builtin] = [reshape, unsqueeze, squeeze]

    static let reshape = Builtin(
        "reshape", [.init("input"), .init("shape")], category: .shape,
        summary: "the same elements in another shape with as many elements; one axis may be -1 (inferred)",
        details: "reshape(heat, (1, 1, 64, 48)), heat.reshape(1, 1, -1, 48). Elements keep their row-major order."
    ) { a, _ in
        let source = try shape(of: a)
        let requested = try a.intList("shape")
        let inferred = requested.filter { $0 == -1 }.count
        guard inferred <= 1, requested.allSatisfy({ $0 >= -1 }) else {
            throw a.error("shape", "non-negative sizes with at most one -1", got: formatShape(requested))
        }
        let known = Tensor<Float>.elementCount(requested.filter { $0 != -1 })
        let count = source.reduce(1, *)
        var target = requested
        if inferred == 1, let known, known > 0, count % known == 0 {
            target = requested.map { $0 == -1 ? count / known : $0 }
        }
        guard Tensor<Float>.elementCount(target) == count, !target.contains(-1) else {
            throw a.error("shape", "a shape of \(count) elements for a tensor of shape \(formatShape(source))", got: formatShape(requested))
        }
        return try reshaped(a, target)
    }

    static let unsqueeze = Builtin(
        "unsqueeze", [.init("input"), .init("dim")], category: .shape,
        summary: "input with a new axis of size 1 at position dim (negative counts from the end): (H, W) -> (1, H, W) at dim 0"
    ) { a, _ in
        let source = try shape(of: a)
        let dim = try a.int("dim")
        let rank = source.count
        guard (-(rank + 1)...rank).contains(dim) else {
            throw a.error("dim", "an axis in \(-(rank + 1))...\(rank) for a tensor of shape \(formatShape(source))")
        }
        var target = source
        target.insert(1, at: dim < 0 ? dim + rank + 1 : dim)
        return try reshaped(a, target)
    }

    static let squeeze = Builtin(
        "squeeze", [.init("input"), .init("dim", Value.none)], category: .shape,
        summary: "input without its axes of size 1, or without axis dim (an int or a tuple), which must have size 1",
        details: "squeeze(heat[0:1, 7:8]) of shape (1, 1, H, W) is (H, W); squeeze(x, 0) drops only the first axis."
    ) { a, _ in
        let source = try shape(of: a)
        let rank = source.count
        guard !a["dim"].isNone else { return try reshaped(a, source.filter { $0 != 1 }) }
        var dropped = Set<Int>()
        for dim in try a.intList("dim") {
            guard rank > 0, (-rank..<rank).contains(dim) else {
                throw a.error("dim", "an axis in \(-rank)...\(rank - 1) for a tensor of shape \(formatShape(source))")
            }
            let axis = dim < 0 ? dim + rank : dim
            guard source[axis] == 1 else {
                throw a.error("dim", "an axis of size 1", got: "axis \(axis) of size \(source[axis]) in \(formatShape(source))")
            }
            dropped.insert(axis)
        }
        return try reshaped(a, source.indices.filter { !dropped.contains($0) }.map { source[$0] })
    }

    /// The shape of the `input` tensor or mask.
    private static func shape(of a: Arguments) throws -> [Int] {
        switch a["input"] {
        case .tensor(let t): return t.shape
        case .mask(let m): return m.shape
        default: throw a.error("input", "a tensor or a mask")
        }
    }

    /// `input` seen with `shape` (same element count, checked by the caller).
    private static func reshaped(_ a: Arguments, _ shape: [Int]) throws -> Value {
        switch a["input"] {
        case .mask(let m): return .mask(try m.reshaped(shape))
        default: return .tensor(try a.tensor("input").reshaped(shape))
        }
    }
}
