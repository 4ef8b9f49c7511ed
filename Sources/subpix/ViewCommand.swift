import ArgumentParser
import Foundation
import SubpixScript
import SubpixTUI

/// `subpix view [FILE | -]`: the ncurses viewer (the built-in demo without a file);
/// `-`, `--stream` and `--follow` show live frames (docs/live.md).
struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Open the heatmap viewer on FILE (.npy .npz .png .pgm .csv), a script's tensor, or the built-in demo.")

    @Argument(help: "A heatmap file, or - for a stream of .npy arrays on standard input; without one the built-in demo opens.")
    var file: String?

    @Option(help: "Run this script first and view its last tensor (or --var).")
    var script: String?

    @Option(help: "The variable to view after --script.")
    var `var`: String?

    @Option(help: "Colours: truecolor, 256 or ascii (default: detected from the terminal; see docs/viewer.md).")
    var colors: ColorMode?

    @Flag(help: "Short for --colors ascii: the character ramp ' .:-=+*#%@' instead of colours.")
    var ascii = false

    @OptionGroup var liveOptions: LiveOptions
    @OptionGroup var memory: MemoryLimitOption

    func validate() throws {
        guard liveOptions.count(file: file, script: script) <= 1 else {
            throw ValidationError("expected one of FILE, --script, --stream and --follow, got \(liveOptions.count(file: file, script: script))")
        }
    }

    func run() throws {
        memory.apply()
        // First, so that `-` can hand standard input to the stream and take the keys from the terminal.
        let live = try liveOptions.start(file: file, maxBytes: memory.maxBytes ?? FrameRing.defaultMaxBytes)
        guard ViewerApp.hasTerminal else {
            throw ValidationError("subpix view needs a terminal (a TTY); for scripts use `subpix run FILE` or `subpix repl`")
        }
        let session = Session(output: { _ in })
        if let script {
            let status = ScriptRunner(path: script, arguments: [], keepGoing: false).run(in: session) { message in
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            if status != 0 { throw ExitCode(status) }
            if let name = `var` { try session.execute("view.input = \"\(name)\"") }
        } else if live == nil {
            if let file {
                try session.execute("heat = load(\"\(file.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\")")
            } else {
                try Demo.load(into: session)
            }
        }
        guard session.viewedTensor() != nil || live != nil else { throw ValidationError("nothing to view: no tensor variable") }
        try ViewerApp(session: session, colors: ascii ? .ascii : colors, live: live).run()
    }
}

extension ColorMode: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
