/// One `(batch, channel)` map of a `(B, C, ...)` tensor as a `(1, 1, ...)` tensor.
public enum MapSelection {
    public static func map<S: SubpixScalar>(_ tensor: Tensor<S>, batch: Int, channel: Int) throws -> Tensor<S> {
        let shape = tensor.shape
        // One map already: the same storage, not a copy (a 4096² map is 64 MB).
        if shape.count >= 2, shape[0] == 1, shape[1] == 1, batch == 0, channel == 0 { return tensor }
        let span = shape.dropFirst(2).reduce(1, *)
        let start = (batch * shape[1] + channel) * span
        return try Tensor(shape: [1, 1] + shape.dropFirst(2), elements: Array(tensor.elements[start..<(start + span)]))
    }

    /// One map of a tensor of either dtype, in its own.
    public static func map(_ tensor: AnyTensor, batch: Int, channel: Int) throws -> AnyTensor {
        switch tensor {
        case .float32(let maps): .float32(try map(maps, batch: batch, channel: channel))
        case .float64(let maps): .float64(try map(maps, batch: batch, channel: channel))
        }
    }
}
