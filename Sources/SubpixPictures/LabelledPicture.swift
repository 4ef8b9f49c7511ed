import Foundation

/// A ``HeatmapPicture`` with what a reader needs beside it, for slides and papers: title
/// lines over it (the file, the map, the method and its settings), the values at the ends
/// and middle of its colour bar — the range the palette actually spans — under the bar, and
/// a legend of its markers, in the grid picture's ``PixelFont`` labels.
public struct LabelledPicture: Sendable {
    /// One legend row: a marker and what it marks.
    public struct LegendEntry: Sendable {
        public var style: MarkerStyle
        public var label: String

        public init(_ style: MarkerStyle, _ label: String) {
            (self.style, self.label) = (style, label)
        }
    }

    public var picture: HeatmapPicture
    public var title: [String]
    public var legend: [LegendEntry]

    public init(_ picture: HeatmapPicture, title: [String], legend: [LegendEntry]) {
        (self.picture, self.title, self.legend) = (picture, title, legend)
    }

    static let scale = GridPicture.labelScale, margin = GridPicture.margin
    /// A row of text: the font and a margin under it.
    static var lineHeight: Int { GridPicture.labelHeight }
    /// The legend's markers, in pixels.
    static let legendRadius = 6.0

    /// Where the map's top-left pixel lands in the rendered image.
    public var mapOrigin: (x: Int, y: Int) { (Self.margin, Self.margin + title.count * Self.lineHeight) }

    /// `-0.767`, `0`, `0.767`: the colour bar's low end, middle and high end.
    public var tickLabels: [String] { Self.tickLabels(picture.scale) }

    /// The low end, middle and high end of the range `scale` spans on the palette.
    public static func tickLabels(_ scale: ColorScale) -> [String] {
        let (low, high) = scale.shownRange
        return [low, (low + high) / 2, high].map { String(format: "%.4g", $0 == 0 ? 0 : $0) }
    }

    /// Whether the three labels fit side by side, a glyph apart, under a bar `width` pixels wide.
    private static func ticksFit(_ labels: [String], width: Int) -> Bool {
        labels.map { PixelFont.width(of: $0, scale: scale) }.reduce(0, +) + 2 * PixelFont.advance * scale <= width
    }

    /// The width the labels under a bar `width` pixels wide take: the bar's, or where the three
    /// do not fit in it, the low and high ends one after the other.
    static func ticksWidth(_ labels: [String], bar width: Int) -> Int {
        guard let low = labels.first, let high = labels.last, !ticksFit(labels, width: width) else { return width }
        return max(width, PixelFont.width(of: low + " " + high, scale: scale))
    }

    /// Draws the bar's labels (low end, middle, high end) in a row from (`left`, `top`): under a
    /// bar `width` pixels wide the low end at its left, the middle centred, the high end at its
    /// right; where they do not fit side by side, the low and high ends only, a space apart.
    static func drawTicks(_ labels: [String], into image: inout RGBImage, left: Int, top: Int, width: Int) {
        guard let low = labels.first, let high = labels.last else { return }
        guard ticksFit(labels, width: width) else {
            PixelFont.draw(low + " " + high, into: &image, x: left, y: top, scale: scale, color: GridPicture.textColor)
            return
        }
        for (index, text) in labels.enumerated() {
            let textWidth = PixelFont.width(of: text, scale: scale)
            let x = left + [0, (width - textWidth) / 2, width - textWidth][min(index, 2)]
            PixelFont.draw(text, into: &image, x: x, y: top, scale: scale, color: GridPicture.textColor)
        }
    }

    public func render() -> RGBImage {
        let map = picture.render()
        let (margin, line, scale) = (Self.margin, Self.lineHeight, Self.scale)
        let legendIndent = Int(2 * Self.legendRadius) + margin
        let textWidths = title.map { PixelFont.width(of: $0, scale: scale) }
            + legend.map { legendIndent + PixelFont.width(of: $0.label, scale: scale) }
        let width = 2 * margin + max(Self.ticksWidth(tickLabels, bar: map.width), textWidths.max() ?? 0)
        let height = mapOrigin.y + map.height + margin / 2 + line + legend.count * line + margin
        var image = RGBImage(width: width, height: height, color: GridPicture.background)
        for (row, text) in title.enumerated() {
            PixelFont.draw(text, into: &image, x: margin, y: margin + row * line, scale: scale, color: GridPicture.textColor)
        }
        let (left, top) = mapOrigin
        for y in 0..<map.height { for x in 0..<map.width { image[left + x, top + y] = map[x, y] } }
        let ticksTop = top + map.height + margin / 2
        Self.drawTicks(tickLabels, into: &image, left: left, top: ticksTop, width: map.width)
        for (row, entry) in legend.enumerated() {
            let y = ticksTop + (row + 1) * line
            let textHeight = PixelFont.glyphHeight * scale
            entry.style.draw(into: &image, x: left + Int(Self.legendRadius), y: y + textHeight / 2,
                             radius: Self.legendRadius, on: GridPicture.background)
            PixelFont.draw(entry.label, into: &image, x: left + legendIndent, y: y, scale: scale, color: GridPicture.textColor)
        }
        return image
    }
}
