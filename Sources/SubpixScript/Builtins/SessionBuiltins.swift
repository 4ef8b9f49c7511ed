import Foundation
import Subpix

/// Output, help and introspection.
enum SessionBuiltins {
    static let all: [Builtin] = [
        Builtin("print", [.init("format", Value.none)],
                summary: "print values; format=\"csv\" or \"json\" for machine-readable tensors and keypoints",
                journaled: false, variadic: true) { a, session in
            let format: String? = if case .string(let f) = a["format"] { f } else { nil }
            session.output(try a.rest.map { try Printing.text($0, format: format) }.joined(separator: " "))
            return .none
        },
        Builtin("show", [.init("value"), .init("width", .int(48))],
                summary: "summary (shape, dtype, min/max/mean) and a shaded picture of a tensor's first map", journaled: false) { a, session in
            let width = try a.int("width")
            guard width >= 2, width <= 400 else { throw ScriptError("show(): expected width in 2...400, got \(width)") }
            switch a["value"] {
            case .tensor(let t):
                session.output(Summary.line(nil, t))
                for line in InlineHeatmap.render(t, maxWidth: width, color: session.colorOutput) { session.output(line) }
            case .mask(let m):
                let t = AnyTensor.float32(m.map { $0 ? 1 : 0 })
                session.output("mask \(formatShape(m.shape)) with \(m.elements.filter { $0 }.count) set")
                for line in InlineHeatmap.render(t, maxWidth: width, color: session.colorOutput) { session.output(line) }
            case let other:
                session.output(other.repr)
            }
            return .none
        },
        Builtin("help", [.init("name", Value.none)], summary: "list every builtin, or show one's signature, defaults and doc",
                journaled: false) { a, session in
            switch a["name"] {
            case .none:
                session.output(HelpText.overview(session.registry))
            case .function(let name), .string(let name):
                session.output(try HelpText.entry(name, in: session.registry))
            case .view:
                session.output(HelpText.view)
            case let other:
                throw ScriptError("help(): expected a builtin name, got a \(other.typeName)")
            }
            return .none
        },
        Builtin("vars", [], summary: "list the session's variables", journaled: false) { _, session in
            let names = session.variables.keys.sorted()
            session.output(names.isEmpty ? "(no variables)" : names.map { name in
                if case .tensor(let t) = session.variables[name] { return Summary.line(name, t) }
                return "\(name): \(session.variables[name]?.typeName ?? "?")"
            }.joined(separator: "\n"))
            return .none
        },
        Builtin("time", [.init("expr"), .init("repeat", .int(5))],
                summary: "evaluate expr `repeat` times; print median and min milliseconds; return its value",
                journaled: false) { a, _ in
            a["expr"]   // evaluated (and timed) by the interpreter; see Interpreter.time
        },
        Builtin("view", [.init("x", Value.none)], summary: "open the viewer on x (a variable name or tensor); back here on q",
                journaled: false) { a, session in
            guard let open = session.openViewer else { throw ScriptError("view(): the viewer is not available here (use subpix repl in a terminal)") }
            let name: String
            switch a["x"] {
            case .none: name = session.viewedTensor()?.name ?? ""
            case .string(let text): name = text
            case .tensor(let t):
                name = "_viewed"
                session.assign(name, .tensor(t))
            default: throw ScriptError("view(): expected a tensor or a variable name, got a \(a["x"].typeName)")
            }
            guard session.tensor(named: name) != nil else { throw ScriptError("view(): no tensor to view; expected a tensor or a variable name") }
            try open(session, name)
            return .none
        },
    ]
}

/// Text for `print`.
enum Printing {
    static func text(_ value: Value, format: String?) throws -> String {
        switch (format, value) {
        case (nil, _): return value.description
        case ("csv", .keypoints(let k)): return KeypointText.csv(k).trimmingCharacters(in: .newlines)
        case ("json", .keypoints(let k)): return KeypointText.json(k).trimmingCharacters(in: .newlines)
        case ("csv", .tensor(let t)): return try TextGrid.encode(t, path: "print").trimmingCharacters(in: .newlines)
        case ("json", .tensor(let t)):
            return "{\"shape\": [\(t.shape.map(String.init).joined(separator: ", "))], \"dtype\": \"\(t.dtype)\", \"data\": ["
                + t.doubles.map(KeypointText.jsonNumber).joined(separator: ", ") + "]}"
        case ("csv", _), ("json", _):
            if let items = value.items { return try items.map { try text($0, format: format) }.joined(separator: format == "csv" ? "," : ", ") }
            if let number = value.number { return format == "json" ? KeypointText.jsonNumber(number) : KeypointText.number(number) }
            return value.description
        default:
            throw ScriptError("print(): expected format \"csv\" or \"json\", got '\(format ?? "")'")
        }
    }
}
