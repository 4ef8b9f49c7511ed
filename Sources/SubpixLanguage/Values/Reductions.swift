import Foundation
import Subpix

/// NumPy's reductions of a tensor or mask, over every element or along axes:
/// `sum mean max min std argmax argmin any all`.
///
/// - Over every element (no axis): a number — a float (`sum`, `mean`, `max`, `min`,
///   `std`), an int (`argmax`, `argmin`: the row-major position), a bool (`any`, `all`).
/// - Along axes (an int or a tuple, negative from the end): a tensor of the same dtype
///   (`argmax`/`argmin` hold the indices as floats; `any`/`all` give a mask), with the
///   reduced axes kept as size 1 when `keepdims`.
/// - `std` is the population deviation (NumPy's `ddof=0`; torch's default divides by n - 1).
/// - `max`, `min` and `mean` of nothing are errors, as NumPy's; NaN propagates through `max` and `min`.
package enum Reductions {
    package enum Kind: String, CaseIterable, Sendable {
        case sum, mean, max, min, std, argmax, argmin, any, all
    }

    package static func reduce(_ value: Value, _ kind: Kind, axes requested: [Int]?, keepdims: Bool, at position: SourcePosition?) throws -> Value {
        let (values, shape): ([Double], [Int])
        var isFloat64 = false
        switch value {
        case .tensor(let t): (values, shape, isFloat64) = (t.doubles, t.shape, t.dtype == .float64)
        case .mask(let m): (values, shape) = (m.elements.map { $0 ? 1 : 0 }, m.shape)
        default: throw ScriptError("\(kind.rawValue)(): expected a tensor or a mask, got \(value.typeWithArticle)", at: position)
        }
        let axes = try requested.map { try $0.map { try normalized($0, rank: shape.count, kind, at: position) } }
        if (kind == .argmax || kind == .argmin), let axes, axes.count > 1 {
            throw ScriptError("\(kind.rawValue)(): expected one axis, got \(axes.count)", at: position)
        }
        let reduced = Set(axes ?? Array(shape.indices))
        let outShape = shape.indices.compactMap { reduced.contains($0) ? (keepdims ? 1 : nil) : shape[$0] }
        // The group (output element) of each input element.
        var groupStrides = Array(repeating: 0, count: shape.count)
        var step = 1
        for axis in shape.indices.reversed() where !reduced.contains(axis) {
            groupStrides[axis] = step
            step *= shape[axis]
        }
        let groupCount = step
        let inner = reduced.map { shape[$0] }.reduce(1, *)
        if inner == 0, [.max, .min, .argmax, .argmin, .mean, .std].contains(kind) {
            throw ScriptError("\(kind.rawValue)(): the reduction is over zero elements (shape \(formatShape(shape)))", at: position)
        }
        var groups = Array(repeating: [Double](), count: groupCount)
        for index in groups.indices { groups[index].reserveCapacity(inner) }
        var coordinate = Array(repeating: 0, count: shape.count)
        for element in values {
            var group = 0
            for axis in shape.indices { group += coordinate[axis] * groupStrides[axis] }
            groups[group].append(element)
            var axis = shape.count - 1
            while axis >= 0 {
                coordinate[axis] += 1
                if coordinate[axis] < shape[axis] { break }
                coordinate[axis] = 0
                axis -= 1
            }
        }
        let results = groups.map { apply(kind, $0) }
        guard !outShape.isEmpty || keepdims else {
            switch kind {
            case .argmax, .argmin: return .int(Int(results[0]))
            case .any, .all: return .bool(results[0] != 0)
            default: return .float(results[0])
            }
        }
        if kind == .any || kind == .all { return .mask(try Tensor(shape: outShape, elements: results.map { $0 != 0 })) }
        return .tensor(isFloat64 ? .float64(try Tensor(shape: outShape, elements: results))
                                 : .float32(try Tensor(shape: outShape, elements: results.map { Float($0) })))
    }

    private static func normalized(_ axis: Int, rank: Int, _ kind: Kind, at position: SourcePosition?) throws -> Int {
        guard (-rank..<rank).contains(axis) else {
            throw ScriptError("\(kind.rawValue)(): axis \(axis) is out of range for a tensor of \(rank) axes", at: position)
        }
        return axis < 0 ? axis + rank : axis
    }

    private static func apply(_ kind: Kind, _ values: [Double]) -> Double {
        switch kind {
        case .sum: return values.reduce(0, +)
        case .mean: return values.reduce(0, +) / Double(values.count)
        case .max: return values.contains(where: \.isNaN) ? .nan : values.max()!
        case .min: return values.contains(where: \.isNaN) ? .nan : values.min()!
        case .std:
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        case .argmax: return Double(values.firstIndex { $0.isNaN } ?? values.indices.max { values[$0] < values[$1] || (values[$0] == values[$1] && $0 > $1) }!)
        case .argmin: return Double(values.firstIndex { $0.isNaN } ?? values.indices.min { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }!)
        case .any: return values.contains { $0 != 0 } ? 1 : 0
        case .all: return values.allSatisfy { $0 != 0 } ? 1 : 0
        }
    }
}
