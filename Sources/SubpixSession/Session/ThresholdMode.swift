/// What `view.threshold` is measured against (`view.threshold_mode`).
public enum ThresholdMode: String, Sendable, Hashable, CaseIterable {
    /// A fraction of the shown map's largest value (the default).
    case map
    /// A fraction of the whole tensor's largest value, so a weak map of a `(B, K, …)` output keeps fewer points.
    case tensor
    /// A value itself, the same bound on every map.
    case absolute

    /// The next mode of the viewer's key: map → tensor → absolute → map.
    public var next: ThresholdMode {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// What the threshold is in this mode, for messages.
    public var meaning: String {
        switch self {
        case .map: "a fraction of the map's maximum"
        case .tensor: "a fraction of the whole tensor's maximum"
        case .absolute: "a value"
        }
    }

    /// Whether the threshold is a fraction (0…1) rather than a value.
    public var isRelative: Bool { self != .absolute }
}
