import Foundation
import Subpix
import SubpixPictures
import SubpixSession

/// The grid of small multiples, drawn from the model's ``ViewerModel/gridPanels``:
/// a header, then per panel a label — the map's channel (or batch) index, its
/// keypoint count and a confidence badge, `✓` a peak, `⊘` none — over the map with
/// its keypoints. The selected panel's label is highlighted.
struct GridView {
    let model: ViewerModel

    private static let selected = (foreground: TerminalColor(16), background: TerminalColor(117))
    private static let confident: TerminalColor = 114
    private static let noPeak: TerminalColor = 203
    private static let dim: TerminalColor = 245

    func draw(into buffer: inout CellBuffer) {
        guard let grid = model.grid, let layout = model.gridLayout else { return }
        buffer.write(header(grid, width: buffer.width), x: 0, y: 0, foreground: 117, bold: true, limit: buffer.width)
        let view = model.session.view
        for (slot, panel) in model.gridPanels.enumerated() {
            let pane = layout.mapPane(slot)
            let scale = colorScale(panel.slice)
            let palette = Palette.resolve(view.palette, signed: scale.centred, mode: model.colorMode)
            HeatmapRenderer(image: panel.image, palette: palette, scale: scale).draw(into: &buffer, x: pane.x, y: pane.y)
            let runs = model.gridRuns[panel.index]
            if view.markers {
                for run in runs ?? [] {
                    let marker = Marker(style: .of(run.method), palette: palette)
                    for point in run.keypoints { marker.mark(point.x, point.y, panel.placement, &buffer) }
                }
            }
            let frame = layout.panel(slot)
            let isSelected = model.gridIndex(grid.selection) == panel.index
            label(runs, position: grid.axis == .channels ? panel.index.channel : panel.index.batch, axis: grid.axis,
                  selected: isSelected, into: &buffer, x: frame.x, y: frame.y, width: frame.width - 1)
        }
    }

    /// `grid · heat (4, 17, 64, 48) · channels of batch 0 · page 1/1 · 13 with a peak, 4 without · Enter opens · # back · Tab batches`,
    /// each part given in its long form and shorter ones (``fitted(_:width:)``): at 80 columns
    /// `grid · heat · channels of b0 · p1/1 · 13 ✓ 4 ⊘ · Enter · # · Tab batches`.
    private func header(_ grid: GridState, width: Int) -> String {
        let view = model.session.view
        var parts: [[String]] = [["grid"]]
        if let (name, tensor) = model.viewed { parts.append(["\(name) \(formatShape(tensor.shape))", name]) }
        parts.append(grid.axis == .channels ? ["channels of batch \(view.batch)", "channels of b\(view.batch)"]
                                            : ["batch items of channel \(view.channel)", "batches of c\(view.channel)"])
        let page = model.gridPage
        parts.append(["page \(page.index + 1)/\(page.count)", "p\(page.index + 1)/\(page.count)"])
        let verdicts = model.gridRuns.values.compactMap { $0.first?.verdict }
        if !verdicts.isEmpty {
            let (peaks, without) = (verdicts.filter(\.isConfident).count, verdicts.count - verdicts.filter(\.isConfident).count)
            parts.append(["\(peaks) with a peak, \(without) without", "\(peaks) ✓ \(without) ⊘"])
        }
        let other = grid.axis == .channels ? "batches" : "channels"
        parts.append(["Enter opens · # back · Tab \(other)", "Enter · # · Tab \(other)"])
        return Self.fitted(parts, width: width)
    }

    /// `parts` joined by ` · `, each in its first form; while the line is wider than `width`,
    /// one more part takes its next shorter form, the last part (the keys) first, then the
    /// others from the right. Cut with `…` only when every part is at its shortest.
    static func fitted(_ parts: [[String]], width: Int) -> String {
        var chosen = parts.map { _ in 0 }
        func line() -> String { zip(parts, chosen).map { $0[$1] }.joined(separator: " · ") }
        for index in parts.indices.reversed() {
            while line().count > width, chosen[index] + 1 < parts[index].count { chosen[index] += 1 }
        }
        let text = line()
        return text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    /// `c5 ✓ 2 kp`, `c13 ⊘ no peak`, `c7 ⋯` while computing; `▸c5 …` selected.
    private func label(_ runs: [MethodRun]?, position: Int, axis: GridState.Axis, selected: Bool,
                       into buffer: inout CellBuffer, x: Int, y: Int, width: Int) {
        // The selected panel's label is highlighted, and marked for terminals without colour.
        let name = (selected ? "▸" : "") + (axis == .channels ? "c" : "b") + "\(position)"
        let (badge, rest, color): (String, String, TerminalColor)
        if let runs, let first = runs.first {
            let confident = first.verdict?.isConfident ?? true
            let count = runs.map(\.keypoints.count).reduce(0, +)
            (badge, rest, color) = confident ? ("✓", "\(count) kp", Self.confident) : ("⊘", "no peak", Self.noPeak)
        } else {
            (badge, rest, color) = ("⋯", "", Self.dim)
        }
        let text = "\(name) \(badge) \(rest)".padding(toLength: width, withPad: " ", startingAt: 0)
        if selected {
            buffer.write(text, x: x, y: y, foreground: Self.selected.foreground, background: Self.selected.background, bold: true, limit: width)
        } else {
            buffer.write(name + " ", x: x, y: y, bold: true, limit: width)
            buffer.write("\(badge) \(rest)", x: x + name.count + 1, y: y, foreground: color, bold: badge == "⊘", limit: max(0, width - name.count - 1))
        }
    }

    /// The panel's colour scale: its own range, or the model's for a tensor or fixed range.
    private func colorScale(_ slice: MapSlice) -> ColorScale {
        model.session.view.range == .map ? slice.colorScale : model.colorScale
    }
}
