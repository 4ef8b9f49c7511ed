import Foundation
import Subpix

extension KeypointMethod {
    /// The keypoints of `map` — one `(1, 1, H, W)` map or `(1, 1, D, H, W)`
    /// volume — with the view's settings, in pixels, best first, and the shape
    /// of the op's coordinate output.
    /// `tensorMaximum` is the viewed tensor's largest finite value, read only in threshold
    /// mode `tensor`; `noiseFloor` the confidence rule's floor for the map (``ConfidenceRule/noiseFloor(_:)``).
    func extract<S: SubpixScalar>(_ map: Tensor<S>, view: ViewSettings, tensorMaximum: () -> Double? = { nil }, noiseFloor: Double? = nil) throws
        -> (keypoints: KeypointList, outputShape: [Int]) {
        try keypoints(of: AnyTensor(map), with: view.keypointSettings(
            minValue: minimumValue(view, map: map, tensorMaximum: tensorMaximum, noiseFloor: noiseFloor)))
    }

    /// The script lines that compute what the viewer lists for this method on
    /// `input` (a variable holding one `(1, 1, ...)` map) with `view`'s settings,
    /// ending with `kp = keypoints(...)`; `minValue` is the bound the viewer applied.
    func scriptLines(input: String, view: ViewSettings, minValue: Double?) -> [String] {
        script(input: input, with: view.keypointSettings(minValue: minValue)).map(\.source)
    }

    /// The strict-maxima bonus this method runs with under `view`.
    public func strictMaximaBonus(_ view: ViewSettings) -> Double {
        strictMaximaBonus(view.strictMaximaBonus)
    }

    /// The smallest value a keypoint of `map` may have with `view`'s threshold and `min_value`.
    /// `tensorMaximum` and `noiseFloor` as in ``extract(_:view:tensorMaximum:noiseFloor:)``.
    public func minimumValue<S: SubpixScalar>(_ view: ViewSettings, map: Tensor<S>, tensorMaximum: () -> Double? = { nil }, noiseFloor: Double? = nil) -> Double? {
        // In the map's own dtype: a generic scan across modules costs more than the keypoints.
        minimumValue(view, mapMaximum: { AnyTensor(map).visit(Self.finiteMaximum, Self.finiteMaximum) },
                     tensorMaximum: tensorMaximum, noiseFloor: noiseFloor)
    }

    /// ``minimumValue(_:map:tensorMaximum:noiseFloor:)`` with the map's largest finite
    /// value given by `mapMaximum` (read only in threshold mode `map`), for a caller that
    /// knows it already (``MapStatistics/maximum``).
    public func minimumValue(_ view: ViewSettings, mapMaximum: () -> Double?, tensorMaximum: () -> Double?, noiseFloor: Double?) -> Double? {
        Self.minimumValue(view, applying: settings, bonus: thresholdBonus(view), noiseFloor: noiseFloor, reference: {
            switch view.thresholdMode {
            case .map: mapMaximum()
            case .tensor: tensorMaximum()
            case .absolute: 1
            }
        })
    }

    /// What this method adds to the value of every keypoint the threshold judges:
    /// the strict-maxima bonus of a method that adds it at every strict maximum,
    /// which is every keypoint the view lists (kornia 0.7's `conv_quad_interp3d`; a
    /// negative bonus is ignored), so that the threshold compares the interpolated peak
    /// itself; 0 for the other methods.
    func thresholdBonus(_ view: ViewSettings) -> Double {
        addsBonusToValues(in: view.kornia) ? Swift.max(0, strictMaximaBonus(view)) : 0
    }

    /// The smallest value a keypoint may have: the largest of `min_value`,
    /// `threshold` × `reference` + `bonus` (when the method takes a threshold and
    /// the reference — the map's or the tensor's largest finite value, or 1 for an
    /// absolute threshold — is positive) and, for a method that takes a threshold,
    /// the confidence rule's `noiseFloor` + `bonus`; nil when none applies.
    static func minimumValue(
        _ view: ViewSettings, applying settings: [Setting], bonus: Double, noiseFloor: Double? = nil, reference: () -> Double?
    ) -> Double? {
        // 4 significant digits: the number a saved script shows is the one applied.
        func rounded(_ value: Double) -> Double { Double(String(format: "%.4g", value)) ?? value }
        var bounds: [Double] = []
        if settings.contains(.minValue), let minValue = view.minValue { bounds.append(minValue) }
        if settings.contains(.threshold), let threshold = view.threshold, let maximum = reference(), maximum > 0 {
            bounds.append(rounded(threshold * maximum) + bonus)
        }
        if settings.contains(.threshold), let noiseFloor, noiseFloor.isFinite { bounds.append(rounded(noiseFloor) + bonus) }
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

extension ViewSettings {
    /// The settings a keypoint method runs with under this view, with `minValue` the bound it applies.
    public func keypointSettings(minValue: Double?) -> KeypointSettings {
        var settings = KeypointSettings()
        (settings.temperature, settings.kernelSize, settings.stride, settings.padding) = (temperature, kernelSize, stride, padding)
        (settings.depthKernel, settings.depthStride, settings.depthPadding) = (depthKernel, depthStride, depthPadding)
        (settings.normalizedCoordinates, settings.strictMaximaBonus, settings.nIters) = (normalizedCoordinates, strictMaximaBonus, nIters)
        (settings.topK, settings.minValue, settings.version) = (topK, minValue, kornia)
        return settings
    }
}
