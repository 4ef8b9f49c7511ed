import Subpix
import SubpixSession

/// The viewer's keys: the one table the `?` overlay, the hint bar and the key
/// table of `docs/viewer.md` are generated from. To add a key, add a row here.
public enum KeyTable {
    public static let commands: [KeyCommand] = [
        KeyCommand("q", "q", "quit", details: "Ctrl-C, SIGTERM and SIGHUP also restore the terminal", hint: "quit") { model, _ in
            model.shouldQuit = true
        },
        KeyCommand("?", "?", "this help", details: "Esc or any key closes it", hint: "help") { model, _ in model.mode = .help },
        KeyCommand(":", ":", "command line (any statement)", details: "any script statement, run in the shared session (↑/↓ history); Ctrl-C stops one that runs, as does a limit of \(Int(ViewerEffect.statementSeconds)) s; \(CommandShorthand.help); output of several lines opens a pane that scrolls (↑/↓, PgUp/PgDn, Home/End; any other key closes it)",
                   hint: "command", hintRank: 8, statement: "the statement") { model, _ in model.mode = .command("") },
        KeyCommand([.up, .down, .left, .right], "arrows", "move the cursor (or click)", details: "the view pans to keep it visible; in the grid, the selected panel") { model, index in
            let (dx, dy) = ([0, 0, -1, 1][index], [-1, 1, 0, 0][index])
            if model.grid != nil { model.moveGridSelection(dx: dx, dy: dy) } else { model.moveCursor(dx: dx, dy: dy) }
        },
        KeyCommand("#", "#", "grid of every channel / back",
                   details: "small multiples: every channel of this batch item, each with its keypoints, channel index and confidence badge (✓ a peak, ⊘ none); pages beyond one screen; `subpix view FILE --grid` opens on it") { model, _ in
            model.toggleGrid()
        },
        KeyCommand([.tab], "Tab", "grid: channels of this batch item ↔ batch items of this channel") { model, _ in model.switchGridAxis() },
        KeyCommand([.enter], "Enter", "grid: open the selected map", details: "`#` goes back to the grid") { model, _ in model.openGridSelection() },
        KeyCommand("+-0", "+ / - / 0", "zoom in / out / fit", details: "zooms around the cursor; 0 fits the map in the pane") { model, index in
            if index == 2 { model.fitViewport() } else { model.zoom(by: index == 0 ? 2 : 0.5) }
        },
        KeyCommand("tT", "t / T", "temperature ÷ / × 1.25", hint: "temp", hintRank: 12, statement: example([.temperature(0.8)])) { model, index in
            model.scaleTemperature(by: index == 0 ? 1 / 1.25 : 1.25)
        },
        KeyCommand("kK", "k / K", "kernel size − / + (odd sizes)",
                   details: "3 → 5 → 7 on both axes (`:` for asymmetric); padding stays at kernel // 2 unless you set it yourself",
                   hint: "kernel", hintRank: 10, statement: example([.kernelSize([5, 5]), .padding([2, 2])])) { model, index in
            model.stepKernel(up: index == 1)
        },
        KeyCommand("sS", "s / S", "stride − / +", hint: "stride", hintRank: 4, statement: example([.stride([2, 2])])) { model, index in
            model.stepStride(up: index == 1)
        },
        KeyCommand("pP", "p / P", "padding − / +", details: "refused above half the kernel, with a message",
                   hint: "pad", hintRank: 3, statement: example([.padding([0, 0])])) { model, index in
            model.stepPadding(up: index == 1)
        },
        KeyCommand("m", "m", "next method for this tensor", details: "2D maps: " + KeypointMethod.methods(forRank: 4).map(\.name).joined(separator: ", ") + "; volumes: " + KeypointMethod.methods(forRank: 5).map(\.name).joined(separator: ", "),
                   hint: "method", hintRank: 11, statement: example(KeypointMethod.initialForMaps.next(in: KeypointMethod.methods(forRank: 4)).map { [.method($0)] } ?? [])) { model, _ in
            model.cycleMethod()
        },
        KeyCommand("o", "o", "compare all methods", details: "overlay and list every method that applies to the tensor", hint: "compare", hintRank: 5, statement: example([.compare(true)])) { model, _ in
            model.toggle(ViewChange.compare, model.session.view.compare)
        },
        KeyCommand("n", "n", "normalised coordinates [-1, 1]", details: "the list, the export and w's script; quad-interp has pixels only", statement: example([.normalizedCoordinates(true)])) { model, _ in
            model.toggle(ViewChange.normalizedCoordinates, model.session.view.normalizedCoordinates)
        },
        KeyCommand("d", "d", "diagnose this map's soft-argmax", details: "\(KeypointMethod.diagnosedNames); docs/diagnose.md; a `⚠` badge in the side panel flags a verdict; Enter in the diagnosis sets the temperature it suggests") { model, _ in
            model.openDiagnosis()
        },
        KeyCommand("f", "f", "gradient overlay: x, then y, then off",
                   details: "how hard each pixel pulls the keypoint nearest the cursor, ∂x/∂map (or ∂y) through the method's pullback, in the diverging palette; the panel splits its mass within 2 px vs elsewhere (docs/tutorial.md, \"Why soft-argmax trains\")",
                   statement: example([.influence(.x)])) { model, _ in model.cycleInfluence() },
        KeyCommand("x", "x", "explain the method at the cursor", details: KeypointMethod.explained) { model, _ in
            model.mode = .explain
        },
        KeyCommand("bB", "b / B", "next / previous batch", hint: "batch", hintRank: 6, statement: example([.batch(1)])) { model, index in
            model.stepSelection(axis: 0, by: index == 0 ? 1 : -1)
        },
        KeyCommand("cC", "c / C", "next / previous channel", hint: "channel", hintRank: 7, statement: example([.channel(1)])) { model, index in
            model.stepSelection(axis: 1, by: index == 0 ? 1 : -1)
        },
        KeyCommand("[]", "[ / ]", "depth slice − / +", details: "of a volume; keypoints within view.depth_band slices are drawn", statement: example([.depth(2)])) { model, index in
            model.stepDepth(by: index == 0 ? -1 : 1)
        },
        KeyCommand("v", "v", "view the next tensor variable", details: "the demo's DoG volume is one press away",
                   hint: "next map", hintRank: 2, statement: example([.input("demo_dog")])) { model, _ in model.nextTensor() },
        KeyCommand("lL", "l / L", "threshold − / +",
                   details: "a fraction of the map's maximum (after `a`, of the tensor's, or a value); windowed methods drop keypoints below it; steps 0, 2, 5, 10, 20, 30, 50, 70, 90 % (0 … 0.9 as values)",
                   hint: "threshold", hintRank: 9, statement: example([.threshold(0.2)])) { model, index in
            model.stepThreshold(up: index == 1)
        },
        KeyCommand("a", "a", "threshold mode: per map, per tensor, absolute",
                   details: "what l/L's threshold is measured against: the map's maximum, the whole tensor's, or the value itself",
                   statement: example([.thresholdMode(.tensor)])) { model, _ in
            model.cycleThresholdMode()
        },
        KeyCommand("gG", "g / G", "palette / colour range", details: "g cycles the palettes (auto, viridis, magma, gray, diverging), skipping one that looks like the palette shown, and names it; G the colour range: per map, per tensor, fixed 0…1",
                   statement: example([.palette(.magma)], [.range(.tensor)])) { model, index in
            if index == 0 { model.cyclePalette() } else { model.assign([.range(model.session.view.range.next)]) }
        },
        KeyCommand("h", "h", "hide / show the markers (the map alone)", hint: "markers", hintRank: 1, statement: example([.markers(false)])) { model, _ in
            model.toggle(ViewChange.markers, model.session.view.markers)
        },
        KeyCommand("i", "i", "write the view as a picture (.png)",
                   details: "`subpix-view.png`, never overwriting: the heatmap pane with its markers and colour bar, as `:snapshot(\"view.png\")` does") { model, _ in
            model.writeSnapshot()
        },
        KeyCommand("w", "w", "write a script of this view", details: "`subpix-session.subpix`, never overwriting: the load, one op call, keypoints(...), print(kp)") { model, _ in
            model.writeJournal()
        },
        KeyCommand("e", "e", "export the list (.csv)", details: "`subpix-keypoints.csv` with a method column and the shown units, never overwriting") { model, _ in
            model.exportKeypoints()
        },
        KeyCommand("E", "E", "export every map's keypoints (.csv)",
                   details: "`subpix-maps.csv`, never overwriting: every (batch, channel) map of the tensor at the current settings, in pixels, with the columns file, member, frame, batch, channel, x, y, value, method") { model, _ in
            model.exportEveryMap()
        },
        KeyCommand("r", "r", "reset the parameters", statement: "the statements that differ") { model, _ in
            model.resetParameters()
        },
        KeyCommand([.pageUp, .pageDown], "PgUp / PgDn", "scroll the keypoint list a page", details: "in the grid, a page of maps") { model, index in
            if model.grid != nil { model.pageGrid(by: index == 0 ? -1 : 1) } else { model.scrollList(pages: index == 0 ? -1 : 1) }
        },
        KeyCommand(" ", "space", "live: pause on the shown frame / resume", details: "`subpix view --stream`, `--follow`, `-` (docs/live.md); frames keep arriving into the ring") { model, _ in
            model.togglePause()
        },
        KeyCommand(",.", ", / .", "live: step back / forward through the kept frames", details: "pauses; the ring keeps the last frames within --max-bytes") { model, index in
            model.stepFrame(by: index == 0 ? -1 : 1)
        },
        KeyCommand([.end], "End", "live: back to the newest frame") { model, _ in model.returnToLive() },
    ]

