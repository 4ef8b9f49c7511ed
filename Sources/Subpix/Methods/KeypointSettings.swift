/// The settings a keypoint method runs with (the viewer's, or a caller's own),
/// already resolved: `minValue` is the bound the caller applies, threshold included.
public struct KeypointSettings: Sendable, Hashable {
    public var temperature = 1.0
    /// Added to each window's sum of exponentials (kornia's `eps` of the windowed ops).
    public var eps = 1e-8
    /// Window (H, W), stride and zero padding of the windowed methods; the NMS window of the others.
    public var kernelSize = [3, 3]
    public var stride = [1, 1]
    public var padding = [1, 1]
    /// Window depth, stride and padding along D for the 3D methods.
    public var depthKernel = 3
    public var depthStride = 1
    public var depthPadding = 1
    public var normalizedCoordinates = false
    /// The strict-maxima bonus; nil: the method's kornia default.
    public var strictMaximaBonus: Double?
    public var nIters = 5
    /// At most this many keypoints per map.
    public var topK = 50
    /// Keypoints below this value are dropped (nil: keep all).
    public var minValue: Double?
    /// The kornia release whose numbers the method gives.
    public var version: KorniaVersion = .default

    public init() {}
}

extension KeypointSettings {
    /// The settings a call of a method's op gives (its kornia keywords, bound with their defaults).
    public init(_ arguments: Method.Arguments) {
        self.init()
        version = arguments.version
        if case .real(let value)? = arguments["temperature"] { temperature = value }
        if case .real(let value)? = arguments["eps"] { eps = value }
        if case .integers(let value)? = arguments["kernel_size"] { kernelSize = value }
        if case .integers(let value)? = arguments["stride"] { stride = value }
        if case .integers(let value)? = arguments["padding"] { padding = value }
        if case .bool(let value)? = arguments["normalized_coordinates"] { normalizedCoordinates = value }
    }
}
