import Subpix
import SubpixLanguage

/// NumPy's reductions as builtins and methods (`sum(x, axis=1)`, `x.mean()`,
/// `x.max(dim=(2, 3), keepdim=True)`), and `where`. `sum`, `any`, `all`, `min` and
/// `max` of a list or other iterable are Python's instead.
enum ReductionBuiltins {
    static let all: [Builtin] = [sum, mean, std, argmax, argmin, any, every, minimum, maximum, `where`]

    /// The keywords every reduction takes: NumPy's and torch's spellings.
    private static let axisParameters: [Builtin.Parameter] = [
        .init("axis", Value.none), .init("dim", Value.none), .init("keepdims", .bool(false)), .init("keepdim", .bool(false)),
    ]

    private static let axisDetails = "axis= (or torch's dim=) an int or a tuple of ints reduces along those axes only (negative counts from the end); keepdims=True (or keepdim=True) keeps them as size 1. Over every element the result is a number."

    static let sum = Builtin(
        "sum", [.init("values")] + axisParameters + [.init("start", .int(0))], category: .reduction,
        summary: "the sum of a tensor's elements (or along axis=), or of an iterable's items plus start, as Python's sum(values, start)",
        details: axisDetails
    ) { a, _ in
        switch a["values"] {
        case .tensor, .mask: return try reduce(a, "values", .sum)!
        default: break
        }
        // Python's sum(values, start): the second positional argument is the start, not an axis.
        let start = a.isGiven("start") || !a.isGiven("axis") ? a["start"] : a["axis"]
        return try PythonBuiltins.elements(a, "values").reduce(start) { total, item in
            try Arithmetic.apply(.add, total, item, at: SourcePosition(line: 1, column: 1))
        }
    }

    static let mean = tensorReduction(.mean, "the mean of a tensor's elements, or along axis=")
    static let std = tensorReduction(.std, "the standard deviation of a tensor's elements, or along axis= (NumPy's ddof=0: divided by n)")
    static let argmax = tensorReduction(.argmax, "the row-major position of a tensor's largest element (the first on ties), or the indices along axis=")
    static let argmin = tensorReduction(.argmin, "the row-major position of a tensor's smallest element (the first on ties), or the indices along axis=")

    static let any = truthReduction(.any, "whether any item of an iterable is true, or any element of a tensor or mask is non-zero (along axis=: a mask)")
    static let every = truthReduction(.all, "whether every item of an iterable is true, or every element of a tensor or mask is non-zero (along axis=: a mask)")

    static let minimum = extremum(.min, "smallest")
    static let maximum = extremum(.max, "largest")

    static let `where` = Builtin(
        "where", [.init("condition"), .init("x"), .init("y")], category: .reduction,
        summary: "x where condition (a mask, or a tensor: non-zero) is true, else y; the three broadcast as in NumPy: where(heat > 0.5, heat, 0)"
    ) { a, _ in
        func operand(_ name: String) throws -> (values: [Double], shape: [Int], isFloat64: Bool) {
            switch a[name] {
            case .tensor(let t): return (t.doubles, t.shape, t.dtype == .float64)
            case .mask(let m): return (m.elements.map { $0 ? 1 : 0 }, m.shape, false)
            case let value:
                guard let number = value.number else { throw a.error(name, "a tensor, a mask or a number") }
                return ([number], [], false)
            }
        }
        let (condition, x, y) = (try operand("condition"), try operand("x"), try operand("y"))
        guard let pair = Broadcasting.shape(x.shape, y.shape), let shape = Broadcasting.shape(condition.shape, pair) else {
            throw ScriptError("where(): the shapes \(formatShape(condition.shape)), \(formatShape(x.shape)) and \(formatShape(y.shape)) do not broadcast together")
        }
        let (c, p, q) = (Broadcasting.positions(of: condition.shape, in: shape), Broadcasting.positions(of: x.shape, in: shape), Broadcasting.positions(of: y.shape, in: shape))
        let values = shape.isEmpty && c.isEmpty ? [] : (0..<c.count).map { condition.values[c[$0]] != 0 ? x.values[p[$0]] : y.values[q[$0]] }
        if x.isFloat64 || y.isFloat64 { return .tensor(.float64(try Tensor(shape: shape, elements: values))) }
        return .tensor(.float32(try Tensor(shape: shape, elements: values.map { Float($0) })))
    }

