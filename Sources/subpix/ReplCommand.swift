import ArgumentParser
import SubpixScript

/// `subpix repl`: the interactive command language.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", abstract: "Interactive REPL: kornia-style calls, file I/O, help().")

    func run() throws {
        REPL(session: Session()).run()
    }
}
