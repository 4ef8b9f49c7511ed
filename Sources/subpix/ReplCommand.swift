import ArgumentParser
import SubpixScript
import SubpixTUI

/// `subpix repl`: the interactive command language.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", abstract: "Interactive REPL: kornia-style calls, file I/O, help().")

    @OptionGroup var memory: MemoryLimitOption
    @OptionGroup var force: ForceOption

    func run() throws {
        memory.apply()
        let session = Session()
        session.overwritesFiles = force.force
        session.openViewer = { session, name in
            try session.execute("view.input = \"\(name)\"")
            try ViewerApp(session: session).run()
        }
        REPL(session: session).run()
    }
}
