import ArgumentParser
import Subpix
import SubpixScript

/// The `subpix` command: sub-pixel keypoint extraction from heatmaps, in the terminal.
@main
struct SubpixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subpix",
        abstract: "Sub-pixel keypoint extraction from heatmaps (a port of kornia.geometry.subpix).",
        version: SubpixVersion.string,
        subcommands: [ViewCommand.self, ReplCommand.self, RunCommand.self, HelpCommand.self, BenchCommand.self],
        defaultSubcommand: ViewCommand.self)

    /// Keeps freed memory warm for every command (see ``HeapTuning``), then runs the one asked for.
    static func main() {
        HeapTuning.keepFreedMemoryWarm()
        main(nil)
    }
}
