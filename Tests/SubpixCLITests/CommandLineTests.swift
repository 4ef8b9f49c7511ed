import ArgumentParser
@testable import SubpixCommands
import SubpixTUI
import XCTest

/// The command line as swift-argument-parser parses it, in process and without running
/// anything (as its own `AssertParse` tests do): the options each command gets, the help
/// text, and the command lines refused with a message and the usage.
final class CommandLineTests: XCTestCase {
    /// Parses `arguments` as `subpix ARGUMENTS` does and hands the command, which must be a `Command`, to `check`.
    private func assertParse<Command: ParsableCommand>(_ arguments: [String], as _: Command.Type,
                                                       file: StaticString = #filePath, line: UInt = #line,
                                                       _ check: (Command) throws -> Void) throws {
        let parsed = try SubpixCommand.parse(arguments)
        try check(try XCTUnwrap(parsed as? Command, "\(arguments) parsed as \(type(of: parsed))", file: file, line: line))
    }

    /// What `subpix ARGUMENTS` prints (without the last newline; on stdout for `--version`,
    /// on stderr for an error) and exits with, for a command line that parsing stops; nil,
    /// and a failure, when it parses.
    private func refusal(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> (message: String, status: ExitCode)? {
        do {
            let parsed = try SubpixCommand.parse(arguments)
            XCTFail("\(arguments) parsed as \(type(of: parsed))", file: file, line: line)
            return nil
        } catch {
            return (SubpixCommand.fullMessage(for: error, columns: 80), SubpixCommand.exitCode(for: error))
        }
    }

    func testWithoutASubcommandTheViewerOpensOnTheDemo() throws {
        try assertParse([], as: ViewCommand.self) { view in
            XCTAssertEqual(view.inputs, [])
            XCTAssertNil(view.script)
            XCTAssertNil(view.snapshot)
            XCTAssertEqual(view.size.defaultValueDescription, "120x40")
        }
        try assertParse(["map.npy", "--colors", "256"], as: ViewCommand.self) { view in
            XCTAssertEqual(view.inputs, ["map.npy"])
            XCTAssertEqual(view.colors, .xterm256)
        }
    }

    /// Options may follow the file; what follows `--` reaches the script unparsed (`run` drops the `--`).
    func testRunTakesItsOptionsAroundTheFileAndPassesTheRestToTheScript() throws {
        try assertParse(["run", "s.subpix", "--keep-going", "a", "--", "--keep-going", "-x"], as: RunCommand.self) { run in
            XCTAssertEqual(run.file, "s.subpix")
            XCTAssertTrue(run.keepGoing)
            XCTAssertEqual(run.arguments, ["a", "--", "--keep-going", "-x"])
            XCTAssertFalse(run.quiet.quiet)
            XCTAssertFalse(run.force.force)
        }
        try assertParse(["run", "-q", "--force", "each.subpix", "--each-frame", "-", "--frame-variable", "heat", "--max-bytes", "4096"],
                        as: RunCommand.self) { run in
            XCTAssertEqual(run.file, "each.subpix")
            XCTAssertEqual(run.eachFrame, "-")
            XCTAssertEqual(run.frameVariable, "heat")
            XCTAssertEqual(run.memory.maxBytes, 4096)
            XCTAssertTrue(run.quiet.quiet)
            XCTAssertTrue(run.force.force)
            XCTAssertEqual(run.arguments, [])
        }
    }

    /// With --script, the inputs after it are the script's arguments, a negative number too.
    func testViewScriptKeepsItsArguments() throws {
        try assertParse(["view", "--script", "s.subpix", "m.csv", "-0.5", "--var", "heat"], as: ViewCommand.self) { view in
            XCTAssertEqual(view.script, "s.subpix")
            XCTAssertEqual(view.inputs, ["m.csv", "-0.5"])
            XCTAssertEqual(view.var, "heat")
        }
        try assertParse(["view", "--snapshot", "out.png", "--size", "200X50"], as: ViewCommand.self) { view in
            XCTAssertEqual(view.snapshot, "out.png")
            XCTAssertEqual(view.size.columns, 200)
            XCTAssertEqual(view.size.rows, 50)
        }
        try assertParse(["bench", "--list", "--only", "csa2d_k3"], as: BenchCommand.self) { bench in
            XCTAssertTrue(bench.list)
            XCTAssertEqual(bench.only, "csa2d_k3")
            XCTAssertEqual(bench.threads, 2)
            XCTAssertEqual(bench.reps, 20)
        }
    }

    func testTheViewerTakesOneInput() throws {
        let twoFiles = try XCTUnwrap(refusal(["view", "a.npy", "b.npy"]))
        XCTAssertEqual(twoFiles.status, .validationFailure)
        XCTAssertTrue(twoFiles.message.hasPrefix("Error: expected one heatmap file, got 2; to pass arguments to a script use --script FILE ARG..."))
        XCTAssertTrue(twoFiles.message.contains("\nUsage: subpix view "), twoFiles.message)
        let fileAndStream = try XCTUnwrap(refusal(["view", "a.npy", "--stream", "heat.fifo"]))
        XCTAssertTrue(fileAndStream.message.hasPrefix("Error: expected one of FILE, --script, --stream and --follow, got 2\n"), fileAndStream.message)
        let unknown = try XCTUnwrap(refusal(["view", "--nope"]))
        XCTAssertTrue(unknown.message.hasPrefix("Error: unknown option '--nope'\n"), unknown.message)
    }

    func testSnapshotRefusesBadSizesAndLiveInputs() throws {
        for bad in ["wide", "3000x40", "120x0"] {
            let garbled = try XCTUnwrap(refusal(["view", "--snapshot", "view.png", "--size", bad]))
            XCTAssertNotEqual(garbled.status, .success)
            XCTAssertTrue(garbled.message.hasPrefix("Error: The value '\(bad)' is invalid for '--size <size>'"), garbled.message)
        }
        let live = try XCTUnwrap(refusal(["view", "--snapshot", "view.png", "--follow", "x.npy"]))
        XCTAssertEqual(live.message.split(separator: "\n").first, "Error: --snapshot pictures a FILE, a --script's tensor or the demo, not a live --stream, --follow or -")
    }

    func testRunAndBenchRefuseBadValues() throws {
        let both = try XCTUnwrap(refusal(["run", "-", "--each-frame", "-"]))
        XCTAssertNotEqual(both.status, .success)
        XCTAssertTrue(both.message.contains("expected the script or the stream on standard input, not both"), both.message)
        let variable = try XCTUnwrap(refusal(["run", "s.subpix", "--frame-variable", "1x"]))
        XCTAssertTrue(variable.message.hasPrefix("Error: expected a variable name for --frame-variable, got '1x'\n"), variable.message)
        let bytes = try XCTUnwrap(refusal(["run", "s.subpix", "--max-bytes", "0"]))
        XCTAssertTrue(bytes.message.hasPrefix("Error: expected --max-bytes > 0, got 0\n"), bytes.message)
        let threads = try XCTUnwrap(refusal(["bench", "--threads", "0"]))
        XCTAssertEqual(threads.status, .validationFailure)
        XCTAssertTrue(threads.message.hasPrefix("Error: expected --threads >= 1, got 0\n"), threads.message)
        let missing = try XCTUnwrap(refusal(["run"]))
        XCTAssertTrue(missing.message.hasPrefix("Error: Missing expected argument '<file>'\n"), missing.message)
    }

    /// `--help` (which parses as the built-in help command) and `--version` are clean
    /// exits whose text goes to stdout.
    func testHelpListsTheSubcommandsAndTheVersionIsTheLibrarys() throws {
        let help = try CLIRunner.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertEqual(help.stdout, SubpixCommand.helpMessage(columns: 80) + "\n")
        XCTAssertEqual(help.stderr, "")
        for line in ["USAGE: subpix <subcommand>", "  view (default)", "  repl ", "  run ", "  builtins ", "  bench "] {
            XCTAssertTrue(help.stdout.contains(line), "\(line) in:\n\(help.stdout)")
        }
        XCTAssertEqual(try CLIRunner.run(["run", "--help"]).stdout, SubpixCommand.helpMessage(for: RunCommand.self, columns: 80) + "\n")
        let wide = SubpixCommand.helpMessage(for: RunCommand.self, columns: 400)
        XCTAssertTrue(wide.contains("Arguments after -- reach the script unparsed."), wide)
        XCTAssertTrue(wide.contains("USAGE: subpix run [--keep-going] [--each-frame <stream>] [--frame-variable <frame-variable>] [--max-seconds <seconds>] <file> [<arguments> ...]"), wide)
        let version = try XCTUnwrap(refusal(["--version"]))
        XCTAssertEqual(version.status, .success)
        XCTAssertEqual(version.message, "0.1.0")
    }

    /// `run` parsed on its own (the start-up's fast path) is the command the root parse
    /// gives, field for field; the lines only the root answers rightly (help, the root's
    /// `--version`, errors, no subcommand) are left to it.
    func testRunParsedAloneIsTheRootsParse() throws {
        let lines = [
            ["run", "empty.subpix"],
            ["run", "s.subpix", "--keep-going", "a", "--", "--keep-going", "-x"],
            ["run", "-q", "--force", "each.subpix", "--each-frame", "-", "--frame-variable", "heat", "--max-bytes", "4096"],
            ["run", "s.subpix", "--kornia", "0.7", "--max-seconds", "2.5", "-3", "x"],
        ]
        for arguments in lines {
            let alone = try XCTUnwrap(SubpixCommand.parsedAlone(arguments) as? RunCommand, "\(arguments) not parsed alone")
            let root = try XCTUnwrap(SubpixCommand.parseAsRoot(arguments) as? RunCommand)
            XCTAssertEqual(dumped(alone), dumped(root), "\(arguments)")
            XCTAssertEqual(alone.file, arguments.first { $0.hasSuffix(".subpix") })
        }
        // Without an option, no parse at all: every field as the parse sets it (an unset
        // field dumps as its definition, not its value), and options still go to the parse.
        for arguments in [["empty.subpix"], ["s.subpix", "a", "3", "x.npy"]] {
            let plain = try XCTUnwrap(RunCommand.plain(arguments))
            XCTAssertEqual(dumped(plain), dumped(try XCTUnwrap(SubpixCommand.parseAsRoot(["run"] + arguments) as? RunCommand)), "\(arguments)")
        }
        for arguments in [["s.subpix", "-q"], ["-"], ["s.subpix", "--", "a"], []] {
            XCTAssertNil(RunCommand.plain(arguments), "\(arguments)")
        }
        for arguments in [["run", "--help"], ["run", "s.subpix", "-h"], ["run", "s.subpix", "--version"], ["run", "s.subpix", "--", "--version"],
                          ["run"], ["run", "-", "--each-frame", "-"], ["help", "run"], ["map.npy"], []] {
            XCTAssertNil(SubpixCommand.parsedAlone(arguments), "\(arguments)")
        }
        // What the root makes of those: `--version` among a script's arguments is the version.
        XCTAssertEqual(try XCTUnwrap(refusal(["run", "s.subpix", "--version"])).message, "0.1.0")
        XCTAssertEqual(try CLIRunner.run(["run", "s.subpix", "-h"]).stdout, SubpixCommand.helpMessage(for: RunCommand.self, columns: 80) + "\n")
    }

    /// Every stored field of `command`, nested ones too, as `dump` writes them.
    private func dumped(_ command: RunCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }
}
