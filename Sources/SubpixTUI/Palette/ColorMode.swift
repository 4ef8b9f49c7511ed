/// How many colours the terminal shows, which decides how heatmaps are drawn.
public enum ColorMode: Sendable, Equatable {
    /// 256 colours: half blocks with palette colours.
    case xterm256
    /// 8/16 colours, no colour, or `--ascii`: the character ramp ` .:-=+*#%@`.
    case ascii
}
