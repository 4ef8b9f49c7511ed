import Subpix

/// What one method computes on one map.
struct MethodOutput {
    var keypoints: KeypointList
    /// Shape of the op's coordinate output for this map (batch and channel 1).
    var outputShape: [Int]
}

extension ViewMethod {
    /// The keypoints of `map` — one `(1, 1, H, W)` map or `(1, 1, D, H, W)`
    /// volume — with the view's parameters, in pixels, best first.
    func extract<S: SubpixScalar>(_ map: Tensor<S>, view: ViewSettings) throws -> MethodOutput {
        let (k, s, p, t) = (view.kernelSize, view.stride, view.padding, view.temperature)
        let minValue = minimumValue(view, map: map)
        switch self {
        case .spatialSoftArgmax2d:
            let coords = try Subpix.spatialSoftArgmax2d(map, temperature: t, normalizedCoordinates: false)
            return MethodOutput(keypoints: try Subpix.keypoints(spatialSoftArgmax: coords), outputShape: coords.shape)
        case .convSoftArgmax2d:
            // Band by band: the keypoints of the dense op + NMS + keypoints(...), without its dense outputs.
            let (points, shape) = try Subpix.convSoftArgmax2dKeypoints(
                map, kernelSize: k, stride: s, padding: p, temperature: t, suppression: k.map { 2 * $0 - 1 }, topK: view.topK, minValue: minValue)
            return MethodOutput(keypoints: points, outputShape: shape)
        case .nms2d:
            // Band by band: the keypoints of nms2dMask + keypoints(pixelsOf:), without the mask and the pixel grid.
            let points = try Subpix.nms2dKeypoints(pixelsOf: map, kernelSize: k, topK: view.topK, minValue: minValue)
            return MethodOutput(keypoints: points, outputShape: map.shape)
        case .quarter, .parabola, .gaussian, .centroid3, .quadratic, .dark, .darkUDP:
            return try refineMaxima(map, view: view, minValue: minValue)
        case .centroidCOM:
            return try decodeOnePoint(map)
        case .convSoftArgmax3d:
            let (coords, values) = try Subpix.convSoftArgmax3d(
                map, kernelSize: [view.depthKernel] + k, stride: [view.depthStride] + s, padding: [view.depthPadding] + p,
                temperature: t, normalizedCoordinates: false, outputValue: true,
                strictMaximaBonus: strictMaximaBonus(view))
            let pooled = values ?? map
            let points = try Subpix.keypoints(coords: coords, values: pooled, mask: nms3dMask(pooled, kernelSize: [3, 3, 3]), topK: view.topK, minValue: minValue)
            return MethodOutput(keypoints: points, outputShape: coords.shape)
        case .convQuadInterp3d:
            let (coords, values) = try Subpix.convQuadInterp3d(map, strictMaximaBonus: strictMaximaBonus(view))
            let points = try Subpix.keypoints(coords: coords, values: values, mask: nms3dMask(map, kernelSize: [3, 3, 3]), topK: view.topK, minValue: minValue)
            return MethodOutput(keypoints: points, outputShape: coords.shape)
        case .iterativeQuadInterp3d:
            let mask = try nms3dMask(map, kernelSize: [3, 3, 3])
            let (coords, values) = try Subpix.iterativeQuadInterp3d(map, nIters: view.nIters, precomputedNMSMask: mask)
            let points = try Subpix.keypoints(coords: coords, values: values, mask: mask, topK: view.topK, minValue: minValue)
            return MethodOutput(keypoints: points, outputShape: coords.shape)
        }
    }

    /// The smallest value a keypoint of `map` may have with `view`'s threshold and `min_value`.
    func minimumValue<S: SubpixScalar>(_ view: ViewSettings, map: Tensor<S>) -> Double? {
        Self.minimumValue(view, applying: parameters, bonus: thresholdBonus(view), mapMaximum: { Self.finiteMaximum(map) })
    }

    /// What this method adds to the value of every keypoint the threshold judges:
    /// `conv_quad_interp3d`'s strict-maxima bonus (kornia adds it at every strict
    /// maximum, which is every keypoint the view lists; a negative bonus is
    /// ignored), so that the threshold compares the interpolated peak itself; 0 for
    /// the other methods.
    func thresholdBonus(_ view: ViewSettings) -> Double {
        self == .convQuadInterp3d ? Swift.max(0, strictMaximaBonus(view)) : 0
    }

    /// The smallest value a keypoint may have: the larger of `min_value` and
    /// `threshold` × the map's largest finite value + `bonus` (when the method
    /// takes a threshold and that maximum is positive); nil when neither applies.
    static func minimumValue(
        _ view: ViewSettings, applying parameters: [MethodParameter], bonus: Double, mapMaximum: () -> Double?
    ) -> Double? {
        var bounds: [Double] = []
        if parameters.contains(.minValue), let minValue = view.minValue { bounds.append(minValue) }
        if parameters.contains(.threshold), let threshold = view.threshold, let maximum = mapMaximum(), maximum > 0 {
            // 4 significant digits: the number a saved script shows is the one applied.
            bounds.append((Double(String(format: "%.4g", threshold * maximum)) ?? threshold * maximum) + bonus)
        }
        return bounds.max()
    }

    /// The largest finite element, or nil when there is none.
    static func finiteMaximum<S: SubpixScalar>(_ tensor: Tensor<S>) -> Double? {
        var best = -Double.infinity
        tensor.elements.withUnsafeBufferPointer { values in
            for value in values where value.isFinite && Double(value) > best { best = Double(value) }
        }
        return best > -.infinity ? best : nil
    }
}
