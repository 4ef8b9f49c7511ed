import Foundation

/// How many colours the terminal shows, which decides how heatmaps are drawn.
public enum ColorMode: String, Sendable, Equatable, CaseIterable {
    /// 24-bit colour: every stop of a palette exactly.
    case trueColor = "truecolor"
    /// 256 colours: each palette's ``XtermRamp``.
    case xterm256 = "256"
    /// 8/16 colours, no colour, or `--colors ascii`: the character ramp ` .,:-=*#%@` (` &Oo~; .:*#@` for signed maps).
    case ascii

    /// What the terminal offers, from its terminfo entry and the environment:
    /// true colour when the entry is a direct-colour one (`RGB`, or 2²⁴ colours)
    /// or `COLORTERM` is `truecolor`/`24bit` (what terminals that have it set);
    /// otherwise 256 colours when the entry has them; otherwise ASCII.
    public static func detect(terminfoColors: Int, directColor: Bool, environment: [String: String]) -> ColorMode {
        if directColor || terminfoColors >= 1 << 24 { return .trueColor }
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        if terminfoColors >= 8, ["truecolor", "24bit"].contains(colorTerm) { return .trueColor }
        return terminfoColors >= 256 ? .xterm256 : .ascii
    }

    /// What the panel says is in use.
    public var label: String {
        switch self {
        case .trueColor: "true colour"
        case .xterm256: "256 colours"
        case .ascii: "ASCII"
        }
    }
}
