import SubpixScript

extension Palette {
    /// The colour of a marker in `style` drawn over the heat colour `background`: the
    /// style's colour made to contrast at least 3 : 1 (WCAG) with it, as this mode can show
    /// it. In 256 colours the nearest entry is checked again and, if rounding lost the
    /// contrast, black or white (whichever contrasts more) is used. ASCII mode has no colour.
    public func markerColor(_ style: MarkerStyle, over background: TerminalColor) -> TerminalColor {
        let under = background.rgb ?? .black
        let wanted = style.color.contrasting(against: under)
        switch mode {
        case .ascii: return .standard
        case .trueColor: return .rgb(wanted)
        case .xterm256:
            let nearest = Xterm.nearest(wanted)
            if Xterm.rgb(nearest).contrastRatio(with: under) >= 3 { return .indexed(nearest) }
            return RGB.white.contrastRatio(with: under) >= RGB.black.contrastRatio(with: under) ? .indexed(231) : .indexed(16)
        }
    }

    /// The style's own colour, for the panel's legend.
    public func legendColor(_ style: MarkerStyle) -> TerminalColor {
        switch mode {
        case .ascii: .standard
        case .trueColor: .rgb(style.color)
        case .xterm256: .indexed(Xterm.nearest(style.color))
        }
    }
}
