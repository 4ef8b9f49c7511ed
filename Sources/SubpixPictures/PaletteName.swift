/// The colour ramps of the viewer; `auto` picks `diverging` for signed data
/// (such as a DoG volume) and `viridis` otherwise.
public enum PaletteName: String, Sendable, CaseIterable {
    case auto, viridis, magma, gray, diverging
}
