import Foundation
import SubpixTUI

/// Where a command writes: the process's stdout and stderr, or a test's buffers.
///
/// Commands take it as a parameter instead of printing, so that a test can run
/// `subpix run FILE` in process and read what the binary would have printed:
///
/// ```swift
/// let status = SubpixCommand.execute(["run", "extract.subpix", "map.npy"], console: .standard)
/// ```
public struct Console: Sendable {
    /// Receives stdout's text, newlines included.
    public var out: @Sendable (String) -> Void
    /// Receives stderr's text, newlines included.
    public var err: @Sendable (String) -> Void
    /// Whether the viewer may take over a terminal (stdin and stdout are one), asked when it
    /// is about to start: `subpix view -` makes the terminal its stdin first.
    public var hasTerminal: @Sendable () -> Bool
    /// Whether stderr is a terminal (progress lines are for a person, not a log).
    public var errIsTerminal: Bool
    /// The screen `subpix view` runs on instead of the terminal (a ``MemoryScreen``
    /// a test types into and reads back); nil: the terminal, through ncurses.
    public var screen: (any Screen & Sendable)?

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                hasTerminal: @escaping @Sendable () -> Bool, errIsTerminal: Bool, screen: (any Screen & Sendable)? = nil) {
        self.out = out
        self.err = err
        self.hasTerminal = hasTerminal
        self.errIsTerminal = errIsTerminal
        self.screen = screen
    }

    /// The process's own streams (stdout through `print`'s buffer, stderr unbuffered, as before).
    public static var standard: Console {
        Console(out: { Swift.print($0, terminator: "") },
                err: { FileHandle.standardError.write(Data($0.utf8)) },
                hasTerminal: { ViewerApp.hasTerminal }, errIsTerminal: isatty(STDERR_FILENO) == 1)
    }

    /// Writes `line` and a newline to stdout.
    public func print(_ line: String) { out(line + "\n") }

    /// Writes `line` and a newline to stderr.
    public func report(_ line: String) { err(line + "\n") }
}
