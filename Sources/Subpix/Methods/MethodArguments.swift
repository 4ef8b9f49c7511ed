extension Method {
    /// The arguments of one call, by parameter name, read back in the kind the
    /// method's parameters declare, and the kornia release the call follows.
    public struct Arguments: Sendable {
        private var values: [String: ArgumentValue]
        /// The kornia release whose defaults and semantics the call follows.
        public var version: KorniaVersion

        public init(_ values: [String: ArgumentValue] = [:], version: KorniaVersion = .default) {
            self.values = values
            self.version = version
        }

        /// The names of the arguments given, in alphabetical order.
        public var names: [String] { values.keys.sorted() }

        public subscript(name: String) -> ArgumentValue? {
            get { values[name] }
            set { values[name] = newValue }
        }

        private func mismatch(_ name: String, _ expectation: String) -> SubpixError {
            SubpixError("arguments", "expected \(name) to be \(expectation), got \(values[name].map(\.description) ?? "nothing")")
        }

        public func tensor(_ name: String) throws -> AnyTensor {
            guard case .tensor(let tensor) = values[name] else { throw mismatch(name, "a tensor") }
            return tensor
        }

        public func optionalMask(_ name: String) throws -> Mask? {
            switch values[name] {
            case nil, .some(.none): return nil
            case .mask(let mask): return mask
            default: throw mismatch(name, "a mask or None")
            }
        }

        public func bool(_ name: String) throws -> Bool {
            guard case .bool(let flag) = values[name] else { throw mismatch(name, "True or False") }
            return flag
        }

        public func int(_ name: String) throws -> Int {
            guard case .int(let value) = values[name] else { throw mismatch(name, "an integer") }
            return value
        }

        public func optionalInt(_ name: String) throws -> Int? {
            if case .some(.none) = values[name] { return nil }
            return try int(name)
        }

        public func double(_ name: String) throws -> Double {
            guard case .real(let value) = values[name] else { throw mismatch(name, "a number") }
            return value
        }

        /// The number given, or nil for `None`.
        public func optionalDouble(_ name: String) throws -> Double? {
            if case .some(.none) = values[name] { return nil }
            return try double(name)
        }

        public func integers(_ name: String) throws -> [Int] {
            guard case .integers(let list) = values[name] else { throw mismatch(name, "a tuple of integers") }
            return list
        }
    }
}
