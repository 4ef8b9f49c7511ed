import SubpixPictures
import Synchronization

extension Palette {
    /// The colour of a marker in `style` drawn over the heat colour `background`: the
    /// style's colour made to contrast at least 3 : 1 (WCAG) with it, as this mode can show
    /// it. In 256 colours the nearest entry is checked again and, if rounding lost the
    /// contrast, black or white (whichever contrasts more) is used. ASCII mode has no colour.
    ///
    /// Markers ask this for every cell they cover on every frame, and the answer costs
    /// luminances and (in 256 colours) a search of 240 entries in Oklab, so answers are
    /// remembered: they depend on nothing but the style's colour, the background and the mode.
    public func markerColor(_ style: MarkerStyle, over background: TerminalColor) -> TerminalColor {
        let key = MarkerColorKey(color: style.color, background: background, mode: mode)
        if let known = markerColors.withLock({ $0[key] }) { return known }
        let color = computedMarkerColor(style, over: background)
        markerColors.withLock { colors in
            // True-colour backgrounds are unbounded in number: start over rather than grow.
            if colors.count >= 4096 { colors.removeAll(keepingCapacity: true) }
            colors[key] = color
        }
        return color
    }

    /// ``markerColor(_:over:)`` worked out afresh.
    func computedMarkerColor(_ style: MarkerStyle, over background: TerminalColor) -> TerminalColor {
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

/// What ``Palette/markerColor(_:over:)`` depends on.
private struct MarkerColorKey: Hashable {
    let color: RGB
    let background: TerminalColor
    let mode: ColorMode
}

/// The answers of ``Palette/markerColor(_:over:)`` so far.
private let markerColors = Mutex<[MarkerColorKey: TerminalColor]>([:])
