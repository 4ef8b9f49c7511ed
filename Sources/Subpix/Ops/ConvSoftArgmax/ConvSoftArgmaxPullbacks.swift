/// The pullback of a windowed soft-argmax: from the cotangents of `coords` and,
/// when the op returned them, of `values` (`nil` counts as zero) to the
/// gradient of the input.
public typealias WindowedSoftArgmaxPullbackFunction<S: SubpixScalar> =
    @Sendable (_ coords: Tensor<S>, _ values: Tensor<S>?) throws -> Tensor<S>

/// ``convSoftArgmax2d(_:kernelSize:stride:padding:temperature:normalizedCoordinates:eps:outputValue:version:)``
/// and its pullback, as torch autograd differentiates kornia's op.
///
/// With `e = exp((x − m) / T)` (kornia 0.7.4: `m` the map's max, held constant as
/// kornia detaches it; 0.9: the window's own max, whose gradient cancels in the
/// softmax, and no `eps`), a window `X` with `D = Σ_X e + eps`, coordinates
/// `c_a = f_a · (centre_a + Σ_X o_a · e / D) − shift` and value `v = Σ_X x · e / D`:
///
///     ∂c_a / ∂x(k) = f_a · e(k) · (o_a(k) − Σ_X o_a · e / D) / (T · D)
///     ∂v / ∂x(k)   = e(k) · (x(k) − v + T) / (T · D)
///
/// for every pixel `k` of `X` (0 elsewhere); `o_a(k)` is the pixel's offset
/// from the window centre (kornia's, by release), `f_a` the normalisation factor
/// (`2 / (size − 1)`, or 1 in pixels). The pullback sums these over every
/// window that reads the pixel, weighted by the cotangents, in one fused pass
/// per map. Because of `eps`, the 0.7.4 gradient's sum over a map is not exactly 0.
/// The 0.9 windows that the forward computes on their own (``WindowedSoftArgmax/ownWindows(_:rows:into:kernel:band:)``)
/// get their gradient on their own too.
///
/// ```swift
/// let (value, pullback) = try convSoftArgmax2dWithPullback(x, kernelSize: [3, 3], outputValue: true)
/// let gradient = try pullback(coordsCotangent, valuesCotangent)   // shape of x
/// ```
///
/// - Returns: the op's `(coords, values)` and its pullback.
/// - Throws: as the op; the pullback throws ``SubpixError`` for a cotangent of
///   another shape than its output, or a values cotangent when the op returned no values.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func convSoftArgmax2dWithPullback<S: SubpixScalar>(
    _ input: Tensor<S>, kernelSize: [Int] = [3, 3], stride: [Int] = [1, 1], padding: [Int] = [1, 1],
    temperature: Double = 1.0, normalizedCoordinates: Bool = true, eps: Double = 1e-8, outputValue: Bool = false,
    version: KorniaVersion = .default
) throws -> (value: (coords: Tensor<S>, values: Tensor<S>?), pullback: WindowedSoftArgmaxPullbackFunction<S>) {
    let op = Method.convSoftArgmax2d.name
    try input.requireShape(rank: 4, layout: "(B, C, H, W)", op: op)
    let axes = try WindowAxis.validated(
        op: op, input: input.shape, kernel: kernelSize, stride: stride, padding: padding, temperature: temperature, version: version)
    let engine = WindowedSoftArgmaxPullback(forward: WindowedSoftArgmax<S>(
        depth: .single, height: axes[0], width: axes[1],
        temperature: temperature, eps: eps, normalized: normalizedCoordinates, volumetric: false, version: version))
    let forward = engine.forward.applyFindingOwnWindows(input, outputValue: outputValue)
    let value = (coords: forward.coords, values: forward.values)
    return (value, { coords, values in
        try engine.gradient(of: input, value: value, cotangents: (coords, values), ownWindows: forward.own, op: op)
    })
}

