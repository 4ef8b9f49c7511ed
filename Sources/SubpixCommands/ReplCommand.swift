import ArgumentParser
import SubpixSession
import SubpixTUI

/// `subpix repl`: the interactive command language. It reads the process's stdin and
/// writes its own stdout and stderr (``REPL``), so it has no ``Console`` to write to.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", abstract: "Interactive REPL: kornia-style calls, file I/O, help().",
        discussion: "With piped input there is no prompt; the exit status is 1 when any statement failed.")

    @OptionGroup var kornia: KorniaOption
    @OptionGroup var memory: MemoryLimitOption
    @OptionGroup var force: ForceOption
    @OptionGroup var quiet: QuietOption

    func run() throws {
        memory.apply()
        let session = Session(kornia: try kornia.version())
        session.overwritesFiles = force.force
        quiet.apply(to: session, console: .standard)
        // `view(x)` has selected x already.
        session.openViewer = { session, _ in try ViewerApp(session: session).run() }
        let status = REPL(session: session).run()
        if status != 0 { throw ExitCode(status) }
    }
}
