import ArgumentParser

/// The `subpix` command: sub-pixel keypoint extraction from heatmaps, in the terminal.
@main
struct SubpixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subpix",
        abstract: "Sub-pixel keypoint extraction from heatmaps (a port of kornia.geometry.subpix).",
        subcommands: [ViewCommand.self, ReplCommand.self, RunCommand.self, HelpCommand.self, BenchCommand.self],
        defaultSubcommand: ViewCommand.self)
}

/// `subpix view`: the ncurses visualiser.
struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view", abstract: "Open the heatmap viewer.")

    func run() throws {
        print("subpix view: the ncurses viewer is not built yet; it arrives with the visualiser issue.")
    }
}