/// ``convSoftArgmax3d(_:kernelSize:stride:padding:temperature:normalizedCoordinates:eps:outputValue:strictMaximaBonus:version:)``
/// and its pullback.
///
/// The derivatives are those of ``convSoftArgmax2dWithPullback(_:kernelSize:stride:padding:temperature:normalizedCoordinates:eps:outputValue:version:)``
/// with a third (depth) axis. With a strict-maxima bonus (kornia 0.7.4), the value of a window
/// whose centre voxel `c` is a strict maximum is `v · (1 + bonus · x(c))`, so
/// its cotangent reaches the window as `v̄ · (1 + bonus · x(c))` and the centre
/// voxel gets `v̄ · v · bonus` besides (the maxima mask itself is piecewise constant).
///
/// ```swift
/// let (value, pullback) = try convSoftArgmax3dWithPullback(x, kernelSize: [3, 3, 3], stride: [1, 2, 2], padding: [0, 1, 1])
/// let gradient = try pullback(coordsCotangent, valuesCotangent)
/// ```
///
/// - Returns: the op's `(coords, values)` and its pullback.
/// - Throws: as the op; the pullback as the 2D one's.
@_specialize(exported: true, where S == Float)
@_specialize(exported: true, where S == Double)
public func convSoftArgmax3dWithPullback<S: SubpixScalar>(
    _ input: Tensor<S>, kernelSize: [Int] = [3, 3, 3], stride: [Int] = [1, 1, 1], padding: [Int] = [1, 1, 1],
    temperature: Double = 1.0, normalizedCoordinates: Bool = false, eps: Double = 1e-8, outputValue: Bool = true,
    strictMaximaBonus: Double = 0, version: KorniaVersion = .default
) throws -> (value: (coords: Tensor<S>, values: Tensor<S>?), pullback: WindowedSoftArgmaxPullbackFunction<S>) {
    let op = Method.convSoftArgmax3d.name
    guard version == .v0_7, strictMaximaBonus > 0, outputValue else {
        try input.requireShape(rank: 5, layout: "(B, C, D, H, W)", op: op)
        let axes = try WindowAxis.validated(
            op: op, input: input.shape, kernel: kernelSize, stride: stride, padding: padding, temperature: temperature, version: version)
        let engine = WindowedSoftArgmaxPullback(forward: WindowedSoftArgmax<S>(
            depth: axes[0], height: axes[1], width: axes[2],
            temperature: temperature, eps: eps, normalized: normalizedCoordinates, volumetric: true, version: version))
        let forward = engine.forward.applyFindingOwnWindows(input, outputValue: outputValue)
        let value = (coords: forward.coords, values: forward.values)
        return (value, { coords, values in
            try engine.gradient(of: input, value: value, cotangents: (coords, values), ownWindows: forward.own, op: op)
        })
    }
    let value = try convSoftArgmax3d(
        input, kernelSize: kernelSize, stride: stride, padding: padding, temperature: temperature,
        normalizedCoordinates: normalizedCoordinates, eps: eps, outputValue: outputValue, strictMaximaBonus: strictMaximaBonus,
        version: version)
    let axes = try WindowAxis.validated(
        op: op, input: input.shape, kernel: kernelSize, stride: stride, padding: padding, temperature: temperature, version: version)
    let engine = WindowedSoftArgmaxPullback(forward: WindowedSoftArgmax<S>(
        depth: axes[0], height: axes[1], width: axes[2],
        temperature: temperature, eps: eps, normalized: normalizedCoordinates, volumetric: true, version: version))
    let bonus = StrictMaximaBonusPullback<S>(
        bonus: S(strictMaximaBonus), maxima: try nms3dKornia074Mask(input, kernelSize: kernelSize, op: op), axes: axes)
    return (value, { coords, values in
        guard let values else { return try engine.gradient(of: input, value: value, cotangents: (coords, nil), ownWindows: [], op: op) }
        try values.requireCotangent(of: value.values?.shape ?? [], output: "values", op: op)
        // Every argument spelled out: with a defaulted one, Swift 6.3's release build
        // refers to an exported Double pre-specialisation of the default that it never
        // emits, and linking fails.
        let pooled = try convSoftArgmax3d(
            input, kernelSize: kernelSize, stride: stride, padding: padding, temperature: temperature,
            normalizedCoordinates: normalizedCoordinates, eps: eps, outputValue: true, strictMaximaBonus: 0, version: version).values ?? values
        // The windows' own values (`V / D`, no bonus) go with their cotangent.
        var gradient = try engine.gradient(
            of: input, value: (value.coords, pooled), cotangents: (coords, bonus.windowCotangent(values, input: input)),
            ownWindows: [], op: op)
        bonus.addCentreGradient(values, pooled: pooled, to: &gradient)
        return gradient
    })
}

extension WindowedSoftArgmaxPullback {
    /// Checks the cotangents against the op's outputs and runs the backward pass over
    /// every map of `input`; the windows the forward computed on their own
    /// (`ownWindows`, flat output indices) get their gradient on their own too.
    func gradient(
        of input: Tensor<S>, value: (coords: Tensor<S>, values: Tensor<S>?),
        cotangents: (coords: Tensor<S>, values: Tensor<S>?), ownWindows: [Int], op: String
    ) throws -> Tensor<S> {
        try cotangents.coords.requireCotangent(of: value.coords.shape, output: "coords", op: op)
        if let values = cotangents.values {
            guard let shape = value.values?.shape else {
                throw SubpixError(op, "expected no values cotangent (output_value is False), got \(formatShape(values.shape))")
            }
            try values.requireCotangent(of: shape, output: "values", op: op)
        }
        guard !ownWindows.isEmpty else { return sharedGradient(of: input, value: value, cotangents: cotangents) }
        // The shared pass leaves the own windows out (zero cotangents, zero values: their
        // sums there may be all underflow), then each adds its own part.
        let shared = (coords: cotangents.coords.zeroing(ownWindows, planes: coordinateAxes, planeSize: outputMap),
                      values: cotangents.values?.zeroing(ownWindows, planes: 1, planeSize: outputMap))
        let pooled = value.values?.zeroing(ownWindows, planes: 1, planeSize: outputMap)
        var gradient = sharedGradient(of: input, value: (value.coords, pooled), cotangents: shared)
        addOwnWindowGradients(input, ownWindows, cotangents: cotangents, into: &gradient)
        return gradient
    }

    /// The backward pass over every map of `input`, every window through the shared sums.
    private func sharedGradient(
        of input: Tensor<S>, value: (coords: Tensor<S>, values: Tensor<S>?), cotangents: (coords: Tensor<S>, values: Tensor<S>?)
    ) -> Tensor<S> {
        let maps = input.shape[0] * input.shape[1]
        return input.withUnsafeBufferPointer { x in
            cotangents.coords.withUnsafeBufferPointer { coords in
                Tensor<S>(validShape: input.shape) { output in
                    guard let x = x.baseAddress, let coords = coords.baseAddress, let out = output.baseAddress else { return }
                    if let values = cotangents.values, let pooled = value.values {
                        values.withUnsafeBufferPointer { values in
                            pooled.withUnsafeBufferPointer { pooled in
                                gradient(x, maps: maps, coords: coords, values: values.baseAddress, pooled: pooled.baseAddress, into: out)
                            }
                        }
                    } else {
                        gradient(x, maps: maps, coords: coords, values: nil, pooled: nil, into: out)
                    }
                }
            }
        }
    }
}
