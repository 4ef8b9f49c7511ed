extension Tensor {
    /// Throws unless the tensor has `rank` axes, each non-empty; `layout` names
    /// the axes for the message, e.g. `"(B, C, H, W)"`. A tensor with fewer axes
    /// (a `(K, H, W)` stack loaded from a 3D `.npy`) is told how to add them.
    public func requireShape(rank: Int, layout: String, op: String) throws {
        guard shape.count == rank else {
            throw SubpixError(op, "expected input of shape \(layout), got \(formatShape(shape))" + liftingHint(toRank: rank))
        }
        guard !shape.contains(0) else {
            throw SubpixError(op, "expected a non-empty input of shape \(layout), got \(formatShape(shape))")
        }
    }

    /// `"; add the leading axes with x[None]"` (one `None` per missing axis) for a
    /// map `(H, W)` or a stack `(K, H, W)` / volume `(D, H, W)` short of `rank` axes.
    /// Empty otherwise: a 4D `(B, C, H, W)` given to a volume op lacks a depth, not leading axes.
    private func liftingHint(toRank rank: Int) -> String {
        guard shape.count >= 2, shape.count < Swift.min(rank, 4) else { return "" }
        let missing = Array(repeating: "None", count: rank - shape.count).joined(separator: ", ")
        return "; add the leading axes with x[\(missing)]"
    }
}
