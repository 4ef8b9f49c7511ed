import Subpix
import SubpixLanguage

extension Builtin {
    /// The builtin of a core ``Method`` as kornia `version` declares it: its kornia
    /// name, that release's parameters (in its positional order) and defaults,
    /// summary and details, all read from the method. A keyword only the other
    /// release has is refused with the method's message, naming the release. A
    /// call's arguments are checked against the method's parameter kinds (with the
    /// script's own messages), its output size against `SUBPIX_MAX_BYTES`; it runs
    /// in `version`; kornia's warnings for the call (a deprecated argument given) go to
    /// ``Session/warn(_:)``, and its outputs come back as one value, or a tuple when there are several.
    public init(method: Method, version: KorniaVersion = .default) {
        let parameters = method.parameters(in: version)
        self.init(
            method.name, parameters.map { Parameter($0.name, $0.defaultValue(in: version).map(Value.init(argument:))) },
            category: .op, summary: method.summary, details: method.details
        ) { (a: Arguments, session: Session) in
            let arguments = try a.methodArguments(of: method, in: version)
            if let size = try method.outputElements?(arguments) {
                let dtype = parameters.lazy.compactMap { try? arguments.tensor($0.name).dtype }.first ?? .float32
                try a.requireAllocation(size.parameter, elements: (size.count, size.overflow), dtype: dtype)
            }
            let (results, warnings) = try method.runReportingWarnings(arguments)
            warnings.forEach(session.warn)
            let outputs = results.map(Value.init(output:))
            return outputs.count == 1 ? outputs[0] : .tuple(outputs)
        }
        for parameter in method.parameters {
            if let refusal = method.refusal(of: parameter.name, in: version) { refusedKeywords[parameter.name] = "\(refusal)" }
        }
        release = { Builtin(method: method, version: $0) }
    }
}

extension Arguments {
    /// The call's arguments as `method`'s in kornia `version`, each checked against its parameter's kind.
    func methodArguments(of method: Method, in version: KorniaVersion) throws -> Method.Arguments {
        var arguments = Method.Arguments(version: version)
        for parameter in method.parameters(in: version) { arguments[parameter.name] = try argument(for: parameter, in: version) }
        return arguments
    }

    /// The argument bound to `parameter`, checked against its kind (`None` where
    /// kornia `version` accepts it).
    func argument(for parameter: Method.Parameter, in version: KorniaVersion) throws -> ArgumentValue {
        let name = parameter.name
        if self[name].isNone, parameter.accepts(.none, in: version) { return .none }
        switch parameter.kind {
        case .tensor: return .tensor(try tensor(name))
        case .mask: return try optionalMask(name).map(ArgumentValue.mask) ?? .none
        case .flag: return .bool(try bool(name))
        case .integer: return .int(try int(name))
        case .number: return .real(try double(name))
        case .integers(let count): return .integers(try ints(name, count: count))
        case .choice(let names):
            let text = try string(name)
            guard names.contains(text) else { throw error(name, parameter.kind.expectation) }
            return .text(text)
        }
    }
}

extension Value {
    /// A method's argument as a script value (a default in a signature).
    init(argument: ArgumentValue) {
        switch argument {
        case .none: self = .none
        case .bool(let flag): self = .bool(flag)
        case .int(let value): self = .int(value)
        case .real(let value): self = .float(value)
        case .integers(let values): self = .tuple(values.map { .int($0) })
        case .text(let text): self = .string(text)
        case .tensor(let tensor): self = .tensor(tensor)
        case .mask(let mask): self = .mask(mask)
        }
    }

    /// A method's output as a script value.
    init(output: Method.Output) {
        switch output {
        case .tensor(let tensor): self = .tensor(tensor)
        case .mask(let mask): self = .mask(mask)
        }
    }
}
