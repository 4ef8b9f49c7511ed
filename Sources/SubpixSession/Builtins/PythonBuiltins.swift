import Subpix
import SubpixLanguage

/// The builtins a Python user reaches for first, with Python's meanings:
/// `range enumerate zip sorted reversed map filter isinstance list tuple dict`.
/// (`min`, `max`, `len`, `round`, `abs` are in ``ConversionBuiltins``; `sum`, `any`
/// and `all` of a tensor reduce it as NumPy does, see ``ReductionBuiltins``.)
enum PythonBuiltins {
    static let all: [Builtin] = [range, enumerate, zip, sorted, reversed, map, filter, isinstance, list, tuple, dict]

    static let range = Builtin(
        "range", [.init("start"), .init("stop", Value.none), .init("step", .int(1))], category: .python,
        summary: "the integers from start (0 when only stop is given) up to, not including, stop, by step: for i in range(3)",
        details: "range(5) is 0, 1, 2, 3, 4; range(2, 8, 3) is 2, 5; range(5, 0, -1) counts down. The integers are made as a loop asks for them."
    ) { a, _ in
        let (first, step) = (try a.int("start"), try a.int("step"))
        guard step != 0 else { throw a.error("step", "a non-zero integer") }
        guard let stop = try a.optionalInt("stop") else { return .range(ScriptRange(start: 0, stop: first, step: step)) }
        return .range(ScriptRange(start: first, stop: stop, step: step))
    }

    static let enumerate = Builtin(
        "enumerate", [.init("iterable"), .init("start", .int(0))], category: .python,
        summary: "(index, item) pairs of an iterable, counting from start: for i, c in enumerate(channels)"
    ) { a, _ in
        let start = try a.int("start")
        return .list(try elements(a, "iterable").enumerated().map { .tuple([.int(start + $0), $1]) })
    }

    static let zip = Builtin(
        "zip", [], category: .python, summary: "tuples of the i-th items of each iterable, as long as the shortest: for x, y in zip(xs, ys)",
        variadic: true, variadicName: "iterables"
    ) { a, _ in
        let lists = try a.rest.map { try Iteration.array(of: $0, at: nil) }
        let count = lists.map(\.count).min() ?? 0
        return .list((0..<count).map { index in .tuple(lists.map { $0[index] }) })
    }

    static let sorted = Builtin(
        "sorted", [.init("iterable"), .init("key", Value.none), .init("reverse", .bool(false))], category: .python,
        summary: "the items of an iterable in ascending order (numbers, strings, or tuples of them); key=f orders by f(item); reverse=True for descending",
        details: "Stable, as Python's sorted, also with reverse=True: equal items keep their order. sorted(kp, key=lambda p: p.value, reverse=True)."
    ) { a, _ in
        let items = try elements(a, "iterable")
        return .list(try ValueComparison.sorted(items, by: keys(a, of: items), descending: a.bool("reverse"), at: nil))
    }

    static let map = Builtin(
        "map", [.init("function")], category: .python,
        summary: "function applied to each item (of several iterables together, as long as the shortest): map(str, xs), map(lambda a, b: a * b, xs, ys)",
        details: "A list, where Python gives an iterator: list(map(...)) is the same list.", variadic: true, variadicName: "iterables"
    ) { a, _ in
        guard !a.rest.isEmpty else { throw ScriptError("map(): expected at least one iterable after the function, got none") }
        let function = try a.function("function")
        let lists = try a.rest.map { try Iteration.array(of: $0, at: nil) }
        let count = lists.map(\.count).min() ?? 0
        return .list(try (0..<count).map { index in try a.call(function, lists.map { $0[index] }) })
    }

    static let filter = Builtin(
        "filter", [.init("function"), .init("iterable")], category: .python,
        summary: "the items for which function(item) is true (None: the items that are true themselves): filter(lambda p: p.value > 0.5, kp)",
        details: "A list, where Python gives an iterator: list(filter(...)) is the same list."
    ) { a, _ in
        let function = a["function"].isNone ? nil : try a.function("function")
        return .list(try elements(a, "iterable").filter { item in
            try Truth.of(function.map { try a.call($0, [item]) } ?? item, at: nil)
        })
    }

    static let reversed = Builtin(
        "reversed", [.init("sequence")], category: .python, summary: "the items of a sequence, last first (a list)"
    ) { a, _ in
        .list(try elements(a, "sequence").reversed())
    }

    static let isinstance = Builtin(
        "isinstance", [.init("value"), .init("types")], category: .python,
        summary: "whether value is of a type or of one of a tuple of types: isinstance(x, (int, float))",
        details: "The types are the conversion builtins int, float, str, bool, list, tuple, dict. A bool is also an int, as in Python."
    ) { a, _ in
        let types = a["types"].items ?? [a["types"]]
        let names = try types.map { type -> String in
            guard case .function(let name) = type, ["int", "float", "str", "bool", "list", "tuple", "dict"].contains(name) else {
                throw a.error("types", "int, float, str, bool, list, tuple, dict or a tuple of them")
            }
            return name
        }
        let value = a["value"]
        return .bool(names.contains(value.typeName) || (names.contains("int") && value.typeName == "bool"))
    }

    static let list = Builtin(
        "list", [.init("iterable", .tuple([]))], category: .python, summary: "a list of the items of an iterable: list(range(3)), list(d.keys())"
    ) { a, _ in
        .list(try elements(a, "iterable"))
    }

    static let tuple = Builtin(
        "tuple", [.init("iterable", .tuple([]))], category: .python, summary: "a tuple of the items of an iterable: tuple(x.shape)"
    ) { a, _ in
        .tuple(try elements(a, "iterable"))
    }

    static let dict = Builtin(
        "dict", [.init("pairs", Value.none)], category: .python,
        summary: "a dict from (key, value) pairs and keywords: dict(zip(names, values)), dict(a=1, b=2)",
        forwardedKeywords: "keywords"
    ) { a, _ in
        var result = ScriptDictionary()
        if !a["pairs"].isNone {
            for pair in try elements(a, "pairs") {
                guard let items = pair.items, items.count == 2 else { throw a.error("pairs", "(key, value) pairs", got: "\(pair.typeWithArticle) among them") }
                try result.set(items[0], items[1], at: nil)
            }
        }
        for (label, value) in a.keywords { try result.set(.string(label), value, at: nil) }
        return .dictionary(result)
    }

    /// `key(item)` of each item when the call gives key= (a function), nil when it does not.
    static func keys(_ a: Arguments, of items: [Value]) throws -> [Value]? {
        guard !a["key"].isNone else { return nil }
        let key = try a.function("key")
        return try items.map { try a.call(key, [$0]) }
    }

    /// The items of argument `name`, or an error naming it.
    static func elements(_ a: Arguments, _ name: String) throws -> [Value] {
        do {
            return try Iteration.array(of: a[name], at: nil)
        } catch let error as ScriptError where error.message.contains("too many items") {
            throw error
        } catch {
            throw a.error(name, "an iterable (a list, tuple, dict, str, range, tensor or keypoints)")
        }
    }
}
