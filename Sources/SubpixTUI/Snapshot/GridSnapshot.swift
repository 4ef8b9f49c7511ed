import Foundation
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession

/// The grid (`#`, `--grid`) as a picture: every map along the grid's axis — all
/// pages — each with its keypoints at the current settings and a label naming it
/// with its keypoint count or "no peak" (``GridPicture``).
public struct GridSnapshot {
    /// The longer side of each map in the picture, about (maps are upscaled by whole pixels).
    public static let mapSide = 128

    public let model: ViewerModel

    public init(_ model: ViewerModel) { self.model = model }

    /// The picture, or why there is none.
    public func picture() throws -> GridPicture {
        guard let grid = model.grid, let viewed = model.viewed, let layout = model.gridLayout else {
            throw ScriptError("snapshot: the grid needs a (B, C, ...) tensor")
        }
        let view = model.session.view
        let positions = Array(0..<model.gridCount)
        let maps = positions.map(model.gridIndex)
        let known = model.statistics(name: viewed.name, revision: model.session.variableRevisions[viewed.name] ?? 0)
        let result = ViewComputation(session: model.session, tensor: viewed, statistics: known, maps: maps).compute()
        let panels = zip(positions, maps).map { position, index in
            let slice = MapSlice(viewed.tensor, batch: index.batch, channel: index.channel, depth: view.depth)
            let scale = view.range == .map ? slice.colorScale : model.colorScale
            let runs = result.panels[index] ?? []
            let layers = view.markers ? runs.map { run in
                HeatmapPicture.Layer(style: .of(run.method), points: run.keypoints.points.map { ($0.x, $0.y) })
            } : []
            let picture = HeatmapPicture(values: (0..<slice.height).flatMap { y in (0..<slice.width).map { slice[$0, y] } }, width: slice.width, height: slice.height,
                                         colorMap: ColorMap.resolve(view.palette, signed: scale.centred), scale: scale,
                                         upscale: max(1, Self.mapSide / max(slice.width, slice.height)), layers: layers)
            let confident = runs.first?.verdict?.isConfident ?? true
            return GridPicture.Panel(picture: picture, name: (grid.axis == .channels ? "C" : "B") + "\(position)",
                                     hasPeak: confident, keypoints: confident ? runs.map(\.keypoints.count).reduce(0, +) : nil)
        }
        let title = "\(viewed.name) \(formatShape(viewed.tensor.shape)) "
            + (grid.axis == .channels ? "channels of batch \(view.batch)" : "batch items of channel \(view.channel)")
            + " - " + (view.compare ? "compare all" : view.method.name)
        return GridPicture(title: title, panels: panels, columns: min(panels.count, layout.columns))
    }

    /// Writes the picture to `path` as a PNG; returns the path written.
    @discardableResult
    public func write(to path: String, overwrite: Bool) throws -> String {
        try SnapshotPath.check(path)
        return try AtomicFile.write(try PNGImage.encode(picture().render(), path: path), to: path, overwrite: overwrite)
    }
}
