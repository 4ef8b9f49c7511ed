import ArgumentParser
import SubpixFiles
import SubpixSession

/// `subpix run FILE [--keep-going] [--each-frame STREAM] [ARG...]`: run a script; `-` reads it from standard input.
struct RunCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script file (or - for standard input); extra arguments become args[0], args[1], ...",
        discussion: """
            Stops at the first error (FILE:LINE:COL: error: message) with exit status 1. Arguments after -- reach the script unparsed. stdout carries only what the script prints; status messages (saved PATH) go to stderr.
            With --each-frame STREAM the script runs once per .npy array of STREAM (a file of arrays written by repeated np.save, \
            a FIFO, or - for standard input), the array in the variable `frame` and its place in the stream, from 0, in `frame_index` (bad arrays count: frame_index + 1 is the number errors give); keypoints printed as CSV get a leading frame column and one header.
            """)

    @Flag(help: "Report every failing statement and go on, instead of stopping at the first.")
    var keepGoing = false

    @Option(name: .customLong("each-frame"), help: ArgumentHelp("Run the script once per array of this stream (- for standard input).", valueName: "stream"))
    var eachFrame: String?

    @Option(name: .customLong("frame-variable"), help: "The variable that holds each frame of --each-frame.")
    var frameVariable = Self.defaultFrameVariable

    static let defaultFrameVariable = "frame"

    @Option(name: .customLong("max-seconds"), help: ArgumentHelp("Stop the script with an error naming its line once it has run this long (with --each-frame: per frame).", valueName: "seconds"))
    var maxSeconds: Double?

    @Argument(help: "The script file, or - for standard input.")
    var file: String

    @Argument(parsing: .allUnrecognized, help: "Arguments passed to the script as args.")
    var arguments: [String] = []

    @OptionGroup var kornia: KorniaOption
    @OptionGroup var memory: MemoryLimitOption
    @OptionGroup var force: ForceOption
    @OptionGroup var quiet: QuietOption

    func validate() throws {
        guard frameVariable.first.map({ $0 == "_" || $0.isLetter }) == true, frameVariable.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) else {
            throw ValidationError("expected a variable name for --frame-variable, got '\(frameVariable)'")
        }
        if let maxSeconds, !(maxSeconds > 0 && maxSeconds.isFinite) {
            throw ValidationError("expected a positive number of seconds for --max-seconds, got '\(maxSeconds)'")
        }
        guard !(eachFrame == "-" && file == "-") else {
            throw ValidationError("expected the script or the stream on standard input, not both")
        }
    }

    func run(console: Console) throws {
        memory.apply()
        var scriptArguments = arguments
        if let terminator = scriptArguments.firstIndex(of: "--") { scriptArguments.remove(at: terminator) }
        // A script's first line (`# subpix --kornia 0.7`) beats the environment; the option beats both.
        let session = Session(kornia: try kornia.version(), output: { console.print($0) })
        session.overwritesFiles = force.force
        session.maxSeconds = maxSeconds
        quiet.apply(to: session, console: console)
        let runner = ScriptRunner(path: file, arguments: scriptArguments, keepGoing: keepGoing, kornia: try kornia.explicit())
        let report: (String) -> Void = { console.report($0) }
        let status: Int32
        if let eachFrame {
            let frames = try NPYStreamSource(path: eachFrame, maxBytes: ReadLimits.maxBytes)
            status = runner.runEachFrame(of: frames, variable: frameVariable, in: session, errors: report)
        } else {
            status = runner.run(in: session, errors: report)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

extension RunCommand {
    /// `run FILE [ARG...]` with no option — no argument starting with `-` — as the
    /// parse reads it, made without swift-argument-parser, whose parse (the reflection
    /// behind it) was a quarter of `subpix run`'s start-up (docs/performance.md); nil
    /// for any other command line. Every field is set: a field left unset would trap
    /// when read, and `CommandLineTests` compares every field with the parse's.
    static func plain(_ arguments: [String]) -> RunCommand? {
        guard let file = arguments.first, arguments.allSatisfy({ !$0.hasPrefix("-") }) else { return nil }
        var command = RunCommand()
        (command.file, command.arguments) = (file, Array(arguments.dropFirst()))
        (command.keepGoing, command.eachFrame, command.frameVariable, command.maxSeconds) = (false, nil, defaultFrameVariable, nil)
        var kornia = KorniaOption()
        kornia.kornia = nil
        var memory = MemoryLimitOption()
        memory.maxBytes = nil
        var force = ForceOption()
        force.force = false
        var quiet = QuietOption()
        quiet.quiet = false
        (command.kornia, command.memory, command.force, command.quiet) = (kornia, memory, force, quiet)
        return command
    }
}
