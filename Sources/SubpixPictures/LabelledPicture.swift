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
    public var tickLabels: [String] {
        let (low, high) = picture.scale.shownRange
        return [low, (low + high) / 2, high].map { String(format: "%.4g", $0 == 0 ? 0 : $0) }
    }

    public func render() -> RGBImage {
        let map = picture.render()
        let (margin, line, scale) = (Self.margin, Self.lineHeight, Self.scale)
        let legendIndent = Int(2 * Self.legendRadius) + margin
        let textWidths = title.map { PixelFont.width(of: $0, scale: scale) }
            + legend.map { legendIndent + PixelFont.width(of: $0.label, scale: scale) }
        let width = 2 * margin + max(map.width, textWidths.max() ?? 0)
        let height = mapOrigin.y + map.height + margin / 2 + line + legend.count * line + margin
        var image = RGBImage(width: width, height: height, color: GridPicture.background)
        for (row, text) in title.enumerated() {
            PixelFont.draw(text, into: &image, x: margin, y: margin + row * line, scale: scale, color: GridPicture.textColor)
        }
        let (left, top) = mapOrigin
        for y in 0..<map.height { for x in 0..<map.width { image[left + x, top + y] = map[x, y] } }
        // Under the bar: the low end at its left, the middle centred, the high end at its right.
        let ticksTop = top + map.height + margin / 2
        for (index, text) in tickLabels.enumerated() {
            let textWidth = PixelFont.width(of: text, scale: scale)
            let x = left + [0, (map.width - textWidth) / 2, map.width - textWidth][index]
            PixelFont.draw(text, into: &image, x: max(left, x), y: ticksTop, scale: scale, color: GridPicture.textColor)
        }
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
