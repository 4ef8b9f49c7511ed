extension Tensor {
    /// Throws unless the tensor has `rank` axes, each non-empty; `layout` names
    /// the axes for the message, e.g. `"(B, C, H, W)"`.
    public func requireShape(rank: Int, layout: String, op: String) throws {
        guard shape.count == rank else {
            throw SubpixError(op, "expected input of shape \(layout), got \(formatShape(shape))")
        }
        guard !shape.contains(0) else {
            throw SubpixError(op, "expected a non-empty input of shape \(layout), got \(formatShape(shape))")
        }
    }
}
