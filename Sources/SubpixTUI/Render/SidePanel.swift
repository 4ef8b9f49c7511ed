import Foundation
import Subpix
import SubpixLanguage
import SubpixPictures
import SubpixSession

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
        let text = PanelText(model: model, slice: slice)
        if let (name, tensor) = model.viewed {
            line("\(name) \(formatShape(tensor.shape)) \(tensor.dtype)", Self.heading, bold: true)
            line(text.selection(tensor.shape, view))
        }
        if let live = model.live { LiveStatus.lines(live).forEach { line($0.text, $0.color, bold: $0.bold) } }
        line("method " + (view.compare ? "compare all" : view.method.name), bold: true)
        if let verdict = model.diagnosis?.verdicts.first {
            line("⚠ \(verdict.label) — d for the diagnosis", 203, bold: true)
        }
        for parameter in text.parameters(view) { line(parameter) }
        for (index, item) in text.verdictLines.enumerated() { line(item, 203, bold: index == 0) }
        for run in runs {
            let marker = MarkerStyle.of(run.method)
            for (index, item) in text.runLines(run).enumerated() {
                line(item, index == 0 ? palette.legendColor(marker) : Self.dim, bold: index == 0)
            }
        }
        if let progress = text.progress { line(progress, 226, bold: true) }
        line("\(palette.name.rawValue) · \(model.colorMode.label)", Self.dim)
        colourBar(&buffer, x: x, row: &row, width: width)
        line(model.colorScaleLabel, Self.dim)
        model.influence?.panelLines.forEach { line($0, Self.heading) }
        if let nonFinite = text.nonFiniteNote { line(nonFinite, 203) }
        text.truthErrors(runs).forEach { line($0, palette.legendColor(.truth)) }
        let inspector = inspectorLines(view, runs)
        let listRows = max(0, height - row - inspector.count - 1)
        line(text.listHeading, Self.heading)
        for item in text.listLines.dropFirst(model.listOffset).prefix(max(0, listRows - 1)) { line(item) }
        row = max(row, height - inspector.count)
        inspector.forEach { line($0.0, $0.1) }
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

    /// The cursor's value, and for conv_soft_argmax2d the window's softmax weights and its coordinate.
    private func inspectorLines(_ view: ViewSettings, _ runs: [MethodRun]) -> [(String, TerminalColor)] {
        let (cx, cy) = (model.cursorX, model.cursorY)
        guard cx < slice.width, cy < slice.height else { return [] }
        var lines: [(String, TerminalColor)] = [(String(format: "── cursor (%d, %d) = %.4g ──", cx, cy, slice[cx, cy]), Self.heading)]
        guard view.method.explanation(in: view.kornia) == .window, !view.compare, let weights = WindowWeights(slice, x: cx, y: cy, view: view) else {
            return lines
        }
        lines.append((String(format: "window %d×%d softmax, T ÷ %.3g:", view.kernelSize[0], view.kernelSize[1], view.temperature), Self.dim))
        for row in weights.rows { lines.append((row.map { $0.map { String(format: "%5.2f", $0) } ?? "   · " }.joined(separator: " "), -1)) }
        if let coordinate = weights.outputCoordinate {
            lines.append((String(format: "→ (%.3f, %.3f)", coordinate.x, coordinate.y), 226))
        } else {
            lines.append(("→ no output window centred here (stride)", Self.dim))
        }
        return lines
    }
}
