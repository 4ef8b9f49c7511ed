/// Small multiples as one picture: a title, then each map (a ``HeatmapPicture``
/// with its markers, without its colour bar) under a label naming it, with its
/// keypoint count or "no peak" in the badge colours, in `columns` columns; one
/// colour bar for the palette at the bottom, its values (``tickLabels``) under it.
public struct GridPicture: Sendable {
    /// One map and what its label says.
    public struct Panel: Sendable {
        public var picture: HeatmapPicture
        /// `C5`, `B2 C5`.
        public var name: String
        /// Whether the map has a confident peak (the badge's colour).
        public var hasPeak: Bool
        /// The keypoint count shown beside the name, when known.
        public var keypoints: Int?

        public init(picture: HeatmapPicture, name: String, hasPeak: Bool, keypoints: Int?) {
            (self.picture, self.name, self.hasPeak, self.keypoints) = (picture, name, hasPeak, keypoints)
        }

        /// `2 KP`, `PEAK`, `NO PEAK`.
        var badge: String { hasPeak ? keypoints.map { "\($0) KP" } ?? "PEAK" : "NO PEAK" }
    }

    public var title: String
    public var panels: [Panel]
    public var columns: Int

    /// The labels' font pixels, in picture pixels.
    public static let labelScale = 2
    public static let margin = 6
    public static let background = RGB(24, 24, 24)
    public static let textColor = RGB(235, 235, 235)
    /// The badges: a map with a confident peak, and one without.
    public static let peakColor = RGB(120, 220, 120)
    public static let noPeakColor = RGB(255, 95, 95)

    /// Under the colour bar: its values at the low end, middle and high end where every panel
    /// is coloured on one scale (``LabelledPicture/tickLabels(_:)``); where each map has its own,
    /// what the ends stand for: `MIN`, `EACH MAP`, `MAX` (`-MAX`, `0 EACH MAP`, `MAX` centred).
    public var tickLabels: [String] {
        guard let first = panels.first?.picture.scale else { return [] }
        if panels.allSatisfy({ $0.picture.scale.shownRange == first.shownRange }) { return LabelledPicture.tickLabels(first) }
        return panels.allSatisfy(\.picture.scale.centred) ? ["-MAX", "0 EACH MAP", "MAX"] : ["MIN", "EACH MAP", "MAX"]
    }

    public init(title: String, panels: [Panel], columns: Int) {
        (self.title, self.panels, self.columns) = (title, panels, max(1, columns))
    }

    /// A label row's height: the font and a margin under it.
    static var labelHeight: Int { PixelFont.glyphHeight * labelScale + margin }

    /// The size of one panel: the largest map, its label above, a margin around.
    var cell: (width: Int, height: Int) {
        let mapWidth = panels.map { $0.picture.width * $0.picture.upscale }.max() ?? 0
        let mapHeight = panels.map { $0.picture.height * $0.picture.upscale }.max() ?? 0
        let labelWidth = panels.map { PixelFont.width(of: $0.name + "  " + $0.badge, scale: Self.labelScale) }.max() ?? 0
        return (max(mapWidth, labelWidth) + Self.margin, Self.labelHeight + mapHeight + Self.margin)
    }

    /// Where the map of panel `index` starts: the top-left of its label row.
    public func origin(of index: Int) -> (x: Int, y: Int) {
        let cell = cell
        return (Self.margin + (index % columns) * cell.width, Self.margin + Self.labelHeight + (index / columns) * cell.height)
    }

    public func render() -> RGBImage {
        let cell = cell
        let rows = (panels.count + columns - 1) / columns
        let barHeight = 12
        let width = max(Self.margin * 2 + PixelFont.width(of: title, scale: Self.labelScale), Self.margin + columns * cell.width,
                        Self.margin * 2 + LabelledPicture.ticksWidth(tickLabels, bar: 0))
        let height = Self.margin + Self.labelHeight + rows * cell.height + barHeight + Self.margin / 2 + Self.labelHeight
        var image = RGBImage(width: width, height: height, color: Self.background)
        PixelFont.draw(title, into: &image, x: Self.margin, y: Self.margin, scale: Self.labelScale, color: Self.textColor)
        for (index, panel) in panels.enumerated() {
            let (x, y) = origin(of: index)
            PixelFont.draw(panel.name, into: &image, x: x, y: y, scale: Self.labelScale, color: Self.textColor)
            // The name, then `C5  2 KP` / `C13  NO PEAK`'s badge in its colour.
            PixelFont.draw(panel.badge, into: &image, x: x + PixelFont.width(of: panel.name + "  ", scale: Self.labelScale), y: y,
                           scale: Self.labelScale, color: panel.hasPeak ? Self.peakColor : Self.noPeakColor)
            paste(panel.picture, into: &image, x: x, y: y + Self.labelHeight)
        }
        if let colorMap = panels.first?.picture.colorMap {
            let top = height - Self.labelHeight - Self.margin / 2 - barHeight, span = max(1, width - 2 * Self.margin - 1)
            for column in 0...span { image.fill(x: Self.margin + column, y: top, width: 1, height: barHeight, with: colorMap.color(Double(column) / Double(span))) }
            LabelledPicture.drawTicks(tickLabels, into: &image, left: Self.margin, top: top + barHeight + Self.margin / 2, width: span + 1)
        }
        return image
    }

    /// The map part of `picture` (its markers, not its colour bar) with its top-left at (x, y).
    private func paste(_ picture: HeatmapPicture, into image: inout RGBImage, x: Int, y: Int) {
        let rendered = picture.render()
        for row in 0..<(picture.height * picture.upscale) {
            for column in 0..<rendered.width { image[x + column, y + row] = rendered[column, row] }
        }
    }
}
