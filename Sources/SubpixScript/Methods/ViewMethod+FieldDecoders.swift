import Subpix

extension ViewMethod {
    /// The accuracy lab's decoder of the same name (every 2D method has one).
    public var decoder: HeatmapDecoder? { HeatmapDecoder(rawValue: rawValue) }

    /// The decoders that take points (quarter, the 3-point fits, quadratic, dark,
    /// dark_udp): every strict maximum of the view's NMS window (with `top_k`,
    /// `min_value` and `threshold`), refined on the map.
    func refineMaxima<S: SubpixScalar>(_ map: Tensor<S>, view: ViewSettings, minValue: Double?) throws -> MethodOutput {
        // Band by band (nms2dMask + keypoints(pixelsOf:) without their dense outputs); each refines from the map around its peak.
        let maxima = try Subpix.nms2dKeypoints(pixelsOf: map, kernelSize: view.kernelSize, topK: view.topK, minValue: minValue)
        let coords = try Tensor<S>(shape: [1, 1, maxima.count, 2], elements: maxima.flatMap { [S($0.x), S($0.y)] })
        let refined: Tensor<S>
        switch self {
        case .quarter: refined = try refineQuarter(map, coords: coords)
        case .parabola: refined = try subpixelPeak(map, coords: coords, method: .parabolic)
        case .gaussian: refined = try subpixelPeak(map, coords: coords, method: .gaussian)
        case .centroid3: refined = try subpixelPeak(map, coords: coords, method: .centroid)
        case .quadratic: refined = try centroidQuadratic(map, coords: coords)
        case .dark: refined = try refineDark(map, coords: coords)
        default: refined = try refineDarkUDP(map, coords: coords)
        }
        let points = maxima.points.enumerated().map { index, point in
            Keypoint(batch: 0, channel: 0, x: Double(refined.elements[2 * index]), y: Double(refined.elements[2 * index + 1]), value: point.value)
        }
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        return MethodOutput(
            keypoints: KeypointList(finite, droppedNonFinite: maxima.droppedNonFinite + points.count - finite.count),
            outputShape: coords.shape)
    }

    /// A whole-map decoder (centroid_com): one keypoint per map, valued 1 as
    /// `keypoints(coords)` gives it (none when the decoder fails, NaN).
    func decodeOnePoint<S: SubpixScalar>(_ map: Tensor<S>) throws -> MethodOutput {
        guard let decoder else { throw SubpixError(rawValue, "is not a single-point decoder") }
        let coords = try decoder.decode(map)
        return MethodOutput(keypoints: try Subpix.keypoints(spatialSoftArgmax: coords), outputShape: coords.shape)
    }
}
