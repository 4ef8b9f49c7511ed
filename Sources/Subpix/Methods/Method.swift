/// One method of the compute core, described once: its kornia name, the tensor
/// rank it reads, its parameters with kornia's defaults, its documentation and
/// how it computes.
///
/// Everything that lists or calls methods derives from these values instead of
/// restating them: the script builtins (their signatures, defaults and help),
/// the generated tables in `docs/`, and the golden harness. Each method lives in
/// a file of its own under `Methods/` and is registered in ``Method/all``.
///
/// ```swift
/// let method = try Method.named("nms3d_minmax")
/// let outputs = try method.run(Method.Arguments(["input": .tensor(volume)]))
/// ```
public struct Method: Sendable {
    /// The groups in which methods are listed.
    public enum Family: String, Sendable, CaseIterable {
        /// An op of `kornia.geometry.subpix`, under kornia's name, keywords and defaults.
        case kornia
    }

    /// kornia's name (`conv_soft_argmax2d`).
    public let name: String
    public let family: Family
    /// The rank of the tensor the method reads (4 for `(B, C, H, W)` maps, 5 for
    /// `(B, C, D, H, W)` volumes); nil when it reads no map (`render_gaussian2d`).
    public let inputRank: Int?
    /// The parameters in kornia's order, tensors first.
    public let parameters: [Parameter]
    /// One line: what the method computes.
    public let summary: String
    /// More detail for `help(name)`: formulas, conventions, rules.
    public let details: String
    /// How many elements (and whether that count overflowed) the largest output of a
    /// call would hold, for methods whose output size a caller chooses
    /// (`render_gaussian2d`'s `size`), so a session can refuse a call that would
    /// exhaust memory before it runs; nil for the others.
    public let outputElements: (@Sendable (Arguments) throws -> (parameter: String, count: Int, overflow: Bool)?)?
    /// The vector-Jacobian product, for the methods that have one.
    public let pullback: Pullback?
    /// Computes the outputs from arguments already checked against ``parameters``.
    let compute: @Sendable (Arguments) throws -> [Output]

    public init(
        name: String, family: Family, inputRank: Int?, parameters: [Parameter], summary: String, details: String = "",
        outputElements: (@Sendable (Arguments) throws -> (parameter: String, count: Int, overflow: Bool)?)? = nil,
        pullback: Pullback? = nil, compute: @escaping @Sendable (Arguments) throws -> [Output]
    ) {
        self.name = name
        self.family = family
        self.inputRank = inputRank
        self.parameters = parameters
        self.summary = summary
        self.details = details
        self.outputElements = outputElements
        self.pullback = pullback
        self.compute = compute
    }

    /// The parameter called `name`, if the method has one in any kornia release.
    public func parameter(_ name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }

    /// The parameters kornia `version` has, in its positional order.
    public func parameters(in version: KorniaVersion) -> [Parameter] {
        parameters.filter { $0.isAvailable(in: version) }
    }

    /// Runs the method under the arguments' kornia version: the arguments not
    /// given take that release's defaults.
    ///
    /// - Throws: ``SubpixError`` for a required argument that is missing, an
    ///   argument of the wrong kind, one that only another kornia release has,
    ///   or what the op itself refuses.
    public func run(_ arguments: Arguments) throws -> [Output] {
        try compute(try checked(arguments))
    }

    /// The error for an argument `name` that only another kornia release has
    /// (`"conv_quad_interp3d: eps is a kornia 0.7 argument; run with --kornia 0.7 or see docs/kornia.md"`);
    /// nil when kornia `version` has it, or no release does.
    public func refusal(of name: String, in version: KorniaVersion) -> SubpixError? {
        guard let parameter = parameter(name), !parameter.isAvailable(in: version),
              let other = parameter.versions.sorted().first else { return nil }
        return SubpixError(self.name, "\(name) is a kornia \(other.rawValue) argument; run with --kornia \(other.rawValue) or see docs/kornia.md")
    }

    /// Runs the method as ``run(_:)`` does, and returns with its outputs the warnings
    /// kornia gives for the arguments (``warnings(for:)``), for the caller to show.
    public func runReportingWarnings(_ arguments: Arguments) throws -> (outputs: [Output], warnings: [String]) {
        let outputs = try run(arguments)
        return (outputs, warnings(for: arguments))
    }

    /// kornia's warnings for a call with `arguments`, in its kornia version: one per
    /// deprecated argument given other than `None`, as
    /// `"conv_quad_interp3d: strict_maxima_bonus is deprecated since kornia 0.9.0 and is ignored: ..."`.
    public func warnings(for arguments: Arguments) -> [String] {
        arguments.names.compactMap { given in
            guard let value = arguments[given], value != .none,
                  let warning = parameter(given)?.deprecationWarning(in: arguments.version) else { return nil }
            return "\(name): \(warning)"
        }
    }

    /// `arguments` with kornia's defaults for those not given, each checked
    /// against its parameter in the arguments' kornia version.
    func checked(_ arguments: Arguments) throws -> Arguments {
        let version = arguments.version
        if let refusal = arguments.names.lazy.compactMap({ self.refusal(of: $0, in: version) }).first { throw refusal }
        var complete = arguments
        for parameter in parameters(in: version) where arguments[parameter.name] == nil {
            guard let value = parameter.defaultValue(in: version) else {
                throw SubpixError(name, "missing required argument '\(parameter.name)'")
            }
            complete[parameter.name] = value
        }
        for parameter in parameters(in: version) {
            if let value = complete[parameter.name], !parameter.accepts(value, in: version) {
                throw SubpixError(name, "expected \(parameter.name) to be \(parameter.kind.expectation), got \(value)")
            }
        }
        return complete
    }
}
