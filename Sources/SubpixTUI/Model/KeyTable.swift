import SubpixScript

/// The viewer's keys: the one table the `?` overlay, the hint bar and the key
/// table of `docs/viewer.md` are generated from. To add a key, add a row here.
public enum KeyTable {
    public static let commands: [KeyCommand] = [
        KeyCommand("q", "q", "quit", details: "Ctrl-C, SIGTERM and SIGHUP also restore the terminal", hint: "quit") { model, _ in
            model.shouldQuit = true
        },
        KeyCommand("?", "?", "this help (Esc or any key closes it)", hint: "help") { model, _ in model.mode = .help },
        KeyCommand(":", ":", "command line: any script statement", details: "run in the shared session (↑/↓ history)",
                   hint: "command", statement: "the statement") { model, _ in model.mode = .command("") },
        KeyCommand([.up, .down, .left, .right], "arrows", "move the cursor (or click)", details: "the view pans to keep it visible") { model, index in
            model.moveCursor(dx: [0, 0, -1, 1][index], dy: [-1, 1, 0, 0][index])
        },
        KeyCommand("+-0", "+ / - / 0", "zoom in / out around the cursor / fit the pane") { model, index in
            if index == 2 { model.fitViewport() } else { model.zoom(by: index == 0 ? 2 : 0.5) }
        },
        KeyCommand("tT", "t / T", "temperature ÷ / × 1.25", hint: "temp", statement: "view.temperature = 0.8") { model, index in
            model.scaleTemperature(by: index == 0 ? 1 / 1.25 : 1.25)
        },
        KeyCommand("kK", "k / K", "kernel size − / + (odd sizes; padding follows kernel // 2)",
                   details: "on both axes (`:` for asymmetric); padding stays at kernel // 2 unless you set it yourself",
                   hint: "kernel", statement: "view.kernel_size, view.padding = (5, 5), (2, 2)") { model, index in
            model.stepKernel(up: index == 1)
        },
        KeyCommand("sS", "s / S", "stride − / +", hint: "stride", statement: "view.stride = (2, 2)") { model, index in
            model.stepStride(up: index == 1)
        },
        KeyCommand("pP", "p / P", "padding − / +", details: "refused above half the kernel, with a message",
                   hint: "pad", statement: "view.padding = (0, 0)") { model, index in
            model.stepPadding(up: index == 1)
        },
        KeyCommand("m", "m", "next method for this tensor", details: "2D maps: " + ViewMethod.methods(forRank: 4).map(\.rawValue).joined(separator: ", ") + "; volumes: " + ViewMethod.methods(forRank: 5).map(\.rawValue).joined(separator: ", "),
                   hint: "method", statement: "view.method = 'nms2d'") { model, _ in model.cycleMethod() },
        KeyCommand("o", "o", "compare: overlay every applicable method", hint: "compare", statement: "view.compare = True") { model, _ in
            model.toggle("compare", model.session.view.compare)
        },
        KeyCommand("n", "n", "list coordinates normalised to [-1, 1]", statement: "view.normalized_coordinates = True") { model, _ in
            model.toggle("normalized_coordinates", model.session.view.normalizedCoordinates)
        },
        KeyCommand("d", "d", "diagnose the spatial soft-argmax of this map", details: "docs/diagnose.md; a `⚠` badge in the side panel flags a verdict") { model, _ in
            model.openDiagnosis()
        },
        KeyCommand("f", "f", "gradient overlay: x, then y, then off",
                   details: "how hard each pixel pulls the keypoint nearest the cursor, ∂x/∂map (or ∂y) through the method's pullback, in the diverging palette; the panel splits its mass within 2 px vs elsewhere (docs/tutorial.md, \"Why soft-argmax trains\")",
                   statement: "view.influence = 'x'") { model, _ in model.cycleInfluence() },
        KeyCommand("x", "x", "explain the method at the cursor", details: "conv_soft_argmax2d: the window's values, exp weights, softmax weights, x̂ and ŷ; quad-interp: gradient, Hessian, solved shift, the 0.7 rule; parabola/gaussian/centroid3: the three samples per axis and the fitted parabola; dark/dark_udp: gradient, Hessian and Newton step; quarter: the neighbours and the 0.25 step") { model, _ in
            model.mode = .explain
        },
        KeyCommand("bB", "b / B", "next / previous batch", hint: "batch", statement: "view.batch = 1") { model, index in
            model.stepSelection(axis: 0, by: index == 0 ? 1 : -1)
        },
        KeyCommand("cC", "c / C", "next / previous channel", hint: "channel", statement: "view.channel = 1") { model, index in
            model.stepSelection(axis: 1, by: index == 0 ? 1 : -1)
        },
        KeyCommand("[]", "[ / ]", "previous / next depth slice of a volume", statement: "view.depth = 2") { model, index in
            model.stepDepth(by: index == 0 ? -1 : 1)
        },
        KeyCommand("v", "v", "view the next tensor variable", details: "the demo's DoG volume is one press away",
                   hint: "next map", statement: "view.input = 'demo_dog'") { model, _ in model.nextTensor() },
        KeyCommand("g", "g", "next palette", statement: "view.palette = 'magma'") { model, _ in model.cyclePalette() },
        KeyCommand("w", "w", "write the session as a script", details: "`subpix-session.subpix`, never overwriting") { model, _ in
            model.writeJournal()
        },
        KeyCommand("e", "e", "export the listed keypoints (.csv)", details: "`subpix-keypoints.csv`, never overwriting") { model, _ in
            model.exportKeypoints()
        },
        KeyCommand("r", "r", "reset the parameters to their defaults", statement: "the statements that differ") { model, _ in
            model.resetParameters()
        },
        KeyCommand([.pageUp, .pageDown], "PgUp / PgDn", "scroll the keypoint list") { model, index in
            model.scrollList(by: index == 0 ? -5 : 5)
        },
        KeyCommand(" ", "space", "live: pause on the shown frame / resume", details: "`subpix view --stream`, `--follow`, `-` (docs/live.md); frames keep arriving into the ring") { model, _ in
            model.togglePause()
        },
        KeyCommand(",.", ", / .", "live: step back / forward through the kept frames", details: "pauses; the ring keeps the last frames within --max-bytes") { model, index in
            model.stepFrame(by: index == 0 ? -1 : 1)
        },
        KeyCommand([.end], "End", "live: back to the newest frame") { model, _ in model.returnToLive() },
    ]

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
    public static var hintBar: String {
        commands.compactMap { command in
            command.hint.map { command.label.replacingOccurrences(of: " / ", with: "/") + " " + $0 }
        }.joined(separator: "  ")
    }

    /// The key table of `docs/viewer.md`, as Markdown.
    public static var markdown: String {
        var lines = ["| key | what it does | statement it runs |", "|---|---|---|"]
        for command in commands {
            let keys = command.label.components(separatedBy: " / ").map { "`\($0)`" }.joined(separator: " / ")
            let what = command.help + (command.details.map { " — " + $0 } ?? "")
            let statement = command.statement.map { $0.hasPrefix("the ") ? $0 : "`\($0)`" } ?? ""
            lines.append("| \(keys) | \(what) | \(statement) |")
        }
        return lines.joined(separator: "\n")
    }
}
