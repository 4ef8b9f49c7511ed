import ArgumentParser
import Foundation
import struct Subpix.KeypointMethod
import struct SubpixLanguage.ScriptError
import enum SubpixFiles.TensorFile
import enum SubpixFiles.TruthTable
import SubpixSession
import SubpixTUI

/// `subpix view [FILE | -]`, `subpix view --script FILE [ARG...]`: the ncurses viewer
/// (the built-in demo without a file); `-`, `--stream` and `--follow` show live
/// frames (docs/live.md).
struct ViewCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Open the heatmap viewer on FILE (.npy .npz .pt .png .pgm .csv), a script's tensor, or the built-in demo.",
        discussion: "With --script, the arguments after it reach the script as args, as with `subpix run`. A file or script error is reported before the viewer asks for a terminal.")

    @Argument(parsing: .allUnrecognized,
              help: "A heatmap file, or - for a stream of .npy arrays on standard input (without one the built-in demo opens); with --script, the script's arguments.")
    var inputs: [String] = []

    @Option(help: "Run this script first and view its last tensor (or --var).")
    var script: String?

    @Option(help: "The variable to view after --script, or the one array of an .npz FILE to load (default: every array, each a variable named after it; v steps through them).")
    var `var`: String?

    @Option(help: "Colours: truecolor, 256 or ascii (default: detected from the terminal; see docs/viewer.md).")
    var colors: ColorMode?

    @Flag(help: "Short for --colors ascii: the character ramp ' .,:-=*#%@' instead of colours.")
    var ascii = false

    @Option(help: ArgumentHelp("Write the heatmap pane (with markers and colour bar) as a PNG to this path and exit; needs no terminal.", valueName: "out.png"))
    var snapshot: String?

    @Flag(help: "Open on the grid of every channel of the first batch item (# toggles it; with --snapshot, picture the grid).")
    var grid = false

    @Option(help: "The terminal size --snapshot pictures, in cells (at most 2000x1000).")
    var size = TerminalSize(columns: 120, rows: 40)

    @Option(help: "Open on this batch item (what --snapshot pictures), as view.batch = N.")
    var batch: Int?

    @Option(help: "Open on this channel (what --snapshot pictures), as view.channel = N.")
    var channel: Int?

    @Option(help: "Open with this keypoint method (\(KeypointMethod.convSoftArgmax2d.name), \(KeypointMethod.nms2d.name), \(KeypointMethod.dark.name), ...; `compare` for every one), as view.method = NAME.")
    var method: String?

    @Option(help: ArgumentHelp("Ground truth: a CSV with the columns x,y (pixels) and optionally batch,channel; opens in compare mode (unless --method), each method's error against it in the panel.", valueName: "truth.csv"))
    var truth: String?

    @OptionGroup var liveOptions: LiveOptions
    @OptionGroup var kornia: KorniaOption
    @OptionGroup var memory: MemoryLimitOption
    @OptionGroup var force: ForceOption

    /// The heatmap file (`inputs` are the script's arguments when there is a script).
    private var file: String? { script == nil ? inputs.first : nil }

    func validate() throws {
        if script == nil {
            if let option = inputs.first(where: { $0.hasPrefix("-") && $0 != "-" }) { throw ValidationError("unknown option '\(option)'") }
            guard inputs.count <= 1 else {
                throw ValidationError("expected one heatmap file, got \(inputs.count); to pass arguments to a script use --script FILE ARG...")
            }
        }
        guard liveOptions.count(file: file, script: script) <= 1 else {
            throw ValidationError("expected one of FILE, --script, --stream and --follow, got \(liveOptions.count(file: file, script: script))")
        }
        guard snapshot == nil || (liveOptions.stream == nil && liveOptions.follow == nil && file != "-") else {
            throw ValidationError("--snapshot pictures a FILE, a --script's tensor or the demo, not a live --stream, --follow or -")
        }
    }

    func run(console: Console) throws {
        memory.apply()
        // First, so that `-` can hand standard input to the stream and take the keys from the terminal.
        let live = try liveOptions.start(file: file, maxBytes: memory.maxBytes ?? FrameRing.defaultMaxBytes)
        let session = Session(kornia: try kornia.version(), output: { _ in })
        if let script {
            var arguments = inputs
            if let terminator = arguments.firstIndex(of: "--") { arguments.remove(at: terminator) }
            let status = ScriptRunner(path: script, arguments: arguments, keepGoing: false, kornia: try kornia.explicit())
                .run(in: session) { console.report($0) }
            if status != 0 { throw ExitCode(status) }
            if let name = `var` { try session.apply([.input(name)]) }
            session.followScriptCalls()
        } else if live == nil {
            if let file {
                try load("heat", from: file, into: session)
                if case .archive(let archive)? = session.variables["heat"] {
                    try loadMembers(of: archive.names, from: file, choosing: `var`, into: session)
                }
            } else {
                try Demo.load(into: session)
            }
        }
        // Plain one-line errors (no usage text: the command line itself was fine), after any file error.
        guard session.viewedTensor() != nil || live != nil else { throw ScriptError("nothing to view: no tensor variable") }
        try select(in: session)
        let truthTable = try truth.map(TruthTable.read)
        if truthTable != nil, method == nil { try session.apply([.compare(true)]) }
        if let snapshot {
            try SnapshotPath.check(snapshot)
            guard force.force || !FileManager.default.fileExists(atPath: snapshot) else {
                throw ScriptError("\(snapshot): file exists; pass --force to replace it")
            }
            let model = ViewerModel(session: session, colorMode: .trueColor, size: (size.columns, size.rows))
            (model.sourceFile, model.truthTable) = (file, truthTable)
            if grid { model.update(.key(.character("#"))) }
            let written = grid ? try GridSnapshot(model).write(to: snapshot, overwrite: force.force)
                : try ViewSnapshot(model).write(to: snapshot, overwrite: force.force)
            console.print("saved \(written)")
            return
        }
        var app = ViewerApp(session: session, colors: ascii ? .ascii : colors, live: live)
        (app.startsInGrid, app.sourceFile, app.truthTable) = (grid, file, truthTable)
        if let screen = console.screen { return app.run(on: screen) }
        guard console.hasTerminal() else {
            throw ScriptError("subpix view needs a terminal (a TTY); for scripts use `subpix run FILE` or `subpix repl`")
        }
        try app.run()
    }

    /// `variable = load(file[, member])`, then, for a 3D array, the axes the viewer
    /// adds to show it as a volume (`variable = variable[None, None]`), both journaled
    /// so that a script written with `w` replays them.
    private func load(_ variable: String, from file: String, member: String? = nil, into session: Session) throws {
        try command("\(variable) = load(\(quoted(file))\(member.map { ", " + quoted($0) } ?? ""))", in: session)
        let rank = session.tensor(named: variable)?.shape.count ?? 0
        guard let lift = TensorFile.viewerAxesStatement(variable, rank: rank) else { return }
        try command(lift, in: session)
    }

    /// `--batch`, `--channel` and `--method` as the view changes they stand for (journaled,
    /// so `w` writes them), refused with the settings' own errors.
    private func select(in session: Session) throws {
        var changes: [ViewChange] = []
        if let batch { changes.append(.batch(batch)) }
        if let channel { changes.append(.channel(channel)) }
        if let method {
            if method == "compare" {
                changes.append(.compare(true))
            } else if let chosen = KeypointMethod.named(method) {
                changes.append(.method(chosen))
            } else {
                throw ScriptError("expected --method to be compare or one of \(KeypointMethod.all.map(\.name).joined(separator: ", ")), got '\(method)'")
            }
        }
        try session.apply(changes)
    }

    /// Runs a statement the command line implies; its errors name the problem
    /// without a position inside that statement (which the user never typed).
    private func command(_ statement: String, in session: Session) throws {
        do {
            try session.execute(statement)
        } catch let error as ScriptError {
            throw ScriptError(error.message)
        }
    }

    /// An archive's arrays each become a variable named after the member (so `v` steps
    /// through them and the panel names each one), the chosen one (`--var`, or the first) shown.
    private func loadMembers(of names: [String], from file: String, choosing chosen: String?, into session: Session) throws {
        if let chosen {
            return try load("heat", from: file, member: chosen, into: session)
        }
        var shown: String?
        for member in names {
            let variable = identifier(member)
            // A member whose name cannot be a variable (a builtin's, say) stays reachable as heat["name"].
            guard (try? load(variable, from: file, member: member, into: session)) != nil else { continue }
            shown = shown ?? variable
        }
        if let shown { try session.apply([.input(shown)]) }
    }

    /// `member` as a script identifier: other characters become `_`, a leading digit gets one.
    private func identifier(_ member: String) -> String {
        let name = String(member.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return name.first.map { $0.isNumber } ?? true ? "_" + name : name
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension ColorMode: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--size 120x40`: a terminal size in cells, up to 2000 × 1000 (the pane's cells are
/// computed like a real terminal's, so the bound keeps memory modest).
struct TerminalSize: ExpressibleByArgument {
    var columns: Int
    var rows: Int

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]),
              (1...2000).contains(columns), (1...1000).contains(rows) else { return nil }
        self.init(columns: columns, rows: rows)
    }

    var defaultValueDescription: String { "\(columns)x\(rows)" }
}
