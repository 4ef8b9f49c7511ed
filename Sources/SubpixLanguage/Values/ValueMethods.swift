import Subpix

/// The methods of strings, lists, dicts, numbers and tensors that are not builtins:
/// `s.split()`, `", ".join(names)`, `a.append(4)`, `d.get("k", 0)`, `x.item()`, `x.tolist()`.
///
/// A method that changes its list or dict returns the changed value as `updated`;
/// the interpreter stores it back where the receiver was read (`a.append(4)` changes `a`).
package enum ValueMethods {
    static let stringMethods: Set<String> = ["join", "split", "strip", "lstrip", "rstrip", "upper", "lower", "startswith", "endswith",
                                             "replace", "format", "find", "count"]
    static let listMethods: Set<String> = ["append", "extend", "pop", "insert", "remove", "index", "count", "sort", "reverse", "copy"]
    static let dictionaryMethods: Set<String> = ["keys", "values", "items", "get", "pop", "update", "copy"]

    /// Whether `receiver` has the method `name` here.
    static func has(_ name: String, _ receiver: Value) -> Bool {
        switch receiver {
        case .string: stringMethods.contains(name)
        case .list: listMethods.contains(name)
        case .tuple: name == "index" || name == "count"
        case .dictionary: dictionaryMethods.contains(name)
        case .tensor, .mask: name == "item" || name == "tolist"
        case .int, .float, .bool: name == "item"
        default: false
        }
    }

    static func call(_ name: String, of receiver: Value, _ positional: [Value], _ keywords: [(String, Value)],
                     at position: SourcePosition) throws -> (result: Value, updated: Value?) {
        let call = MethodCall(name: name, positional: positional, keywords: keywords, position: position)
        switch receiver {
        case .string(let text): return (try string(text, call), nil)
        case .list(let items): return try list(items, call)
        case .tuple(let items): return (try list(items, call).result, nil)
        case .dictionary(let dictionary): return try self.dictionary(dictionary, call)
        case .tensor(let t):
            try call.expect(0)
            if name == "tolist" { return (t.nestedList, nil) }
            guard t.count == 1 else { throw ScriptError("item() needs a tensor of one element, got one of shape \(formatShape(t.shape))", at: position) }
            return (.float(t.doubles[0]), nil)
        case .mask(let m):
            try call.expect(0)
            if name == "tolist" { return (m.nestedList, nil) }
            guard m.count == 1 else { throw ScriptError("item() needs a mask of one element, got one of shape \(formatShape(m.shape))", at: position) }
            return (.bool(m.elements[0]), nil)
        default:
            try call.expect(0)
            return (receiver, nil)
        }
    }

    /// One method call's arguments, with the checks every method shares.
    private struct MethodCall {
        var name: String
        var positional: [Value]
        var keywords: [(String, Value)]
        var position: SourcePosition

        func expect(_ counts: ClosedRange<Int>, keywords allowed: Set<String> = []) throws {
            if let keyword = keywords.first(where: { !allowed.contains($0.0) }) {
                throw ScriptError("\(name)() got an unexpected keyword '\(keyword.0)'", at: position)
            }
            guard counts.contains(positional.count) else {
                let takes = counts.lowerBound == counts.upperBound ? "\(counts.lowerBound)" : "\(counts.lowerBound) to \(counts.upperBound)"
                throw ScriptError("\(name)() takes \(takes) argument\(counts.upperBound == 1 ? "" : "s"), got \(positional.count)", at: position)
            }
        }

        func expect(_ count: Int) throws { try expect(count...count) }

        func string(_ index: Int) throws -> String {
            guard case .string(let text) = positional[index] else {
                throw ScriptError("\(name)(): expected a str, got \(positional[index].typeWithArticle)", at: position)
            }
            return text
        }

        func keyword(_ label: String) -> Value? { keywords.first { $0.0 == label }?.1 }
    }

    private static func string(_ text: String, _ call: MethodCall) throws -> Value {
        switch call.name {
        case "join":
            try call.expect(1)
            return .string(try Iteration.array(of: call.positional[0], at: call.position).map { item in
                guard case .string(let part) = item else {
                    throw ScriptError("join(): expected strs, got \(item.typeWithArticle); write str(x) for each", at: call.position)
                }
                return part
            }.joined(separator: text))
        case "split":
            try call.expect(0...1, keywords: ["sep"])
            let separator = call.positional.first ?? call.keyword("sep") ?? .none
            if case .string(let sep) = separator {
                guard !sep.isEmpty else { throw ScriptError("split(): empty separator", at: call.position) }
                return .list(text.components(separatedBy: sep).map(Value.string))
            }
            return .list(text.split(whereSeparator: \.isWhitespace).map { .string(String($0)) })
        case "strip", "lstrip", "rstrip":
            try call.expect(0...1)
            let set = try call.positional.isEmpty ? nil : Set(call.string(0))
            let strip: (Character) -> Bool = { set?.contains($0) ?? $0.isWhitespace }
            var result = Substring(text)
            if call.name != "rstrip" { result = result.drop(while: strip) }
            if call.name != "lstrip" { while let last = result.last, strip(last) { result = result.dropLast() } }
            return .string(String(result))
        case "upper": try call.expect(0); return .string(text.uppercased())
        case "lower": try call.expect(0); return .string(text.lowercased())
        case "startswith": try call.expect(1); return .bool(text.hasPrefix(try call.string(0)))
        case "endswith": try call.expect(1); return .bool(text.hasSuffix(try call.string(0)))
        case "replace":
            try call.expect(2)
            return .string(text.replacingOccurrences(of: try call.string(0), with: try call.string(1)))
        case "find":
            try call.expect(1)
            guard let range = text.range(of: try call.string(0)) else { return .int(-1) }
            return .int(text.distance(from: text.startIndex, to: range.lowerBound))
        case "count":
            try call.expect(1)
            let part = try call.string(0)
            return .int(part.isEmpty ? text.count + 1 : text.components(separatedBy: part).count - 1)
        default:
            return .string(try Formatting.format(template: text, call.positional, call.keywords, at: call.position))
        }
    }

    private static func list(_ items: [Value], _ call: MethodCall) throws -> (result: Value, updated: Value?) {
        var items = items
        switch call.name {
        case "append":
            try call.expect(1)
            items.append(call.positional[0])
        case "extend":
            try call.expect(1)
            items += try Iteration.array(of: call.positional[0], at: call.position)
        case "insert":
            try call.expect(2)
            guard case .int(let index) = call.positional[0] else { throw ScriptError("insert(): expected an integer index", at: call.position) }
            let clamped = Swift.min(Swift.max(index < 0 ? index + items.count : index, 0), items.count)
            items.insert(call.positional[1], at: clamped)
        case "pop":
            try call.expect(0...1)
            guard !items.isEmpty else { throw ScriptError("pop from an empty list", at: call.position) }
            let index = if case .int(let i)? = call.positional.first { i } else { -1 }
            guard (-items.count..<items.count).contains(index) else { throw ScriptError("pop index \(index) is out of range for a list of length \(items.count)", at: call.position) }
            let removed = items.remove(at: index < 0 ? index + items.count : index)
            return (removed, .list(items))
        case "remove":
            try call.expect(1)
            guard let index = items.firstIndex(where: { ValueComparison.equal($0, call.positional[0]) }) else {
                throw ScriptError("remove(): \(call.positional[0].repr) is not in the list", at: call.position)
            }
            items.remove(at: index)
        case "index":
            try call.expect(1)
            guard let index = items.firstIndex(where: { ValueComparison.equal($0, call.positional[0]) }) else {
                throw ScriptError("index(): \(call.positional[0].repr) is not in the list", at: call.position)
            }
            return (.int(index), nil)
        case "count":
            try call.expect(1)
            return (.int(items.filter { ValueComparison.equal($0, call.positional[0]) }.count), nil)
        case "sort":
            try call.expect(0...0, keywords: ["reverse"])
            let descending = try call.keyword("reverse").map { try Truth.of($0, at: call.position) } ?? false
            items = try ValueComparison.sorted(items, descending: descending, at: call.position)
        case "reverse":
            try call.expect(0)
            items.reverse()
        default:
            try call.expect(0)
            return (.list(items), nil)
        }
        return (.none, .list(items))
    }

    private static func dictionary(_ dictionary: ScriptDictionary, _ call: MethodCall) throws -> (result: Value, updated: Value?) {
        var dictionary = dictionary
        switch call.name {
        case "keys": try call.expect(0); return (.list(dictionary.keys), nil)
        case "values": try call.expect(0); return (.list(dictionary.values), nil)
        case "items": try call.expect(0); return (.list(zip(dictionary.keys, dictionary.values).map { .tuple([$0, $1]) }), nil)
        case "get":
            try call.expect(1...2)
            return (try dictionary.value(for: call.positional[0], at: call.position) ?? (call.positional.count > 1 ? call.positional[1] : .none), nil)
        case "pop":
            try call.expect(1...2)
            guard let removed = try dictionary.remove(call.positional[0], at: call.position) else {
                guard call.positional.count > 1 else { throw ScriptError("pop(): key \(call.positional[0].repr) is not in the dict", at: call.position) }
                return (call.positional[1], nil)
            }
            return (removed, .dictionary(dictionary))
        case "update":
            try call.expect(0...1, keywords: Set(call.keywords.map(\.0)))
            if let other = call.positional.first {
                guard case .dictionary(let more) = other else { throw ScriptError("update(): expected a dict, got \(other.typeWithArticle)", at: call.position) }
                for (key, value) in zip(more.keys, more.values) { try dictionary.set(key, value, at: call.position) }
            }
            for (key, value) in call.keywords { try dictionary.set(.string(key), value, at: call.position) }
            return (.none, .dictionary(dictionary))
        default:
            try call.expect(0)
            return (.dictionary(dictionary), nil)
        }
    }
}
