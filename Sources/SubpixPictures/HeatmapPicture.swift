/// A 2D map as a picture: each data pixel an `upscale × upscale` block of its palette
/// colour (nearest, so pixels stay crisp), keypoint markers on top, and a colour bar
/// underneath spanning the palette from the scale's low end (left) to its high end.
///
/// ```swift
/// let picture = HeatmapPicture(values: map, width: 64, height: 48, colorMap: ColorMap(.viridis),
///                              scale: ColorScale(fitting: map), upscale: 8)
/// let png = try PNGImage.encode(picture.render())
/// ```
public struct HeatmapPicture: Sendable {
    /// Keypoints drawn with one style, in data pixel coordinates (pixel centres at integers).
    public struct Layer: Sendable {
        public var style: MarkerStyle
        public var points: [(x: Double, y: Double)]

        public init(style: MarkerStyle, points: [(x: Double, y: Double)]) {
            self.style = style
            self.points = points
        }
    }

    public var values: [Double]
    public var width: Int
    public var height: Int
    public var colorMap: ColorMap
    public var scale: ColorScale
    public var upscale: Int
    public var layers: [Layer]

    /// NaN and ±infinity (bright magenta, as in the viewer).
    public static let nonFiniteColor = RGB(255, 95, 255)
    /// Between the map and the colour bar.
    static let gapColor = RGB(40, 40, 40)
    /// The most pixels a picture may have (2²⁶, 192 MiB of RGB).
    public static let maximumPixels = 1 << 26

    public init(values: [Double], width: Int, height: Int, colorMap: ColorMap, scale: ColorScale,
                upscale: Int = 1, layers: [Layer] = []) {
        self.values = values
        self.width = width
        self.height = height
        self.colorMap = colorMap
        self.scale = scale
        self.upscale = max(1, upscale)
        self.layers = layers
    }

    /// Rows under the map: a gap and the colour bar.
    public var gapHeight: Int { max(2, upscale / 2) }
    public var colorBarHeight: Int { max(8, 2 * upscale) }

    /// The picture's size: the map upscaled, plus the gap and the colour bar below it.
    public var size: (width: Int, height: Int) {
        (width * upscale, height * upscale + gapHeight + colorBarHeight)
    }

    /// Marker radius in pixels: one data pixel, at least 4, at most 16.
    public var markerRadius: Double { min(16, max(4, Double(upscale))) }

    /// The image pixel that holds data point (x, y): pixel `i` spans `[i·upscale, (i+1)·upscale)`.
    public func pixel(x: Double, y: Double) -> (x: Int, y: Int) {
        (Int(((x + 0.5) * Double(upscale)).rounded(.down)), Int(((y + 0.5) * Double(upscale)).rounded(.down)))
    }

    public func render() -> RGBImage {
        let (pictureWidth, pictureHeight) = size
        var image = RGBImage(width: pictureWidth, height: pictureHeight, color: Self.gapColor)
        for y in 0..<height {
            for x in 0..<width {
                image.fill(x: x * upscale, y: y * upscale, width: upscale, height: upscale, with: mapColor(x: x, y: y))
            }
        }
        let barTop = height * upscale + gapHeight
        for column in 0..<pictureWidth {
            let t = pictureWidth > 1 ? Double(column) / Double(pictureWidth - 1) : 0.5
            image.fill(x: column, y: barTop, width: 1, height: colorBarHeight, with: colorMap.color(t))
        }
        // The truth's rings stay on their peaks; the methods' markers fan out where they would cover each other.
        for layer in layers where layer.style == .truth {
            for point in layer.points { drawMarker(at: pixel(point), layer.style, into: &image) }
        }
        let marks = layers.filter { $0.style != .truth }.flatMap { layer in layer.points.map { (style: layer.style, centre: pixel($0)) } }
            .compactMap { mark in mark.centre.map { (style: mark.style, centre: $0) } }
        let fan = MarkerFan(centres: marks.map(\.centre), radius: markerRadius)
        for (mark, centre) in zip(marks, fan.centres) { drawMarker(at: centre, mark.style, into: &image) }
        return image
    }

    /// The image pixel of a finite point inside the map; nil otherwise.
    private func pixel(_ point: (x: Double, y: Double)) -> (x: Int, y: Int)? {
        guard point.x.isFinite, point.y.isFinite else { return nil }
        let centre = pixel(x: point.x, y: point.y)
        return centre.x >= 0 && centre.y >= 0 && centre.x < width * upscale && centre.y < height * upscale ? centre : nil
    }

    /// The map's colour at data pixel (x, y).
    private func mapColor(x: Int, y: Int) -> RGB {
        let value = values[y * width + x]
        return value.isFinite ? colorMap.color(scale.position(value)) : Self.nonFiniteColor
    }

    /// A marker centred on image pixel `centre` (clamped into the map, where a fanned-out
    /// one may have been pushed past its edge), made to contrast with the map colour
    /// there, kept above the colour bar.
    private func drawMarker(at centre: (x: Int, y: Int)?, _ style: MarkerStyle, into image: inout RGBImage) {
        guard let centre else { return }
        let mapBottom = height * upscale
        let (x, y) = (min(max(0, centre.x), width * upscale - 1), min(max(0, centre.y), mapBottom - 1))
        style.draw(into: &image, x: x, y: y, radius: markerRadius, on: mapColor(x: x / upscale, y: y / upscale), above: mapBottom)
    }
}
