import Dispatch
import Foundation
import Subpix
import SubpixLanguage

/// Output, help, introspection, timing and the viewer hook.
enum SessionBuiltins {
    static let all: [Builtin] = [print, show, help, vars, time, view, korniaVersion]

    static let print = Builtin(
        "print", [.init("sep", .string(" ")), .init("end", .string("\n")), .init("file", Value.none), .init("format", Value.none)], category: .session,
        summary: "print values separated by sep and ended by end, as Python's print; file=stderr writes to standard error; format=\"csv\" or \"json\" prints tensors and keypoints machine-readably",
        details: "csv: a (1, 1, H, W) or 2D tensor as H lines of W numbers, keypoints with a header row batch,channel,x,y[,depth],value (under subpix run --each-frame: a leading frame column, the header once per run), a number as it is (3, not 3.0). json: {\"shape\", \"dtype\", \"data\"} for a tensor, a list of objects for keypoints; NaN and infinities become null. Without format a value prints as str() shows it.",
        variadic: true
    ) { a, session in
        let format = try a.optionalString("format")
        if let format, format != "csv", format != "json" { throw a.error("format", "\"csv\" or \"json\"") }
        let file = try a.optionalString("file")
        guard file == nil || file == "stdout" || file == "stderr" else { throw a.error("file", "stdout or stderr") }
        if format == "csv", a.rest.count == 1, case .keypoints(let points) = a.rest[0], session.streamFrame != nil {
            // One table over the stream's frames: a frame column, one header.
            if let rows = session.streamFrame?.csv(points) { session.write(rows + (try a.string("end")), toErrors: file == "stderr") }
            return .none
        }
        let text = try a.rest.map { try Printing.text($0, format: format) }.joined(separator: try a.string("sep"))
        session.write(text + (try a.string("end")), toErrors: file == "stderr")
        return .none
    }

    static let show = Builtin(
        "show", [.init("value"), .init("width", .int(48))], category: .session,
        summary: "shape, dtype, min/max/mean and a shaded picture of a tensor's first map (x[b, c] picks another)",
        details: "Colour half-blocks on a 256-colour terminal, else the ASCII ramp ' .,:-=*#%@' (low to high); '?' marks NaN/inf. width is the picture's width in characters (2...400)."
    ) { a, session in
        let width = try a.int("width")
        guard (2...400).contains(width) else { throw a.error("width", "an integer in 2...400") }
        let tensor: AnyTensor
        switch a["value"] {
        case .tensor(let t):
            tensor = t
            session.output(Summary.line(nil, t))
        case .mask(let m):
            tensor = .float32(m.map { $0 ? 1 : 0 })
            session.output("mask \(formatShape(m.shape)) with \(m.elements.filter { $0 }.count) set")
        case let other:
            session.output(other.repr)
            return .none
        }
        for line in InlineHeatmap.render(tensor, maxWidth: width, color: session.colorOutput) { session.output(line) }
        return .none
    }

    static let help = Builtin(
        "help", [.init("name", Value.none)], category: .session,
        summary: "list every builtin; help(name) shows one's signature, defaults and doc; help(view) the view settings"
    ) { a, session in
        switch a["name"] {
        case .none: session.output(HelpText.overview(session.registry))
        case .function(let name), .string(let name): session.output(try HelpText.entry(name, in: session.registry))
        case .view: session.output(HelpText.view)
        default: throw a.error("name", "a builtin (help(\(Method.featured.name))) or view")
        }
        return .none
    }

    static let korniaVersion = Builtin(
        "kornia_version", [], category: .session,
        summary: "the kornia release the session's ops follow, \"\(KorniaVersion.v0_9.rawValue)\" or \"\(KorniaVersion.v0_7.rawValue)\"",
        details: "Chosen by subpix run/repl/view --kornia VERSION, else a script's first line `# subpix --kornia VERSION`, else the environment variable SUBPIX_KORNIA, else \(KorniaVersion.default.rawValue). See docs/kornia.md."
    ) { _, session in
        .string(session.kornia.rawValue)
    }

    static let vars = Builtin(
        "vars", [], category: .session, summary: "list the session's variables with their shapes or values"
    ) { _, session in
        let names = session.variables.keys.sorted()
        session.output(names.isEmpty ? "(no variables)" : names.map { name in
            switch session.variables[name] {
            case .tensor(let t): return Summary.line(name, t)
            case .mask(let m): return "\(name): mask \(formatShape(m.shape))"
            case .keypoints(let k): return "\(name): \(k.count) keypoints"
            case let value?:
                let text = value.repr
                return "\(name) = " + (text.count > 60 ? String(text.prefix(57)) + "..." : text)
            case nil: return name
            }
        }.joined(separator: "\n"))
        return .none
    }

    static let time = Builtin(
        "time", [.init("expr", deferred: true), .init("repeat", .int(5))], category: .session,
        summary: "evaluate expr repeat times; report the median and minimum in milliseconds (on stderr); return its value",
        details: "e.g. time(\(Method.featured.name)(heat, (5, 5)), repeat=20). expr is evaluated by time itself, once per repetition."
    ) { a, session in
        let repeats = try a.int("repeat")
        guard (1...1_000_000).contains(repeats) else { throw a.error("repeat", "an integer in 1...1000000") }
        var samples: [Double] = []
        var result = Value.none
        for _ in 0..<repeats {
            try session.checkpoint()
            let start = DispatchTime.now().uptimeNanoseconds
            result = try a.evaluate("expr")
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        session.report(String(format: "time: median %.3f ms, min %.3f ms over %d runs", samples[samples.count / 2], samples[0], repeats))
        return result
    }

    static let view = Builtin(
        "view", [.init("x", Value.none)], category: .session,
        summary: "show x in the viewer and come back here on q; x is a tensor variable, its name, or any tensor expression",
        details: "Sets view.input to x (a tensor expression is stored as the variable _viewed first), and the view starts from the settings of this session's own calls on x: the last op's method and the arguments it wrote, keypoints(...)'s top_k and min_value, compare(...)'s settings; a later view.<field> statement beats them (docs/viewer.md). Without a viewer (subpix run) it only selects x, so a replayed journal selects the same tensor.",
        journaled: true
    ) { a, session in
        let name: String
        switch a["x"] {
        case .none:
            guard let viewed = session.viewedTensor() else { throw a.error("x", "a tensor (there is no tensor to view yet)") }
            name = viewed.name
        case .string(let text):
            guard session.tensor(named: text) != nil else {
                throw a.error("x", "the name of a tensor variable", got: "str '\(text)'\(session.tensorHint(for: text))")
            }
            name = text
        case .tensor(let t):
            if let variable = a.variableName("x") {
                name = variable
            } else {
                name = "_viewed"
                session.assign(name, .tensor(t))
            }
        default:
            throw a.error("x", "a tensor or the name of a tensor variable")
        }
        session.view.input = name
        session.followScriptCalls()
        try session.openViewer?(session, name)
        return .none
    }
}
