import Foundation
import Subpix
import SubpixScript

/// What each key does. Parameter keys become script statements run through
/// the session (so the journal replays them); cursor, zoom and panes are
/// viewer state only.
extension ViewerModel {
    /// The keys and what they do, as the help overlay lists them.
    public static let keyHelp: [(keys: String, action: String)] = [
        ("q", "quit"), ("?", "this help"), (":", "command line (any script statement)"),
        ("arrows", "move the cursor (or click)"), ("+ / -", "zoom in / out"), ("0", "fit to the pane"),
        ("t / T", "temperature ÷ / × 1.25"), ("k / K", "kernel size − / +"), ("s / S", "stride − / +"),
        ("p / P", "padding − / +"), ("m", "next method"), ("o", "overlay all methods (compare)"),
        ("n", "normalized coordinates in the list"), ("d", "diagnose the soft-argmax of this map"), ("x", "explain the method at the cursor"), ("b / c", "next batch / channel"), ("[ / ]", "depth slice − / +"),
        ("v", "view the next tensor variable"), ("g", "next palette"), ("w", "write the session as a script"),
        ("e", "export keypoints (.csv)"), ("r", "reset parameters"), ("PgUp/PgDn", "scroll the keypoint list"),
    ]

    /// Applies one key press; `pane` is the heatmap pane size in cells.
    public func update(_ key: Key, pane: (columns: Int, rows: Int)) {
        switch mode {
        case .help, .diagnosis, .explain:
            mode = .normal
            if key == .character("q") { shouldQuit = true }
        case .command(let text):
            editCommand(text, key)
        case .normal:
            message = nil
            handle(key, pane: pane)
        }
    }

    private func handle(_ key: Key, pane: (columns: Int, rows: Int)) {
        let view = session.view
        switch key {
        case .character("q"): shouldQuit = true
        case .character("?"): mode = .help
        case .character("x"): mode = .explain
        case .character("d"):
            if diagnosis == nil { message = "d diagnoses spatial_soft_argmax2d: press m to select it (diagnose(x, method=...) in : covers both)" } else { mode = .diagnosis }
        case .character(":"): mode = .command("")
        case .up, .down, .left, .right: moveCursor(key, pane: pane)
        case .character("+"), .character("="): zoom(by: 2, pane: pane)
        case .character("-"), .character("_"): zoom(by: 0.5, pane: pane)
        case .character("0"): viewport = Viewport()
        case .character("t"): run("view.temperature = \(Self.number(view.temperature / 1.25))")
        case .character("T"): run("view.temperature = \(Self.number(view.temperature * 1.25))")
        case .character("k"): changeKernel(by: -1)
        case .character("K"): changeKernel(by: 1)
        case .character("s"): changeStride(by: -1)
        case .character("S"): changeStride(by: 1)
        case .character("p"): changePadding(by: -1)
        case .character("P"): changePadding(by: 1)
        case .character("m"): cycleMethod()
        case .character("o"): run("view.compare = \(view.compare ? "False" : "True")")
        case .character("n"): run("view.normalized_coordinates = \(view.normalizedCoordinates ? "False" : "True")")
        case .character("b"): cycle("batch", view.batch, axis: 0)
        case .character("c"): cycle("channel", view.channel, axis: 1)
        case .character("["): stepDepth(by: -1)
        case .character("]"): stepDepth(by: 1)
        case .character("v"): nextTensor()
        case .character("g"):
            let names = PaletteName.allCases
            run("view.palette = \"\(names[((names.firstIndex(of: view.palette) ?? 0) + 1) % names.count].rawValue)\"")
        case .character("w"): writeJournal()
        case .character("e"): exportKeypoints()
        case .character("r"): resetParameters()
        case .pageDown: listOffset += 5
        case .pageUp: listOffset = max(0, listOffset - 5)
        default: break
        }
    }

