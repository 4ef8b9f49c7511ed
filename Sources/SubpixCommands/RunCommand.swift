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
    var frameVariable = "frame"

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
