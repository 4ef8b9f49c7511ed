import ArgumentParser
import Foundation
import SubpixScript

/// `subpix run FILE [ARG...]`: run a script; `-` reads it from standard input.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script file (or - for standard input); extra arguments become args[0], args[1], ...")

    @Flag(help: "Report every failing statement and go on, instead of stopping at the first.")
    var keepGoing = false

    @Argument(help: "The script file, or - for standard input.")
    var file: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the script as args.")
    var arguments: [String] = []

    func run() throws {
        let status = ScriptRunner(path: file, arguments: arguments, keepGoing: keepGoing).run { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        if status != 0 { throw ExitCode(status) }
    }
}
