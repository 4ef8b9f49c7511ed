/// kornia's `ConvSoftArgmax2d` module: ``convSoftArgmax2d(_:kernelSize:stride:padding:temperature:normalizedCoordinates:eps:outputValue:version:)``
/// with its parameters fixed, and kornia's defaults.
///
/// ```swift
/// let softArgmax = ConvSoftArgmax2d(kernelSize: [3, 3], stride: [2, 2], outputValue: true)
/// let (coords, values) = try softArgmax(heatmaps)
/// ```
public struct ConvSoftArgmax2d: Sendable, Equatable {
    public var kernelSize: [Int]
    public var stride: [Int]
    public var padding: [Int]
    public var temperature: Double
    public var normalizedCoordinates: Bool
    public var eps: Double
    public var outputValue: Bool
    /// The kornia release whose numbers the module gives.
    public var version: KorniaVersion

    public init(
        kernelSize: [Int] = [3, 3], stride: [Int] = [1, 1], padding: [Int] = [1, 1], temperature: Double = 1.0,
        normalizedCoordinates: Bool = true, eps: Double = 1e-8, outputValue: Bool = false, version: KorniaVersion = .default
    ) {
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.temperature = temperature
        self.normalizedCoordinates = normalizedCoordinates
        self.eps = eps
        self.outputValue = outputValue
        self.version = version
    }

    public func callAsFunction<S: SubpixScalar>(_ input: Tensor<S>) throws -> (coords: Tensor<S>, values: Tensor<S>?) {
        try convSoftArgmax2d(
            input, kernelSize: kernelSize, stride: stride, padding: padding, temperature: temperature,
            normalizedCoordinates: normalizedCoordinates, eps: eps, outputValue: outputValue, version: version)
    }
}

/// kornia's `ConvSoftArgmax3d` module: ``convSoftArgmax3d(_:kernelSize:stride:padding:temperature:normalizedCoordinates:eps:outputValue:strictMaximaBonus:version:)``
/// with its parameters fixed, and kornia's defaults.
///
/// ```swift
/// let softArgmax = ConvSoftArgmax3d(kernelSize: [3, 3, 3], stride: [1, 2, 2], padding: [0, 1, 1])
/// let (coords, values) = try softArgmax(volumes)
/// ```
public struct ConvSoftArgmax3d: Sendable, Equatable {
    public var kernelSize: [Int]
    public var stride: [Int]
    public var padding: [Int]
    public var temperature: Double
    public var normalizedCoordinates: Bool
    public var eps: Double
    public var outputValue: Bool
    /// kornia 0.7.4's bonus at strict maxima (0.9 ignores it).
    public var strictMaximaBonus: Double
    /// The kornia release whose numbers the module gives.
    public var version: KorniaVersion

    public init(
        kernelSize: [Int] = [3, 3, 3], stride: [Int] = [1, 1, 1], padding: [Int] = [1, 1, 1],
        temperature: Double = 1.0, normalizedCoordinates: Bool = false, eps: Double = 1e-8,
        outputValue: Bool = true, strictMaximaBonus: Double = KorniaDefaults.convSoftArgmax3dStrictMaximaBonus,
        version: KorniaVersion = .default
    ) {
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.temperature = temperature
        self.normalizedCoordinates = normalizedCoordinates
        self.eps = eps
        self.outputValue = outputValue
        self.strictMaximaBonus = strictMaximaBonus
        self.version = version
    }

    public func callAsFunction<S: SubpixScalar>(_ input: Tensor<S>) throws -> (coords: Tensor<S>, values: Tensor<S>?) {
        try convSoftArgmax3d(
            input, kernelSize: kernelSize, stride: stride, padding: padding, temperature: temperature,
            normalizedCoordinates: normalizedCoordinates, eps: eps, outputValue: outputValue,
            strictMaximaBonus: strictMaximaBonus, version: version)
    }
}
