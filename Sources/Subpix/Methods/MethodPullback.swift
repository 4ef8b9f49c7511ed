extension Method {
    /// A method's vector-Jacobian product: for a call's arguments and a cotangent per
    /// output, the gradient of `Σ cotangent · output` with respect to each
    /// differentiable input.
    public struct Pullback: Sendable {
        /// The inputs it differentiates, in the order of the gradients it returns.
        public let inputs: [String]
        /// How many outputs a call with these arguments has (`output_value=True`: 2).
        public let outputCount: @Sendable (Arguments) throws -> Int
        /// The gradients, one per input of ``inputs``. The first cotangent is never
        /// nil; a later nil one stands for zeros.
        let gradients: @Sendable (Arguments, [AnyTensor?]) throws -> [AnyTensor]

        public init(
            inputs: [String], outputCount: @escaping @Sendable (Arguments) throws -> Int = { _ in 1 },
            gradients: @escaping @Sendable (Arguments, [AnyTensor?]) throws -> [AnyTensor]
        ) {
            self.inputs = inputs
            self.outputCount = outputCount
            self.gradients = gradients
        }
    }

    /// The methods that have a pullback.
    public static var differentiable: [Method] { all.filter { $0.pullback != nil } }

    /// The gradient of `Σ cotangents · outputs` for each input of the pullback,
    /// with kornia's defaults for the arguments not given.
    ///
    /// - Throws: ``SubpixError`` for a method without a pullback, arguments the
    ///   method refuses, or cotangents that do not fit the outputs.
    public func vectorJacobianProduct(_ arguments: Arguments, cotangents: [AnyTensor?]) throws -> [AnyTensor] {
        guard let pullback else { throw SubpixError(name, "has no pullback") }
        let complete = try checked(arguments)
        let outputs = try pullback.outputCount(complete)
        guard cotangents.count == outputs, cotangents.first != nil else {
            throw SubpixError(name, "expected \(outputs) cotangent\(outputs == 1 ? "" : "s") (the first not None), got \(cotangents.count)")
        }
        return try pullback.gradients(complete, cotangents)
    }
}

extension Method.Pullback {
    /// Cotangent `index` in element type `S`; nil when it is None or the call has no such output.
    static func cotangent<S: SubpixScalar>(_ cotangents: [AnyTensor?], _ index: Int) -> Tensor<S>? {
        index < cotangents.count ? cotangents[index]?.tensor() : nil
    }

    /// The first cotangent in element type `S` (``Method/vectorJacobianProduct(_:cotangents:)`` requires it).
    static func first<S: SubpixScalar>(_ cotangents: [AnyTensor?], op: String) throws -> Tensor<S> {
        guard let tensor: Tensor<S> = cotangent(cotangents, 0) else { throw SubpixError(op, "expected a cotangent for the first output, got None") }
        return tensor
    }
}