    /// A click on the heatmap moves the cursor to the data pixel under it.
    public func click(column: Int, row: Int, layout: Layout) {
        let pane = layout.pane
        guard mode == .normal, let slice, column >= pane.x, column < pane.x + pane.columns, row >= pane.y, row < pane.y + pane.rows else { return }
        let renderer = HeatmapRenderer(slice: slice, palette: Palette(.gray, mode: colorMode), mode: colorMode, viewport: viewport)
        let pixel = renderer.placement(x: pane.x, y: pane.y, columns: pane.columns, rows: pane.rows).dataPixel(column: column, row: row)
        cursorX = min(max(0, pixel.x), slice.width - 1)
        cursorY = min(max(0, pixel.y), slice.height - 1)
    }

    /// Shortest text that reads back as the same double, with a decimal point.
    static func number(_ value: Double) -> String {
        let text = "\(value)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    private func tuple(_ values: [Int]) -> String { "(" + values.map(String.init).joined(separator: ", ") + ")" }

    private func changeKernel(by step: Int) {
        let view = session.view
        let kernel = view.kernelSize.map { max(1, $0 + step) }
        guard kernel != view.kernelSize else { return message = "kernel_size is already at its minimum (1, 1)" }
        // Shrinking the kernel lowers the padding with it (at most half the kernel), in the same command.
        let padding = zip(view.padding, kernel).map { min($0, $1 / 2) }
        let statements = (padding != view.padding ? ["view.padding = \(tuple(padding))"] : []) + ["view.kernel_size = \(tuple(kernel))"]
        run(statements.joined(separator: "\n"))
    }

    private func changeStride(by step: Int) {
        let stride = session.view.stride.map { max(1, $0 + step) }
        guard stride != session.view.stride else { return message = "stride is already at its minimum (1, 1)" }
        run("view.stride = \(tuple(stride))")
    }

    private func changePadding(by step: Int) {
        let view = session.view
        let padding = zip(view.padding, view.kernelSize).map { max(0, min($1 / 2, $0 + step)) }
        guard padding != view.padding else {
            return message = step > 0
                ? "padding \(tuple(view.padding)) is already half the kernel \(tuple(view.kernelSize)); raise the kernel first"
                : "padding is already (0, 0)"
        }
        run("view.padding = \(tuple(padding))")
    }

    private func cycleMethod() {
        let methods = viewed.map { MethodRun.methods(forRank: $0.tensor.shape.count) } ?? ViewMethod.allCases
        let next = methods[((methods.firstIndex(of: session.view.method) ?? -1) + 1) % methods.count]
        run("view.method = \"\(next.rawValue)\"")
    }

    private func cycle(_ field: String, _ current: Int, axis: Int) {
        guard let shape = viewed?.tensor.shape, shape.count >= 4 else { return }
        run("view.\(field) = \((current + 1) % shape[axis])")
    }

    private func stepDepth(by step: Int) {
        guard let shape = viewed?.tensor.shape, shape.count == 5 else { return message = "no depth axis: the viewed tensor is not a volume" }
        let depth = min(shape[2] - 1, max(0, session.view.depth + step))
        if depth != session.view.depth { run("view.depth = \(depth)") }
    }

    private func nextTensor() {
        let names = session.variables.keys.sorted().filter { session.tensor(named: $0) != nil }
        guard !names.isEmpty else { return }
        let current = viewed?.name
        let next = names[((current.flatMap { names.firstIndex(of: $0) } ?? -1) + 1) % names.count]
        let methods = MethodRun.methods(forRank: session.tensor(named: next)?.shape.count ?? 4)
        var statements = ["view.input = \"\(next)\"", "view.depth = 0"]
        if !methods.contains(session.view.method), let first = methods.first {
            statements.append("view.method = \"\(first == .spatialSoftArgmax2d ? ViewMethod.convSoftArgmax2d.rawValue : ViewMethod.convQuadInterp3d.rawValue)\"")
        }
        if run(statements.joined(separator: "\n")) {
            viewport = Viewport()
            centreCursor()
        }
    }

    private func moveCursor(_ key: Key, pane: (columns: Int, rows: Int)) {
        guard let slice else { return }
        switch key {
        case .up: cursorY = max(0, cursorY - 1)
        case .down: cursorY = min(slice.height - 1, cursorY + 1)
        case .left: cursorX = max(0, cursorX - 1)
        default: cursorX = min(slice.width - 1, cursorX + 1)
        }
        viewport.reveal(x: cursorX, y: cursorY, mapWidth: slice.width, mapHeight: slice.height, columns: pane.columns, rows: pane.rows)
    }

    private func zoom(by factor: Double, pane: (columns: Int, rows: Int)) {
        guard let slice else { return }
        viewport.zoom = min(64, max(1, viewport.zoom * factor))
        let s = viewport.scale(mapWidth: slice.width, mapHeight: slice.height, columns: pane.columns, rows: pane.rows)
        viewport.originX = Double(cursorX) - Double(pane.columns) * s / 2
        viewport.originY = Double(cursorY) - Double(pane.rows) * s
        viewport.clamp(mapWidth: slice.width, mapHeight: slice.height, columns: pane.columns, rows: pane.rows)
    }

    private func resetParameters() {
        let defaults = ViewSettings()
        let current = session.view
        var statements: [String] = []
        if current.temperature != defaults.temperature { statements.append("view.temperature = \(Self.number(defaults.temperature))") }
        if current.padding != defaults.padding || current.kernelSize != defaults.kernelSize {
            statements += ["view.padding = (0, 0)", "view.kernel_size = \(tuple(defaults.kernelSize))", "view.padding = \(tuple(defaults.padding))"]
        }
        if current.stride != defaults.stride { statements.append("view.stride = \(tuple(defaults.stride))") }
        if current.normalizedCoordinates != defaults.normalizedCoordinates { statements.append("view.normalized_coordinates = False") }
        if current.strictMaximaBonus != nil { statements.append("view.strict_maxima_bonus = None") }
        if current.nIters != defaults.nIters { statements.append("view.n_iters = \(defaults.nIters)") }
        guard !statements.isEmpty else { return message = "parameters are already at their defaults" }
        if run(statements.joined(separator: "\n")) { message = "parameters reset" }
    }

    private func writeJournal() {
        let url = uniqueFile("subpix-session", "subpix")
        let script = "# subpix session, replay with: subpix run \(url.lastPathComponent)\n" + session.journal.joined(separator: "\n") + "\n"
        do {
            try AtomicFile.write(Data(script.utf8), to: url.path, overwrite: false)
            message = "wrote \(url.path)"
        } catch { message = "\(error)" }
    }

    private func exportKeypoints() {
        let points = runs.first?.keypoints ?? []
        let url = uniqueFile("subpix-keypoints", "csv")
        do {
            try AtomicFile.write(Data(KeypointText.csv(points).utf8), to: url.path, overwrite: false)
            message = "wrote \(points.count) keypoints to \(url.path)"
        } catch { message = "\(error)" }
    }

    private func uniqueFile(_ stem: String, _ ext: String) -> URL {
        var index = 1
        var url = outputDirectory.appendingPathComponent("\(stem).\(ext)")
        while FileManager.default.fileExists(atPath: url.path) {
            index += 1
            url = outputDirectory.appendingPathComponent("\(stem)-\(index).\(ext)")
        }
        return url
    }

    private func editCommand(_ text: String, _ key: Key) {
        switch key {
        case .enter:
            mode = .normal
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            commandHistory.append(text)
            historyIndex = nil
            let captured = CapturedOutput()
            let previous = session.output
            session.output = { captured.lines.append($0) }
            defer { session.output = previous }
            if run(text), let last = captured.lines.last { message = last.split(separator: "\n").first.map(String.init) }
        case .escape:
            mode = .normal
        case .backspace:
            mode = text.isEmpty ? .normal : .command(String(text.dropLast()))
        case .up, .down:
            guard !commandHistory.isEmpty else { return }
            let index = key == .up ? max(0, (historyIndex ?? commandHistory.count) - 1) : min(commandHistory.count, (historyIndex ?? commandHistory.count) + 1)
            historyIndex = index
            mode = .command(index < commandHistory.count ? commandHistory[index] : "")
        case .character(let character):
            mode = .command(text.count < 10_000 ? text + String(character) : text)
        default:
            break
        }
    }
}

/// Collects what statements print while the viewer runs them.
private final class CapturedOutput {
    var lines: [String] = []
}
