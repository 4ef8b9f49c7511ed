import ArgumentParser
import Foundation
import SubpixScript

/// `subpix run FILE [--keep-going] [ARG...]`: run a script; `-` reads it from standard input.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script file (or - for standard input); extra arguments become args[0], args[1], ...",
        discussion: "Stops at the first error (FILE:LINE:COL: error: message) with exit status 1. Arguments after -- reach the script unparsed.")

    @Flag(help: "Report every failing statement and go on, instead of stopping at the first.")
    var keepGoing = false

    @Argument(help: "The script file, or - for standard input.")
    var file: String

    @Argument(parsing: .allUnrecognized, help: "Arguments passed to the script as args.")
    var arguments: [String] = []

    @OptionGroup var memory: MemoryLimitOption
    @OptionGroup var force: ForceOption

    func run() throws {
        memory.apply()
        var scriptArguments = arguments
        if let terminator = scriptArguments.firstIndex(of: "--") { scriptArguments.remove(at: terminator) }
        let session = Session()
        session.overwritesFiles = force.force
        let status = ScriptRunner(path: file, arguments: scriptArguments, keepGoing: keepGoing).run(in: session) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        if status != 0 { throw ExitCode(status) }
    }
}