    /// The docs' example of what a key does: the statement each alternative is journaled as, `/` between them.
    private static func example(_ alternatives: [ViewChange]...) -> String {
        alternatives.map(ViewChange.statement).joined(separator: " / ")
    }

    /// The row and key position bound to `key`, if any.
    static func command(for key: Key) -> (command: KeyCommand, index: Int)? {
        for command in commands {
            if let index = command.keys.firstIndex(of: key) { return (command, index) }
        }
        return nil
    }

    /// The `?` overlay's lines: label, then what the keys do.
    public static var helpLines: [String] {
        let width = (commands.map(\.label.count).max() ?? 0) + 2
        return commands.map { $0.label.padding(toLength: width, withPad: " ", startingAt: 0) + $0.help }
    }

    /// The hint bar: `q quit  ? help  : command  t/T temp ...`.
    public static var hintBar: String { hintBar(width: .max) }

    /// The hint bar within `width` columns: the hints of lowest ``KeyCommand/hintRank``
    /// left out one at a time until the rest fits (`h markers`, `v next map`, `p/P pad`
    /// at 120 columns; then stride, compare, batch and channel at 80); `q quit` and
    /// `? help`, which lists every key, always stay.
    public static func hintBar(width: Int) -> String {
        var hinted = commands.filter { $0.hint != nil }
        func text() -> String {
            hinted.compactMap { command in
                command.hint.map { command.label.replacingOccurrences(of: " / ", with: "/") + " " + $0 }
            }.joined(separator: "  ")
        }
        while text().count > width,
              let lowest = hinted.indices.filter({ hinted[$0].hintRank != nil }).min(by: { (hinted[$0].hintRank ?? 0) < (hinted[$1].hintRank ?? 0) }) {
            hinted.remove(at: lowest)
        }
        return text()
    }

    /// The key table of `docs/viewer.md`, as Markdown.
    public static var markdown: String {
        var lines = ["| key | what it does | journaled as |", "|---|---|---|"]
        for command in commands {
            let keys = command.label.components(separatedBy: " / ").map { "`\($0)`" }.joined(separator: " / ")
            let what = command.help + (command.details.map { " — " + $0 } ?? "")
            let statement = command.statement.map { $0.hasPrefix("the ") ? $0 : "`\($0)`" } ?? ""
            lines.append("| \(keys) | \(what) | \(statement) |")
        }
        return lines.joined(separator: "\n")
    }
}
