import ArgumentParser
import Subpix
import SubpixScript

/// The `subpix` command: sub-pixel keypoint extraction from heatmaps, in the terminal.
/// The executable (`Sources/subpix`) only calls it.
public struct SubpixCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "subpix",
        abstract: "Sub-pixel keypoint extraction from heatmaps (a port of kornia.geometry.subpix).",
        version: SubpixVersion.string,
        subcommands: [ViewCommand.self, ReplCommand.self, RunCommand.self, HelpCommand.self, BenchCommand.self],
        defaultSubcommand: ViewCommand.self)

    public init() {}
}
