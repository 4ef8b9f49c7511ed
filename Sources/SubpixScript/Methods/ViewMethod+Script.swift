import Subpix

extension ViewMethod {
    /// The script lines that compute what the viewer lists for this method on
    /// `input` (a variable holding one `(1, 1, ...)` map) with `view`'s
    /// settings, ending with `kp = keypoints(...)`: one op call with kornia's
    /// keyword arguments, numbers written as a person would type them.
    /// `minValue` is the threshold the viewer applied (see ``minimumValue``).
    func scriptLines(input x: String, view: ViewSettings, minValue: Double?) -> [String] {
        let normalized = "normalized_coordinates=\(Value.bool(view.normalizedCoordinates).repr)"
        let filters = ["top_k=\(view.topK)"] + (minValue.map { ["min_value=\(Value.float($0).repr)"] } ?? [])
        let window = "kernel_size=\(pair(view.kernelSize)), stride=\(pair(view.stride)), padding=\(pair(view.padding))"
        let temperature = "temperature=\(Value.float(view.temperature).repr)"
        switch self {
        case .spatialSoftArgmax2d:
            return ["coords = spatial_soft_argmax2d(\(x), \(temperature), \(normalized))", "kp = keypoints(coords)"]
        case .convSoftArgmax2d:
            return ["coords, vals = conv_soft_argmax2d(\(x), \(window), \(temperature), \(normalized), output_value=True)",
                    "kp = keypoints(coords, vals, mask=nms2d(vals, \(pair(view.kernelSize.map { 2 * $0 - 1 })), mask_only=True), \(filters.joined(separator: ", ")))"]
        case .nms2d:
            return ["kp = keypoints(\(x), mask=nms2d(\(x), \(pair(view.kernelSize)), mask_only=True), \(filters.joined(separator: ", ")), \(normalized))"]
        case .quarter, .parabola, .gaussian, .centroid3, .quadratic, .dark, .darkUDP:
            // The field's decoders refine the NMS maxima, given to them as keypoints.
            return ["maxima = keypoints(\(x), mask=nms2d(\(x), \(pair(view.kernelSize)), mask_only=True), \(filters.joined(separator: ", ")))",
                    "kp = \(refinerCall(x))"]
        case .centroidCOM:
            return ["kp = keypoints(centroid_com(\(x)))"]
        case .convSoftArgmax3d:
            let window3 = "kernel_size=\(triple(view.depthKernel, view.kernelSize)), stride=\(triple(view.depthStride, view.stride)), padding=\(triple(view.depthPadding, view.padding))"
            return ["coords, vals = conv_soft_argmax3d(\(x), \(window3), \(temperature), \(normalized), output_value=True, strict_maxima_bonus=\(bonus(view)))",
                    "kp = keypoints(coords, vals, mask=nms3d(vals, (3, 3, 3), mask_only=True), \(filters.joined(separator: ", ")))"]
        case .convQuadInterp3d:
            return ["coords, vals = conv_quad_interp3d(\(x), strict_maxima_bonus=\(bonus(view)))",
                    "kp = keypoints(coords, vals, mask=nms3d(\(x), (3, 3, 3), mask_only=True), \(filters.joined(separator: ", ")))"]
        case .iterativeQuadInterp3d:
            return ["coords, vals = iterative_quad_interp3d(\(x), n_iters=\(view.nIters))",
                    "kp = keypoints(coords, vals, mask=nms3d(\(x), (3, 3, 3), mask_only=True), \(filters.joined(separator: ", ")))"]
        }
    }

    /// The builtin call that refines `maxima` on map `x` as this decoder does in the viewer.
    private func refinerCall(_ x: String) -> String {
        switch self {
        case .quarter: "refine_quarter(\(x), maxima)"
        case .parabola: "subpixel_peak(\(x), method='parabolic', coords=maxima)"
        case .gaussian: "subpixel_peak(\(x), method='gaussian', coords=maxima)"
        case .centroid3: "subpixel_peak(\(x), method='centroid', coords=maxima)"
        case .quadratic: "centroid_quadratic(\(x), coords=maxima)"
        case .dark: "refine_dark(\(x), maxima)"
        default: "refine_dark_udp(\(x), maxima)"
        }
    }

    /// Whether the method's op (or `keypoints` for pixel maxima) can give [-1, 1] coordinates.
    public var normalizes: Bool {
        switch self {
        case .spatialSoftArgmax2d, .convSoftArgmax2d, .nms2d, .convSoftArgmax3d: true
        case .quarter, .parabola, .gaussian, .centroid3, .centroidCOM, .quadratic, .dark, .darkUDP: false
        case .convQuadInterp3d, .iterativeQuadInterp3d: false
        }
    }

    private func bonus(_ view: ViewSettings) -> String {
        Value.float(strictMaximaBonus(view)).repr
    }

    private func pair(_ values: [Int]) -> String { "(\(values[0]), \(values[1]))" }

    private func triple(_ depth: Int, _ values: [Int]) -> String { "(\(depth), \(values[0]), \(values[1]))" }
}
