import ArgumentParser
import SubpixSession

/// `--quiet`: status messages (`saved PATH`, `time`'s report) go nowhere instead
/// of stderr; stdout carries only what the script prints either way.
struct QuietOption: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Silence the status messages (saved PATH, time reports) that otherwise go to stderr.")
    var quiet = false

    /// Sends `session`'s status messages to `console`'s stderr, or nowhere when quiet;
    /// kornia's warnings go to stderr either way.
    func apply(to session: Session, console: Console) {
        session.status = quiet ? { _ in } : { line in console.report(line) }
        session.warnings = { line in console.report(line) }
    }
}
