import SubpixPictures


/// A palette as the terminal draws it: the exact 256-stop ``ColorMap`` in true
/// colour, its ``XtermRamp`` in 256-colour mode, nothing in ASCII mode (the
/// heatmap then uses the ``AsciiRamp``).
public struct Palette: Sendable, Equatable {
    public let map: ColorMap
    public let mode: ColorMode
    /// In 256 colours the map's ``XtermRamp`` (looked up once, not per cell); else empty.
    private let xtermRamp: [UInt8]

    public init(_ name: PaletteName, mode: ColorMode) {
        map = ColorMap(name)
        self.mode = mode
        xtermRamp = mode == .xterm256 ? XtermRamp.indices[map.name] ?? [] : []
    }

    /// The palette for `name`, resolving `auto`: diverging for signed data, viridis otherwise.
    public static func resolve(_ name: PaletteName, signed: Bool, mode: ColorMode) -> Palette {
        Palette(ColorMap.resolve(name, signed: signed).name, mode: mode)
    }

    public var name: PaletteName { map.name }

    /// Colour of a NaN cell (bright magenta) on any palette.
    public static let nanColor: TerminalColor = 201

    /// The colour for position `t` in [0, 1] (clamped).
    public func color(_ t: Double) -> TerminalColor {
        switch mode {
        case .trueColor: .rgb(map.color(t))
        case .xterm256: .indexed(xtermRamp.isEmpty ? 0 : xtermRamp[map.index(t)])
        case .ascii: .standard
        }
    }
}
