import Foundation
import Subpix
import SubpixScript

/// The right-hand panel: input and selection, the method's parameters, output
/// shape, keypoint count and compute time, colour bar, keypoint list, ground
/// truth errors and the cursor inspector.
struct SidePanel {
    let model: ViewerModel
    let slice: MapSlice
    let palette: Palette

    private static let heading: TerminalColor = 117
    private static let dim: TerminalColor = 245

    func draw(into buffer: inout CellBuffer, x: Int, height: Int) {
        let width = Layout.sidePanelWidth
        var row = 0
        func line(_ text: String, _ color: TerminalColor = -1, bold: Bool = false) {
            guard row < height else { return }
            buffer.write(text, x: x, y: row, foreground: color, bold: bold, limit: width)
            row += 1
        }
        let view = model.session.view
        let runs = model.runs
        if let (name, tensor) = model.viewed {
            line("\(name) \(formatShape(tensor.shape)) \(tensor.dtype)", Self.heading, bold: true)
            line(selection(tensor.shape, view))
        }
        if let live = model.live { LiveStatus.lines(live).forEach { line($0.text, $0.color, bold: $0.bold) } }
        line("method " + (view.compare ? "compare all" : view.method.rawValue), bold: true)
        if let verdict = model.diagnosis?.verdicts.first {
            line("⚠ \(verdict.label) — d for the diagnosis", 203, bold: true)
        }
        for text in parameters(view) { line(text) }
        for run in runs {
            let marker = Renderer.marker(run.method)
            if let error = run.error {
                line("\(marker.glyph) \(error)", 203)
            } else {
                // Comparing, each line names its method so the glyphs on the map can be told apart.
                let name = view.compare ? "\(run.method.rawValue) " : ""
                line("\(marker.glyph) \(name)\(run.keypoints.count) kp  out \(run.outputShape.map(formatShape) ?? "-")", marker.color)
                if model.showsTimings { line(String(format: "  %.2f ms", run.milliseconds), Self.dim) }
            }
        }
        line("\(palette.name.rawValue) · \(model.colorMode.label)", Self.dim)
        colourBar(&buffer, x: x, row: &row, width: width)
        line(String(format: "min %-12.4g max %.4g", slice.low, slice.high), Self.dim)
        model.influence?.panelLines.forEach { line($0, Self.heading) }
        truthErrors(runs).forEach { line($0, Renderer.truthMarker.color) }
        let inspector = inspectorLines(view, runs)
        let listRows = max(0, height - row - inspector.count - 1)
        line("── keypoints (x, y\(runs.first?.method.isVolumetric == true ? ", d" : ""), value) ──", Self.heading)
        let points = model.listedKeypoints
        for point in points.dropFirst(model.listOffset).prefix(max(0, listRows - 1)) { line(format(point, view)) }
        row = max(row, height - inspector.count)
        inspector.forEach { line($0.0, $0.1) }
    }

    private func selection(_ shape: [Int], _ view: ViewSettings) -> String {
        guard shape.count >= 4 else { return "" }
        var text = "batch \(view.batch)/\(shape[0])  channel \(view.channel)/\(shape[1])"
        if shape.count == 5 { text += "  depth \(view.depth)/\(shape[2])" }
        return text
    }

    private func parameters(_ view: ViewSettings) -> [String] {
        let convention = view.method == .spatialSoftArgmax2d ? "×" : "÷"
        var lines = [String(format: "T %@ %.4g  kernel (%d, %d)", convention, view.temperature, view.kernelSize[0], view.kernelSize[1]),
                     "stride (\(view.stride[0]), \(view.stride[1]))  padding (\(view.padding[0]), \(view.padding[1]))",
                     "normalized \(view.normalizedCoordinates ? "on" : "off")  top_k \(view.topK)"
                        + (view.minValue.map { String(format: "  min %.3g", $0) } ?? "")]
        if view.method.isVolumetric {
            lines.append("depth k \(view.depthKernel) s \(view.depthStride) p \(view.depthPadding)  band ±\(view.depthBand)")
            let bonus = view.strictMaximaBonus ?? (view.method == .convSoftArgmax3d ? 0 : 10)
            lines.append(String(format: "bonus %.4g  n_iters %d  eps default", bonus, view.nIters))
        }
        return lines
    }