    /// The reduction `kind` of argument `name` when it is a tensor or a mask (nil for anything else).
    private static func reduce(_ a: Arguments, _ name: String, _ kind: Reductions.Kind) throws -> Value? {
        switch a[name] {
        case .tensor, .mask: break
        default:
            for keyword in ["axis", "dim"] where !a[keyword].isNone { throw a.error(name, "a tensor or a mask (\(keyword)= reduces tensors)") }
            return nil
        }
        if !a["axis"].isNone && !a["dim"].isNone { throw a.error("dim", "None when axis is given (they are the same; pick one)") }
        let axisName = a["axis"].isNone ? "dim" : "axis"
        let axes = a[axisName].isNone ? nil : try a.intList(axisName)
        let keepdims = try a.bool("keepdims") || a.bool("keepdim")
        do {
            return try Reductions.reduce(a[name], kind, axes: axes, keepdims: keepdims, at: nil)
        } catch let error as ScriptError {
            throw ScriptError(error.message)
        }
    }

    private static func tensorReduction(_ kind: Reductions.Kind, _ summary: String) -> Builtin {
        Builtin(kind.rawValue, [.init("input")] + axisParameters, category: .reduction, summary: summary, details: axisDetails) { a, _ in
            guard let reduced = try reduce(a, "input", kind) else { throw a.error("input", "a tensor or a mask") }
            return reduced
        }
    }

    private static func truthReduction(_ kind: Reductions.Kind, _ summary: String) -> Builtin {
        Builtin(kind.rawValue, [.init("values")] + axisParameters, category: .reduction, summary: summary, details: axisDetails) { a, _ in
            if let reduced = try reduce(a, "values", kind) { return reduced }
            let test = { (item: Value) in try Truth.of(item, at: nil) }
            let items = try PythonBuiltins.elements(a, "values")
            return .bool(kind == .any ? try items.contains(where: test) : try items.allSatisfy(test))
        }
    }

    /// `min`/`max`: of several values or of an iterable, as Python's; of a tensor, NumPy's reduction (NaN if any is NaN).
    private static func extremum(_ kind: Reductions.Kind, _ adjective: String) -> Builtin {
        let name = kind.rawValue
        return Builtin(
            name, axisParameters + [.init("key", Value.none), .init("default", Value.none)], category: .reduction,
            summary: "the \(adjective) of several values, of an iterable (default= when it is empty; key=f compares f(item)), or of a tensor's elements (along axis=)",
            details: "\(name)(3, 1, 2), \(name)([3, 1, 2]), \(name)(words, key=len), \(name)(heat), heat.\(name)(axis=1). The first of equal items wins, as in Python. Values keep their type (\(name)(3, 1.5) is the value as given); a tensor gives a float, NaN if any element is NaN. " + axisDetails,
            variadic: true
        ) { a, _ in
            if a.rest.count == 1, case .tensor = a.rest[0] {
                return try reduceData(a, kind)
            }
            if a.rest.count == 1, case .mask = a.rest[0] {
                return try reduceData(a, kind)
            }
            for keyword in ["axis", "dim"] where !a[keyword].isNone {
                throw ScriptError("\(name)(): \(keyword)= reduces a tensor; got \(a.rest.count == 1 ? a.rest[0].typeWithArticle : "\(a.rest.count) values")")
            }
            let candidates = a.rest.count == 1 ? try Iteration.array(of: a.rest[0], at: nil) : a.rest
            guard !candidates.isEmpty else {
                if a.rest.count == 1, !a["default"].isNone { return a["default"] }
                throw ScriptError("\(name)(): expected at least one value, got none")
            }
            let keys = try PythonBuiltins.keys(a, of: candidates) ?? candidates
            var best = 0
            for index in keys.indices.dropFirst() {
                let (smaller, larger) = kind == .min ? (keys[index], keys[best]) : (keys[best], keys[index])
                if try ValueComparison.less(smaller, larger, at: nil) { best = index }
            }
            return candidates[best]
        }
    }

    /// A variadic builtin's one datum (`max(x, axis=1)`) reduced.
    private static func reduceData(_ a: Arguments, _ kind: Reductions.Kind) throws -> Value {
        if !a["axis"].isNone && !a["dim"].isNone { throw a.error("dim", "None when axis is given (they are the same; pick one)") }
        let axisName = a["axis"].isNone ? "dim" : "axis"
        let axes = a[axisName].isNone ? nil : try a.intList(axisName)
        do {
            return try Reductions.reduce(a.rest[0], kind, axes: axes, keepdims: try a.bool("keepdims") || a.bool("keepdim"), at: nil)
        } catch let error as ScriptError {
            throw ScriptError(error.message)
        }
    }
}
