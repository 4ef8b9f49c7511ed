extension Method {
    /// One parameter of a method, as kornia declares it: its keyword, the kind of
    /// value it takes, kornia's default, and a one-line doc; and, where the kornia
    /// releases differ, which releases have it and each release's default.
    ///
    /// ```swift
    /// .defaulted("strict_maxima_bonus", .number, .real(10), "added at strict maxima")
    ///     .defaulting(to: .none, in: .v0_9)
    /// .defaulted("eps", .number, .real(1e-7), "added to the Hessian's diagonal").only(in: .v0_7)
    /// .defaulted("temperature", .number, .real(1), "divides the input before the softmax").bounded(.above(0))
    /// .defaulted("strict_maxima_bonus", .number, .none, "ignored")
    ///     .deprecated(since: .v0_9, "is ignored: no bonus is added to the returned values")
    /// ```
    public struct Parameter: Sendable {
        /// A bound a value keeps beyond its kind, as the op checks it (each value
        /// of an `integers` parameter keeps it): `temperature > 0`, `padding >= 0`.
        ///
        /// The op refuses a value outside it with its own message; the viewer's
        /// `view.<field>` checks and the docs read it from here.
        public enum Bound: Sendable, Equatable {
            /// Above the number, and finite (`temperature > 0`).
            case above(Double)
            /// At least the number (`n_iters >= 0`).
            case atLeast(Double)

            /// Whether `value` keeps the bound.
            public func admits(_ value: Double) -> Bool {
                switch self {
                case .above(let low): value > low && value.isFinite
                case .atLeast(let low): value >= low
                }
            }

            /// `> 0`, `>= 0`; for integers a bound above `n` reads `>= n + 1`.
            public func phrase(integers: Bool) -> String {
                switch self {
                case .above(let low): integers ? ">= \(Self.number(low + 1))" : "> \(Self.number(low))"
                case .atLeast(let low): ">= \(Self.number(low))"
                }
            }

            /// `0`, `1`, `0.5`: a whole number without its decimals.
            private static func number(_ value: Double) -> String {
                value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
            }
        }

        /// The kinds of value a parameter takes.
        public enum Kind: Sendable, Equatable {
            /// A float tensor.
            case tensor
            /// A bool mask (from `nms2d`/`nms3d(..., mask_only=True)`).
            case mask
            /// `True` or `False`.
            case flag
            /// An integer.
            case integer
            /// A real number.
            case number
            /// `count` integers, one per axis (`kernel_size=(3, 3)`); one integer stands for all.
            case integers(count: Int)
            /// One of these strings.
            case choice([String])

            /// What a message says was expected: `a tuple of 2 integers`.
            public var expectation: String {
                switch self {
                case .tensor: "a tensor"
                case .mask: "a mask from \(Method.suppression(rank: 4).name)/\(Method.suppression(rank: 5).name)(..., mask_only=True)"
                case .flag: "True or False"
                case .integer: "an integer"
                case .number: "a number"
                case .integers(let count): "a tuple of \(count) integers"
                case .choice(let names): "one of " + names.map { "'\($0)'" }.joined(separator: ", ")
                }
            }
        }

        /// kornia's keyword (`kernel_size`).
        public let name: String
        public let kind: Kind
        /// Whether `None` is accepted.
        public let isOptional: Bool
        /// kornia's default; nil for a required parameter.
        public let defaultValue: ArgumentValue?
        /// One line: what the parameter does.
        public let doc: String
        /// The kornia releases that have this parameter.
        public private(set) var versions: Set<KorniaVersion> = Set(KorniaVersion.allCases)
        /// The defaults of the releases whose default is not ``defaultValue``.
        private var versionDefaults: [KorniaVersion: ArgumentValue] = [:]
        /// The bound its values keep, if any.
        public private(set) var bound: Bound?
        /// The release that deprecated this parameter and what a caller who passes it is
        /// told, and the releases in which it is deprecated; nil while it is not.
        private var deprecation: (since: KorniaVersion, note: String, versions: Set<KorniaVersion>)?

        init(name: String, kind: Kind, isOptional: Bool, defaultValue: ArgumentValue?, doc: String) {
            self.name = name
            self.kind = kind
            self.isOptional = isOptional
            self.defaultValue = defaultValue
            self.doc = doc
        }

        /// kornia `version`'s default; nil for a required parameter.
        public func defaultValue(in version: KorniaVersion) -> ArgumentValue? {
            versionDefaults[version] ?? defaultValue
        }

        /// Whether kornia `version` has this parameter.
        public func isAvailable(in version: KorniaVersion) -> Bool {
            versions.contains(version)
        }

        /// This parameter, present in kornia `version` only.
        public func only(in version: KorniaVersion) -> Parameter {
            var parameter = self
            parameter.versions = [version]
            return parameter
        }

        /// This parameter, whose default in kornia `version` is `value`.
        public func defaulting(to value: ArgumentValue, in version: KorniaVersion) -> Parameter {
            var parameter = self
            parameter.versionDefaults[version] = value
            return parameter
        }

        /// This parameter, whose values keep `bound`.
        public func bounded(_ bound: Bound) -> Parameter {
            var parameter = self
            parameter.bound = bound
            return parameter
        }

        /// Whether `value` keeps the parameter's bound (every value of a tuple);
        /// true without a bound, and for `None` and values of no number.
        public func keepsBound(_ value: ArgumentValue) -> Bool {
            guard let bound else { return true }
            switch value {
            case .int(let number): return bound.admits(Double(number))
            case .real(let number): return bound.admits(number)
            case .integers(let numbers): return numbers.allSatisfy { bound.admits(Double($0)) }
            default: return true
            }
        }

        /// This parameter, deprecated by kornia `release`: passing it (other than `None`)
        /// in that release or a later one, or in every release when `everywhere` (an op
        /// subpix gives one signature in all releases), makes a warning that says so and
        /// then `note` (`"is ignored: no bonus is added to the returned values"`).
        public func deprecated(since release: KorniaVersion, _ note: String, everywhere: Bool = false) -> Parameter {
            var parameter = self
            let versions = Set(KorniaVersion.allCases.filter { everywhere || $0 >= release })
            parameter.deprecation = (release, note, versions)
            return parameter
        }

        /// What kornia `version` warns a caller who passes this parameter, as
        /// `"<name> is deprecated since kornia 0.9.0 and <note>"`; nil when it is not deprecated there.
        public func deprecationWarning(in version: KorniaVersion) -> String? {
            guard let deprecation, deprecation.versions.contains(version) else { return nil }
            return "\(name) is deprecated since kornia \(deprecation.since.release) and \(deprecation.note)"
        }

        /// A required parameter.
        public static func required(_ name: String, _ kind: Kind, _ doc: String) -> Parameter {
            Parameter(name: name, kind: kind, isOptional: false, defaultValue: nil, doc: doc)
        }

        /// A parameter with kornia's default `value`.
        public static func defaulted(_ name: String, _ kind: Kind, _ value: ArgumentValue, _ doc: String) -> Parameter {
            Parameter(name: name, kind: kind, isOptional: value == .none, defaultValue: value, doc: doc)
        }

        /// Whether `value` is of this parameter's kind (or `None` where that is
        /// accepted: an optional parameter, or one whose default in `version` is `None`).
        public func accepts(_ value: ArgumentValue, in version: KorniaVersion = .default) -> Bool {
            switch (kind, value) {
            case (_, .none): isOptional || defaultValue(in: version) == ArgumentValue.none
            case (.tensor, .tensor), (.mask, .mask), (.flag, .bool), (.integer, .int), (.number, .real): true
            case (.integers(let count), .integers(let values)): values.count == count
            case (.choice(let names), .text(let text)): names.contains(text)
            default: false
            }
        }
    }
}
