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

    /// One row of the panel above the list: text, or the colour bar.
    private struct Row {
        var text = ""
        var color: TerminalColor = -1
        var bold = false
        var isColourBar = false
    }

    /// The fewest list rows the panel keeps (heading included) when there are
    /// keypoints: in compare mode the methods' lines shrink to make room.
    static let reservedListRows = 6

    func draw(into buffer: inout CellBuffer, x: Int, height: Int) {
        let width = Layout.sidePanelWidth
        let inspector = inspectorLines(model.session.view, model.runs)
        let top = topRows(height: height, inspector: inspector.count)
        var row = 0
        func line(_ text: String, _ color: TerminalColor = -1, bold: Bool = false) {
            guard row < height else { return }
            buffer.write(text, x: x, y: row, foreground: color, bold: bold, limit: width)
            row += 1
        }
        for item in top {
            if item.isColourBar { colourBar(&buffer, x: x, row: &row, width: width) } else { line(item.text, item.color, bold: item.bold) }
        }
        let text = PanelText(model: model, slice: slice)
        line(text.listHeading, Self.heading)
        for item in text.listLines.dropFirst(model.listOffset).prefix(listCapacity(height: height)) { line(item) }
        row = max(row, height - inspector.count)
        inspector.forEach { line($0.0, $0.1) }
    }

    /// How many keypoints the list shows in a panel `height` rows tall: a page for PgUp / PgDn.
    func listCapacity(height: Int) -> Int {
        let inspector = inspectorLines(model.session.view, model.runs).count
        return max(0, height - topRows(height: height, inspector: inspector).count - inspector - 2)
    }

    /// The rows above the list. When they would leave the list fewer than
    /// ``reservedListRows``, each method keeps only its count line, and methods
    /// beyond the room left are summed up in one line.
    private func topRows(height: Int, inspector: Int) -> [Row] {
        let view = model.session.view
        let runs = model.runs
        let text = PanelText(model: model, slice: slice)
        var head: [Row] = []
        if let (name, tensor) = model.viewed {
            head.append(Row(text: "\(name) \(formatShape(tensor.shape)) \(tensor.dtype)", color: Self.heading, bold: true))
            if let file = model.sourceFile { head.append(Row(text: "← " + URL(fileURLWithPath: file).lastPathComponent, color: Self.dim)) }
            head.append(Row(text: text.selection(tensor.shape, view)))
        }
        if let live = model.live { head += LiveStatus.lines(live).map { Row(text: $0.text, color: $0.color, bold: $0.bold) } }
        head.append(Row(text: "method " + (view.compare ? "compare all" : view.method.name), bold: true))
        if let verdict = model.diagnosis?.verdicts.first {
            head.append(Row(text: "⚠ \(verdict.label) — d for the diagnosis", color: 203, bold: true))
        }
        head += text.parameters(view).map { Row(text: $0) }
        head += text.verdictLines.enumerated().map { Row(text: $1, color: 203, bold: $0 == 0) }
        let runRows = runs.map { run in
            text.runLines(run).enumerated().map { index, item in
                Row(text: item, color: index == 0 ? palette.legendColor(MarkerStyle.of(run.method)) : Self.dim, bold: index == 0)
            }
        }
        var tail: [Row] = []
        if let progress = text.progress { tail.append(Row(text: progress, color: 226, bold: true)) }
        tail.append(Row(text: "\(palette.name.rawValue) · \(model.colorMode.label) · \(text.zoomLabel)", color: Self.dim))
        tail.append(Row(isColourBar: true))
        tail.append(Row(text: model.colorScaleLabel, color: Self.dim))
        tail += (model.influence?.panelLines ?? []).map { Row(text: $0, color: Self.heading) }
        if let nonFinite = text.nonFiniteNote { tail.append(Row(text: nonFinite, color: 203)) }
        tail += (text.normalizationNote + text.borderNotes).map { Row(text: $0, color: 203) }
        let truth = text.truthErrors(runs).map { Row(text: $0, color: palette.legendColor(.truth)) }

        // Short of room: each method's count line only, then the truth's heading only, then methods summed up.
        let listed = runs.map(\.keypoints.count).reduce(0, +)
        let room = height - inspector - min(Self.reservedListRows, listed + 1) - head.count - tail.count
        var (methods, errors) = (runRows.flatMap { $0 }, truth)
        if methods.count + errors.count > room { methods = runRows.compactMap(\.first) }
        if methods.count + errors.count > room { errors = Array(truth.prefix(1)) }
        if methods.count + errors.count > max(1, room) {
            let kept = max(0, room - errors.count - 1)
            methods = Array(methods.prefix(kept)) + [Row(text: "… \(methods.count - kept) more methods", color: Self.dim)]
        }
        return head + methods + tail + errors
    }

    /// The palette from low to high: two stops per cell (`▌`, left half in the foreground
    /// colour, right half in the background), the ASCII ramp in ASCII mode.
    private func colourBar(_ buffer: inout CellBuffer, x: Int, row: inout Int, width: Int) {
        let cells = width - 2, halves = Double(2 * cells - 1)
        for column in 0..<cells {
            let (left, right) = (Double(2 * column) / halves, Double(2 * column + 1) / halves)
            buffer[x + column, row] = model.colorMode == .ascii
                ? Cell(AsciiRamp.character(Double(column) / Double(cells - 1), signed: model.colorScale.centred))
                : Cell("▌", foreground: palette.color(left), background: palette.color(right))
        }
        row += 1
    }

    /// The cursor's value, and for conv_soft_argmax2d the window's softmax weights and its coordinate.
    private func inspectorLines(_ view: ViewSettings, _ runs: [MethodRun]) -> [(String, TerminalColor)] {
        let (cx, cy) = (model.cursorX, model.cursorY)
        guard cx < slice.width, cy < slice.height else { return [] }
        var lines: [(String, TerminalColor)] = [(String(format: "── cursor (%d, %d) = %.4g ──", cx, cy, slice[cx, cy] == 0 ? 0 : slice[cx, cy]), Self.heading)]
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
