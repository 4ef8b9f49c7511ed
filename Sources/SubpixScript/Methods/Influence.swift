import Subpix

/// A coordinate of a 2D keypoint.
public enum CoordinateAxis: String, Sendable, CaseIterable {
    case x, y

    var index: Int { self == .x ? 0 : 1 }

    /// The axis after this one (`x` → `y` → `x`).
    public var next: CoordinateAxis { self == .x ? .y : .x }
}

/// How strongly each pixel of a map pulls one keypoint: the gradient
/// `∂(the keypoint's x or y) / ∂map` through the method's pullback, a map the
/// size of the input. For the soft-argmax methods it sums to zero over the map
/// (to kornia's `eps` for the windowed one) — adding a constant moves nothing —
/// and it spreads over the whole map when the map is flat and sits on the peak
/// when it is sharp. `nms2d` is a hard argmax: piecewise constant, its
/// influence is zero everywhere, which is why it cannot be trained through.
public enum Influence {
    /// The methods with an influence map: the 2D ones.
    public static let methods: [KeypointMethod] = [.spatialSoftArgmax2d, .convSoftArgmax2d, .nms2d]

    /// The settings of the op a keypoint came from (kornia's keyword arguments).
    public struct Options: Sendable {
        public var kernelSize: [Int] = [3, 3]
        public var stride: [Int] = [1, 1]
        public var padding: [Int] = [1, 1]
        public var temperature: Double = 1
        public var normalizedCoordinates = false
        public var eps = 1e-8

        public init() {}

        /// The viewer's settings (coordinates in pixels).
        public init(_ view: ViewSettings) {
            (kernelSize, stride, padding, temperature) = (view.kernelSize, view.stride, view.padding, view.temperature)
        }
    }

    /// `∂(keypoint.axis) / ∂input` for a keypoint (in pixels) that `method` found
    /// in `input` (`(B, C, H, W)`) with `options`; the coordinate differentiated is
    /// in the units `options.normalizedCoordinates` gives: for `spatial_soft_argmax2d` the keypoint of
    /// map `(batch, channel)`; for `conv_soft_argmax2d` the window of that map whose
    /// coordinates are the keypoint's; for `nms2d` zero.
    ///
    /// - Throws: ``SubpixError`` (op `influence`) for a method without an
    ///   influence map, or a keypoint that no window of its map has.
    public static func map<S: SubpixScalar>(
        _ input: Tensor<S>, method: KeypointMethod, keypoint: Keypoint, axis: CoordinateAxis, options: Options
    ) throws -> Tensor<S> {
        switch method {
        case .spatialSoftArgmax2d:
            let (coords, pullback) = try spatialSoftArgmax2dWithPullback(
                input, temperature: options.temperature, normalizedCoordinates: options.normalizedCoordinates)
            let map = try mapIndex(keypoint, coords.shape)
            return try pullback(oneHot(coords.shape, at: 2 * map + axis.index))
        case .convSoftArgmax2d:
            let (value, pullback) = try convSoftArgmax2dWithPullback(
                input, kernelSize: options.kernelSize, stride: options.stride, padding: options.padding,
                temperature: options.temperature, normalizedCoordinates: options.normalizedCoordinates, eps: options.eps)
            let index = try windowIndex(of: keypoint, in: value.coords, axis: axis, normalized: options.normalizedCoordinates,
                                     inputSize: (input.shape[2], input.shape[3]))
            return try pullback(oneHot(value.coords.shape, at: index), nil)
        case .nms2d:
            _ = try nms2dMask(input, kernelSize: options.kernelSize)
            return Tensor(shape: input.shape, repeating: 0)
        default:
            throw SubpixError(
                "influence", "expected a 2D method (\(methods.map(\.name).joined(separator: ", "))), got \(method.name)")
        }
    }

    /// `(Σ |g| within radius of (x, y), Σ |g| elsewhere)` over `height × width` maps
    /// (one or several, one after the other).
    public static func mass(
        _ maps: [Double], height: Int, width: Int, near point: (x: Double, y: Double), radius: Double = 2
    ) -> (near: Double, elsewhere: Double) {
        var (near, elsewhere) = (0.0, 0.0)
        let plane = max(1, height * width)
        for (index, value) in maps.enumerated() {
            let (row, column) = (index % plane).quotientAndRemainder(dividingBy: max(1, width))
            let (dx, dy) = (Double(column) - point.x, Double(row) - point.y)
            if dx * dx + dy * dy <= radius * radius { near += abs(value) } else { elsewhere += abs(value) }
        }
        return (near, elsewhere)
    }

    private static func mapIndex(_ keypoint: Keypoint, _ coordsShape: [Int]) throws -> Int {
        guard keypoint.batch >= 0, keypoint.batch < coordsShape[0], keypoint.channel >= 0, keypoint.channel < coordsShape[1] else {
            throw SubpixError(
                "influence", "expected a keypoint of a map of \(formatShape(Array(coordsShape.prefix(2)))), got batch \(keypoint.batch), channel \(keypoint.channel)")
        }
        return keypoint.batch * coordsShape[1] + keypoint.channel
    }

    /// The flat index in `coords` (`(B, C, 2, H', W')`) of the keypoint's `axis`
    /// coordinate: the window of its map whose (x, y) are nearest the keypoint's
    /// (in pixels; the coordinates are normalised to [-1, 1] when `normalized`).
    private static func windowIndex<S: SubpixScalar>(
        of keypoint: Keypoint, in coords: Tensor<S>, axis: CoordinateAxis, normalized: Bool, inputSize: (height: Int, width: Int)
    ) throws -> Int {
        let map = try mapIndex(keypoint, coords.shape)
        var keypoint = keypoint
        if normalized {
            keypoint.x = 2 * keypoint.x / max(Double(inputSize.width - 1), 1e-8) - 1
            keypoint.y = 2 * keypoint.y / max(Double(inputSize.height - 1), 1e-8) - 1
        }
        let windows = coords.shape[3] * coords.shape[4]
        let base = map * 2 * windows
        var best: (distance: Double, window: Int)?
        for window in 0..<windows {
            let (dx, dy) = (Double(coords.elements[base + window]) - keypoint.x, Double(coords.elements[base + windows + window]) - keypoint.y)
            let distance = dx * dx + dy * dy
            if distance < best?.distance ?? .infinity { best = (distance, window) }
        }
        guard let best else { throw SubpixError("influence", "expected a keypoint of conv_soft_argmax2d's windows, got none near (\(keypoint.x), \(keypoint.y))") }
        return base + axis.index * windows + best.window
    }

    private static func oneHot<S: SubpixScalar>(_ shape: [Int], at index: Int) -> Tensor<S> {
        var tensor = Tensor<S>(shape: shape, repeating: 0)
        tensor.withUnsafeMutableBufferPointer { $0[index] = 1 }
        return tensor
    }
}
