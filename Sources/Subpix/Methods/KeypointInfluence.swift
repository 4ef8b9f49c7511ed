/// How strongly each pixel of a map pulls one keypoint: the gradient
/// `∂(the keypoint's x or y) / ∂map` through the method's pullback, a map the
/// size of the input. For the soft-argmax methods it sums to zero over the map
/// (to kornia's `eps` for the windowed one) — adding a constant moves nothing —
/// and it spreads over the whole map when the map is flat and sits on the peak
/// when it is sharp. A hard argmax is piecewise constant: its influence is zero
/// everywhere, which is why it cannot be trained through.
public struct KeypointInfluence: Sendable {
    /// `∂(keypoint's x (axis 0) or y (axis 1)) / ∂input` for a keypoint (in pixels)
    /// that the method found in `input` (`(B, C, H, W)`) with the settings; the
    /// coordinate differentiated is in the units `normalizedCoordinates` gives.
    let gradient: @Sendable (_ input: AnyTensor, _ keypoint: Keypoint, _ axis: Int, _ settings: KeypointSettings) throws -> AnyTensor

    public init(_ gradient: @escaping @Sendable (AnyTensor, Keypoint, Int, KeypointSettings) throws -> AnyTensor) {
        self.gradient = gradient
    }

    /// The map of `(batch, channel)` of the keypoint among `coordsShape`'s `(B, C, ...)` maps.
    static func mapIndex(_ keypoint: Keypoint, _ coordsShape: [Int]) throws -> Int {
        guard keypoint.batch >= 0, keypoint.batch < coordsShape[0], keypoint.channel >= 0, keypoint.channel < coordsShape[1] else {
            throw SubpixError(
                "influence", "expected a keypoint of a map of \(formatShape(Array(coordsShape.prefix(2)))), got batch \(keypoint.batch), channel \(keypoint.channel)")
        }
        return keypoint.batch * coordsShape[1] + keypoint.channel
    }

    /// A tensor of zeros with a 1 at flat `index`.
    static func oneHot<S: SubpixScalar>(_ shape: [Int], at index: Int) -> Tensor<S> {
        var tensor = Tensor<S>(shape: shape, repeating: 0)
        tensor.withUnsafeMutableBufferPointer { $0[index] = 1 }
        return tensor
    }
}

extension KeypointMethod {
    /// The influence map of `keypoint`'s coordinate `axis` (0: x, 1: y) on `input`.
    ///
    /// - Throws: ``SubpixError`` (op `influence`) for a method without an influence
    ///   map, or a keypoint that the method's output does not have.
    public func influence(of keypoint: Keypoint, axis: Int, in input: AnyTensor, with settings: KeypointSettings) throws -> AnyTensor {
        guard let influence else {
            let names = Self.all.filter { $0.influence != nil }.map(\.name).joined(separator: ", ")
            throw SubpixError("influence", "expected a 2D method (\(names)), got \(name)")
        }
        return try influence.gradient(input, keypoint, axis, settings)
    }
}
