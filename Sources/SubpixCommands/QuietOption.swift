import ArgumentParser
import Foundation
import SubpixScript

/// `--quiet`: status messages (`saved PATH`, `time`'s report) go nowhere instead
/// of stderr; stdout carries only what the script prints either way.
struct QuietOption: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Silence the status messages (saved PATH, time reports) that otherwise go to stderr.")
    var quiet = false

    /// Sends `session`'s status messages to stderr, or nowhere when quiet.
    func apply(to session: Session) {
        session.status = quiet ? { _ in } : { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }
}
