import Foundation
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures

/// What the viewer's heatmap pane shows, as a picture: the part of the map visible in
/// the pane at the model's terminal size (all of it unless zoomed), each data pixel
/// upscaled to about the size it has on screen, with every shown method's keypoints and
/// the ground truth marked, and the colour bar — for slides, READMEs and papers.
public struct ViewSnapshot {
    /// The pixels a terminal cell stands for (a typical 8 × 16 font cell).
    public static let cellSize = (width: 8, height: 16)

    public let model: ViewerModel

    public init(_ model: ViewerModel) { self.model = model }

    /// The picture of the model's view; nil when there is no map to show.
    public var picture: HeatmapPicture? {
        guard let slice = model.drawnSlice else { return nil }
        let pane = model.layout.pane
        let viewport = model.viewport
        let scale = viewport.scale(mapWidth: slice.width, mapHeight: slice.height, columns: pane.columns, rows: pane.rows)
        // The data pixels the pane covers (pixel i spans [i, i + 1)).
        let left = max(0, Int(viewport.originX.rounded(.down)))
        let top = max(0, Int(viewport.originY.rounded(.down)))
        let right = min(slice.width, Int((viewport.originX + Double(pane.columns) * scale).rounded(.up)))
        let bottom = min(slice.height, Int((viewport.originY + Double(2 * pane.rows) * scale).rounded(.up)))
        guard right > left, bottom > top else { return nil }
        var window = [Double]()
        window.reserveCapacity((right - left) * (bottom - top))
        for y in top..<bottom { for x in left..<right { window.append(slice[x, y]) } }
        // A screen pixel is half a cell tall: a data pixel spans 1/scale screen pixels of
        // cellSize.height / 2 picture pixels each.
        let upscale = min(64, max(1, Int((Double(Self.cellSize.height) / 2 / scale).rounded())))
        func shifted(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
            points.map { ($0.x - Double(left), $0.y - Double(top)) }
        }
        // Ground truth first: the methods' markers sit inside its ring. Hidden markers (`h`) stay hidden.
        let layers = !model.session.view.markers ? [] : [HeatmapPicture.Layer(style: .truth, points: shifted(model.groundTruth.map { ($0.x, $0.y) }))]
            + model.runs.map { run in
                HeatmapPicture.Layer(style: MarkerStyle.of(run.method), points: shifted(model.drawnKeypoints(run).map { ($0.x, $0.y) }))
            }
        return HeatmapPicture(values: window, width: right - left, height: bottom - top,
                              colorMap: model.colorMap,
                              scale: model.colorScale, upscale: upscale, layers: layers)
    }

    /// The picture with its title (the file, the map, the method and its settings), the
    /// colour bar's values and a legend of its markers; nil when there is no map.
    public var labelled: LabelledPicture? {
        guard let picture, let slice = model.drawnSlice, let (name, tensor) = model.viewed else { return nil }
        let view = model.session.view
        let text = PanelText(model: model, slice: slice)
        let source = model.sourceFile.map { ($0 as NSString).lastPathComponent + (name == "heat" ? "" : " \(name)") } ?? name
        var title = ["\(source) \(formatShape(tensor.shape)) \(tensor.dtype)"]
        let selection = text.selection(tensor.shape, view)
        let zoom = model.viewport.zoom == 1 ? "" : String(format: "zoom %g", model.viewport.zoom)
        if !(selection + zoom).isEmpty { title.append([selection, zoom].filter { !$0.isEmpty }.joined(separator: "  ")) }
        title.append((view.compare ? "compare all" : view.method.name) + "  " + model.colorScaleLabel)
        title += text.parameters(view)
        var legend: [LabelledPicture.LegendEntry] = []
        if view.markers {
            let truth = model.groundTruth.count
            if truth > 0 { legend.append(.init(.truth, "ground truth  \(truth) peak" + (truth == 1 ? "" : "s"))) }
            legend += model.runs.map { run in
                .init(.of(run.method), "\(run.method.name)  " + (run.error.map { _ in "error" } ?? "\(model.drawnKeypoints(run).count) kp"))
            }
        }
        return LabelledPicture(picture, title: title, legend: legend)
    }

    /// The picture, or why there is none: a terminal too small for the viewer, or no map.
    public func checkedPicture() throws -> LabelledPicture {
        let layout = model.layout
        guard !layout.isTooSmall else {
            throw ScriptError("snapshot: expected a size of at least \(Layout.minimumWidth)x\(Layout.minimumHeight), got \(layout.width)x\(layout.height)")
        }
        guard let labelled else { throw ScriptError("snapshot: no map to picture") }
        return labelled
    }

    /// Writes the picture to `path` as a PNG; returns the path written.
    @discardableResult
    public func write(to path: String, overwrite: Bool) throws -> String {
        try SnapshotPath.check(path)
        return try AtomicFile.write(try PNGImage.encode(checkedPicture().render(), path: path), to: path, overwrite: overwrite)
    }
}
