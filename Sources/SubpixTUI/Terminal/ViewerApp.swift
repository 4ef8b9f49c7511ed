import CNcurses
import Foundation
import SubpixFiles
import SubpixLanguage
import SubpixSession

/// Runs the viewer on a terminal until `q`, Ctrl-C, SIGTERM or SIGHUP, and
/// always leaves the terminal as it found it — also when an error escapes.
public struct ViewerApp {
    public let session: Session
    /// The colour mode to use (`--colors`); nil detects it from the terminal.
    public var colors: ColorMode?
    /// A live source and the state it starts from (`--stream`, `--follow`, `-`).
    public var live: (feed: LiveFeed, state: LiveState)?
    /// Open on the grid of every channel (`--grid`), as `#` does.
    public var startsInGrid = false
    /// The file viewed, for `E`'s export (nil: a script or the demo).
    public var sourceFile: String?
    /// Ground truth read from `--truth`, for every map it names.
    public var truthTable: [TruthTable.Point]?

    public init(session: Session, colors: ColorMode? = nil, live: (feed: LiveFeed, state: LiveState)? = nil) {
        self.session = session
        self.colors = colors
        self.live = live
    }

    /// True when standard input and output are terminals.
    public static var hasTerminal: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    public func run() throws {
        guard Self.hasTerminal else {
            throw ScriptError("subpix view needs a terminal; for scripts use `subpix run FILE` or `subpix repl`")
        }
        let previous = StopSignals.install()
        let screen: NcursesScreen
        do {
            screen = try NcursesScreen(requested: colors)
        } catch {
            StopSignals.restore(previous)
            throw error
        }
        defer {
            screen.close()
            StopSignals.restore(previous)
        }
        run(on: screen, shouldStop: { StopSignals.received != 0 })
    }

    /// Runs the viewer on `screen` until `q` (or until `shouldStop` says so): what
    /// ``run()`` does on the terminal, on any ``Screen`` — a ``MemoryScreen`` in tests.
    /// `colors` is the terminal's business; the screen's own ``Screen/colorMode`` applies.
    public func run(on screen: Screen, shouldStop: () -> Bool = { false }) {
        let model = ViewerModel(session: session, colorMode: screen.colorMode, size: screen.size, live: live?.state)
        // Each live frame is a new computation: keep only the shown one's, not one per frame.
        if live != nil { model.computationCacheCapacity = 1 }
        model.sourceFile = sourceFile
        model.truthTable = truthTable
        if startsInGrid { model.update(.key(.character("#"))) }
        defer { live?.feed.stop() }
        ViewerLoop(model: model, source: screen, live: live?.feed).run(draw: screen.draw, shouldStop: shouldStop)
    }
}

/// SIGINT, SIGTERM and SIGHUP end the viewer's loop (which then restores the terminal);
/// a SIGINT (Ctrl-C) while a `:` statement runs stops only the statement (``takeInterrupt()``).
enum StopSignals {
    nonisolated(unsafe) static var received: sig_atomic_t = 0
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    static func install() -> [sighandler_t?] {
        received = 0
        return signals.map { signal($0) { number in StopSignals.received = number } }
    }

    /// Whether SIGINT came since the last call; forgets it, so the loop does not stop for it.
    static func takeInterrupt() -> Bool {
        guard received == SIGINT else { return false }
        received = 0
        return true
    }

    static func restore(_ handlers: [sighandler_t?]) {
        for (number, handler) in zip(signals, handlers) { signal(number, handler) }
        let caught = received
        received = 0
        // A termination signal is honoured after the terminal is restored.
        if caught == SIGTERM || caught == SIGHUP {
            signal(caught, SIG_DFL)
            raise(caught)
        }
    }
}