    /// The palette from low to high: two stops per cell (`▌`, left half in the foreground
    /// colour, right half in the background), the ASCII ramp in ASCII mode.
    private func colourBar(_ buffer: inout CellBuffer, x: Int, row: inout Int, width: Int) {
        let cells = width - 2, halves = Double(2 * cells - 1)
        for column in 0..<cells {
            let (left, right) = (Double(2 * column) / halves, Double(2 * column + 1) / halves)
            buffer[x + column, row] = model.colorMode == .ascii
                ? Cell(AsciiRamp.character(Double(column) / Double(cells - 1)))
                : Cell("▌", foreground: palette.color(left), background: palette.color(right))
        }
        row += 1
    }

    private func format(_ point: Keypoint, _ view: ViewSettings) -> String {
        var (x, y) = (point.x, point.y)
        if view.normalizedCoordinates {
            x = slice.width > 1 ? 2 * x / Double(slice.width - 1) - 1 : .nan
            y = slice.height > 1 ? 2 * y / Double(slice.height - 1) - 1 : .nan
        }
        let depth = point.depth.map { String(format: " %5.2f", $0) } ?? ""
        return String(format: "%8.3f %8.3f%@ %9.4g", x, y, depth, point.value)
    }

    /// Mean and max distance (px) from each ground-truth peak to the nearest keypoint, per method.
    private func truthErrors(_ runs: [MethodRun]) -> [String] {
        let truth = model.groundTruth
        guard !truth.isEmpty else { return [] }
        return ["G truth: \(truth.count) peaks"] + runs.compactMap { run in
            guard !run.keypoints.isEmpty else { return nil }
            let errors = truth.map { peak in run.keypoints.map { hypot($0.x - peak.x, $0.y - peak.y) }.min() ?? .infinity }
            return String(format: "  %@ err mean %.3f max %.3f px", String(Renderer.marker(run.method).glyph),
                          errors.reduce(0, +) / Double(errors.count), errors.max() ?? 0)
        }
    }

    /// The cursor's value, and for conv_soft_argmax2d the window's softmax weights and its coordinate.
    private func inspectorLines(_ view: ViewSettings, _ runs: [MethodRun]) -> [(String, TerminalColor)] {
        let (cx, cy) = (model.cursorX, model.cursorY)
        guard cx < slice.width, cy < slice.height else { return [] }
        var lines: [(String, TerminalColor)] = [(String(format: "── cursor (%d, %d) = %.4g ──", cx, cy, slice[cx, cy]), Self.heading)]
        guard view.method == .convSoftArgmax2d, !view.compare, let weights = WindowWeights(slice, x: cx, y: cy, view: view) else {
            return lines
        }
        lines.append((String(format: "window %d×%d softmax, T ÷ %.3g:", view.kernelSize[0], view.kernelSize[1], view.temperature), Self.dim))
        for row in weights.rows { lines.append((row.map { $0.map { String(format: "%5.2f", $0) } ?? "   · " }.joined(separator: " "), -1)) }
        if let coordinate = runs.first?.windowCoordinate(atPixel: cx, cy, view: view) {
            lines.append((String(format: "→ (%.3f, %.3f)", coordinate.x, coordinate.y), 226))
        } else {
            lines.append(("→ no output window centred here (stride)", Self.dim))
        }
        return lines
    }
}

extension MethodRun {
    /// The `conv_soft_argmax2d` coordinate of the output window centred on pixel (x, y), if one is.
    func windowCoordinate(atPixel x: Int, _ y: Int, view: ViewSettings) -> (x: Double, y: Double)? {
        guard let coords = windowCoords, coords.shape.count == 5 else { return nil }
        func output(_ pixel: Int, axis: Int) -> Int? {
            let shifted = pixel + view.padding[axis] - (view.kernelSize[axis] - 1) / 2
            guard shifted >= 0, shifted % view.stride[axis] == 0 else { return nil }
            let index = shifted / view.stride[axis]
            return index < coords.shape[3 + axis] ? index : nil
        }
        guard let oy = output(y, axis: 0), let ox = output(x, axis: 1),
              view.batch < coords.shape[0], view.channel < coords.shape[1] else { return nil }
        let (height, width) = (coords.shape[3], coords.shape[4])
        let base = (view.batch * coords.shape[1] + view.channel) * 2 * height * width + oy * width + ox
        return (coords.doubles(base..<(base + 1))[0], coords.doubles((base + height * width)..<(base + height * width + 1))[0])
    }
}
