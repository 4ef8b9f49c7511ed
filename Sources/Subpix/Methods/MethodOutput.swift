extension Method {
    /// One output of a method: a tensor, or a mask.
    public enum Output: Sendable, Equatable {
        case tensor(AnyTensor)
        case mask(Mask)

        /// A tensor output in its own dtype.
        public init<S: SubpixScalar>(_ tensor: Tensor<S>) {
            self = .tensor(AnyTensor(tensor))
        }
    }
}
