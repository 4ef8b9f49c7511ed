import ArgumentParser
import Foundation
import SubpixScript
import SubpixTUI

/// `subpix view [FILE]`: the ncurses viewer (the built-in demo without a file).
struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Open the heatmap viewer on FILE (.npy .npz .png .pgm .csv), a script's tensor, or the built-in demo.")

    @Argument(help: "A heatmap file; without one the built-in demo opens.")
    var file: String?

    @Option(help: "Run this script first and view its last tensor (or --var).")
    var script: String?

    @Option(help: "The variable to view after --script.")
    var `var`: String?

    @Option(help: "Colours: truecolor, 256 or ascii (default: detected from the terminal; see docs/viewer.md).")
    var colors: ColorMode?

    @Flag(help: "Short for --colors ascii: the character ramp ' .:-=+*#%@' instead of colours.")
    var ascii = false

    @OptionGroup var memory: MemoryLimitOption

    func run() throws {
        memory.apply()
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
        } else if let file {
            try session.execute("heat = load(\"\(file.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\")")
        } else {
            try Demo.load(into: session)
        }
        guard session.viewedTensor() != nil else { throw ValidationError("nothing to view: no tensor variable") }
        try ViewerApp(session: session, colors: ascii ? .ascii : colors).run()
    }
}

extension ColorMode: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
