/// A palette's 256 colours from low to high, from matplotlib's published tables
/// (see `scripts/make-colormaps.py`): what a value's position on the colour scale
/// looks like, in true colour and in pictures.
public struct ColorMap: Sendable, Equatable {
    /// The concrete palette (never `auto`).
    public let name: PaletteName
    /// 256 colours, low to high.
    public let colors: [RGB]

    /// The palette `name`; `auto` gives viridis (use ``resolve(_:signed:)`` to pick by data).
    public init(_ name: PaletteName) {
        let concrete: PaletteName = name == .auto ? .viridis : name
        self.name = concrete
        colors = (Self.tables[concrete] ?? []).map(RGB.init(hex:))
    }

    /// The palette for `name`, resolving `auto`: diverging for signed data, viridis otherwise.
    public static func resolve(_ name: PaletteName, signed: Bool) -> ColorMap {
        ColorMap(name == .auto ? (signed ? .diverging : .viridis) : name)
    }

    /// The stop index for position `t` in [0, 1] (clamped; NaN gives the lowest).
    public func index(_ t: Double) -> Int {
        guard t.isFinite else { return t > 0 ? colors.count - 1 : 0 }
        return max(0, min(colors.count - 1, Int(t * Double(colors.count))))
    }

    /// The colour at position `t` in [0, 1] (clamped).
    public func color(_ t: Double) -> RGB { colors[index(t)] }
}
