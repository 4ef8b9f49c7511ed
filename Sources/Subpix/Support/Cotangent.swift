extension Tensor {
    /// Throws unless the tensor, a cotangent handed to a pullback, has the shape
    /// of the output it belongs to; `output` names that output in the message.
    func requireCotangent(of shape: [Int], output: String = "output", op: String) throws {
        guard self.shape == shape else {
            throw SubpixError(
                op, "expected a cotangent of the \(output)'s shape \(formatShape(shape)), got \(formatShape(self.shape))")
        }
    }
}
