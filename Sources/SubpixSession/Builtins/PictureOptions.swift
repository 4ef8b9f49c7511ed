import Foundation
import Subpix
import SubpixLanguage
import SubpixPictures

/// `save(x, "map.png", palette=, scale=, keypoints=, range=)`: a single map as a
/// ``HeatmapPicture`` — grey unless a palette is named, scaled to the map's own range
/// (centred on 0 for signed maps, as the viewer does) or to `range=(lo, hi)` — with its
/// colour bar's values under it (a ``LabelledPicture`` without title or legend).
enum PictureOptions {
    static let parameters: [Builtin.Parameter] = [
        .init("palette", Value.none), .init("scale", .int(1)), .init("keypoints", Value.none), .init("range", Value.none),
        .init("grid", .bool(false)),
    ]
    static let largestUpscale = 64

    static func isPicture(_ path: String) -> Bool { URL(fileURLWithPath: path).pathExtension.lowercased() == "png" }

    /// Refuses the picture options for files that are not pictures.
    static func requireNone(_ a: Arguments, path: String) throws {
        for name in ["palette", "keypoints", "range"] where !a[name].isNone {
            throw a.error(name, "None unless the file is a .png", got: "\(name)= for '\(URL(fileURLWithPath: path).lastPathComponent)'")
        }
        if a["scale"] != .int(1) { throw a.error("scale", "1 unless the file is a .png") }
        if a["grid"] != .bool(false) { throw a.error("grid", "False unless the file is a .png") }
    }

    /// The picture of `tensor`, which must hold one map — or with `grid=True` every map
    /// of a `(B, C, H, W)` tensor, each badged by `rule`.
    static func picture(of tensor: AnyTensor, _ a: Arguments, rule: ConfidenceRule) throws -> RGBImage {
        if try a.bool("grid") { return try gridPicture(of: tensor, a, rule: rule).render() }
        let shape = tensor.shape
        guard shape.count >= 2, shape.dropLast(2).allSatisfy({ $0 == 1 }), shape.suffix(2).allSatisfy({ $0 > 0 }) else {
            throw a.error("value", "a single map, (H, W) or (1, 1, H, W), for .png (pick one with x[b, c])")
        }
        let (height, width) = (shape[shape.count - 2], shape[shape.count - 1])
        let upscale = try a.int("scale")
        guard (1...largestUpscale).contains(upscale) else { throw a.error("scale", "an integer from 1 to \(largestUpscale)") }
        var picture = HeatmapPicture(values: tensor.doubles, width: width, height: height, colorMap: ColorMap(.gray),
                                     scale: ColorScale(fitting: []), upscale: upscale)
        let (pixels, overflow) = picture.size.width.multipliedReportingOverflow(by: picture.size.height)
        guard !overflow, pixels <= HeatmapPicture.maximumPixels else {
            throw a.error("scale", "small enough for at most \(HeatmapPicture.maximumPixels) pixels", got: "\(picture.size.width)×\(picture.size.height)")
        }
        let scale = try colorScale(a, picture.values)
        picture.scale = scale
        picture.colorMap = try palette(a).map { ColorMap.resolve($0, signed: scale.centred) } ?? ColorMap(.gray)
        picture.layers = try layers(a)
        return LabelledPicture(picture, title: [], legend: []).render()
    }

    /// Every map of a `(B, C, H, W)` tensor under a label (`C5`, or `B1 C5` with several
    /// batch items) with its keypoint count (`keypoints=`, each list's points on their own
    /// maps) or `NO PEAK` where `rule` finds none; a row per batch item.
    static func gridPicture(of tensor: AnyTensor, _ a: Arguments, rule: ConfidenceRule) throws -> GridPicture {
        let shape = tensor.shape
        guard shape.count == 4, shape.allSatisfy({ $0 > 0 }) else {
            throw a.error("value", "a (B, C, H, W) tensor for grid=True", got: formatShape(shape))
        }
        let (batches, channels, height, width) = (shape[0], shape[1], shape[2], shape[3])
        let upscale = try a.int("scale")
        guard (1...largestUpscale).contains(upscale) else { throw a.error("scale", "an integer from 1 to \(largestUpscale)") }
        guard batches * channels * width * height * upscale * upscale <= HeatmapPicture.maximumPixels else {
            throw a.error("scale", "small enough for at most \(HeatmapPicture.maximumPixels) pixels")
        }
        let values = tensor.doubles, statistics = TensorStatistics(tensor), lists = try keypointLists(a), palette = try palette(a)
        let span = width * height
        let panels = try (0..<(batches * channels)).map { map in
            let (batch, channel) = (map / channels, map % channels)
            let own = Array(values[(map * span)..<((map + 1) * span)])
            let scale = try colorScale(a, own)
            let mine = lists.map { list in
                HeatmapPicture.Layer(style: list.style, points: list.points.filter { $0.batch == batch && $0.channel == channel }.map { ($0.x, $0.y) })
            }
            let picture = HeatmapPicture(values: own, width: width, height: height,
                                         colorMap: palette.map { ColorMap.resolve($0, signed: scale.centred) } ?? ColorMap(.gray),
                                         scale: scale, upscale: upscale, layers: mine)
            return GridPicture.Panel(picture: picture, name: (batches > 1 ? "B\(batch) " : "") + "C\(channel)",
                                     hasPeak: statistics.verdict(batch: batch, channel: channel, rule: rule).isConfident,
                                     keypoints: lists.isEmpty ? nil : mine.map(\.points.count).reduce(0, +))
        }
        return GridPicture(title: formatShape(shape), panels: panels, columns: channels)
    }

    private static func palette(_ a: Arguments) throws -> PaletteName? {
        guard !a["palette"].isNone else { return nil }
        guard let name = PaletteName(rawValue: try a.string("palette")) else {
            throw a.error("palette", "one of " + PaletteName.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
        }
        return name
    }

    private static func colorScale(_ a: Arguments, _ values: [Double]) throws -> ColorScale {
        guard !a["range"].isNone else { return ColorScale(fitting: values) }
        guard let items = a["range"].items, items.count == 2, let low = items[0].number, let high = items[1].number,
              low.isFinite, high.isFinite, low < high else {
            throw a.error("range", "a tuple (lo, hi) of finite numbers with lo < hi")
        }
        return ColorScale(low: low, high: high)
    }

    /// One marker layer per keypoint list: `keypoints=kp` or `keypoints=[kp1, kp2, ...]`,
    /// styled in the viewer's method order.
    private static func layers(_ a: Arguments) throws -> [HeatmapPicture.Layer] {
        try keypointLists(a).map { style, points in HeatmapPicture.Layer(style: style, points: points.map { ($0.x, $0.y) }) }
    }

    /// The lists of `keypoints=`, each with the marker style it is drawn in.
    private static func keypointLists(_ a: Arguments) throws -> [(style: MarkerStyle, points: KeypointList)] {
        let lists: [KeypointList]
        switch a["keypoints"] {
        case .none: return []
        case .keypoints(let points): lists = [points]
        case .list(let items), .tuple(let items):
            lists = try items.map { item in
                guard case .keypoints(let points) = item else { throw a.error("keypoints", "keypoints or a list of keypoints") }
                return points
            }
        default: throw a.error("keypoints", "keypoints or a list of keypoints")
        }
        guard lists.count <= MarkerStyle.sequence.count else {
            throw a.error("keypoints", "at most \(MarkerStyle.sequence.count) keypoint lists", got: "\(lists.count)")
        }
        return zip(lists, MarkerStyle.sequence).map { points, style in (style, points) }
    }
}
