import ArgumentParser
import Subpix

/// The `subpix` command: sub-pixel keypoint extraction from heatmaps, in the terminal.
/// The executable (`Sources/subpix`) only calls it.
public struct SubpixCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "subpix",
        abstract: "Sub-pixel keypoint extraction from heatmaps (a port of kornia.geometry.subpix).",
        version: SubpixVersion.string,
        subcommands: [ViewCommand.self, ReplCommand.self, RunCommand.self, ExtractCommand.self, HelpCommand.self, BenchCommand.self],
        defaultSubcommand: ViewCommand.self)

    public init() {}
}

extension SubpixCommand {
    /// Parses `arguments` (without the program name), runs the command they name and
    /// returns the exit status, writing to `console` what swift-argument-parser's
    /// `main()` writes to the process's streams: help and `--version` to stdout,
    /// `Error: ...` (with the usage, for a bad command line) to stderr.
    ///
    /// `columns` wraps help and usage text (`nil`: the terminal's width, else 80).
    /// `subpix repl` reads the process's stdin and writes its own stdout and stderr
    /// whatever `console` is.
    public static func execute(_ arguments: [String], console: Console, columns: Int? = nil) -> Int32 {
        do {
            var command = try parse(arguments)
            if let command = command as? any ConsoleCommand {
                try command.run(console: console)
            } else {
                try command.run()
            }
            return ExitCode.success.rawValue
        } catch {
            let message = fullMessage(for: error, columns: columns)
            let status = exitCode(for: error)
            if !message.isEmpty {
                status.isSuccess ? console.print(message) : console.report(message)
            }
            return status.rawValue
        }
    }
}

extension SubpixCommand {
    /// The command `arguments` name, as ``parseAsRoot(_:)`` parses it.
    ///
    /// A subcommand named first is parsed on its own when it can be
    /// (``parsedAlone(_:)``), since the root parse costs about half of what
    /// `subpix run` spends starting (docs/performance.md). Everything else goes through
    /// the root parse, for its help, version, messages and usage.
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        try parsedAlone(arguments) ?? parseAsRoot(arguments)
    }

    /// The subcommand named by the first of `arguments`, parsed without the root; nil
    /// where only the root parse gives the right answer: no subcommand is named (the
    /// viewer is the default), `--version` (a flag of the root's, which a script's
    /// arguments would otherwise swallow) appears, the subcommand's own parse throws (an
    /// error, whose usage must say `subpix`) or gives something else (help, likewise).
    static func parsedAlone(_ arguments: [String]) -> ParsableCommand? {
        if arguments.first == RunCommand.configuration.commandName, let plain = RunCommand.plain(Array(arguments.dropFirst())) {
            return plain
        }
        guard let name = arguments.first, !arguments.contains("--version"),
              let subcommand = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
              let parsed = try? subcommand.parseAsRoot(Array(arguments.dropFirst())), type(of: parsed) == subcommand
        else { return nil }
        return parsed
    }
}
