import ArgumentParser
import Foundation
import SubpixFiles
import SubpixLanguage
import SubpixTUI

/// `subpix view --stream PATH`, `--follow FILE` and `subpix view -`: a live source for the viewer.
struct LiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Show consecutive .npy arrays from a FIFO or a growing file as they arrive (docs/live.md).", valueName: "path"))
    var stream: String?

    @Option(help: ArgumentHelp("Show FILE again each time it is rewritten (an atomic replace or a write in place).", valueName: "file"))
    var follow: String?

    /// The live source chosen by `--stream`, `--follow` or the file `-`, started, and
    /// the viewer's state for it; nil when none was asked for. `maxBytes` bounds the
    /// frames held: the ring of kept frames, the frames not yet taken by the screen and
    /// the reader's buffers together (``StreamBudget``); no frame may take more than a
    /// quarter of it.
    func start(file: String?, maxBytes: Int) throws -> (feed: LiveFeed, state: LiveState)? {
        let budget = StreamBudget(maxBytes: maxBytes)
        let frameLimit = budget.frameLimit
        let source: LiveSource
        let state: LiveState
        if let follow {
            source = try FileFollower(path: follow, maxBytes: frameLimit)
            state = LiveState(source: follow, kind: .follow, budget: budget)
        } else if let path = stream ?? (file == "-" ? "-" : nil) {
            guard path != "-" || isatty(STDIN_FILENO) == 0 else {
                throw ScriptError("subpix view - reads .npy arrays from standard input, which is the terminal here; pipe a producer into it (docs/live.md)")
            }
            let reader = try NPYStreamSource(path: path, maxBytes: frameLimit, followsGrowth: true)
            if path == "-" { try ControllingTerminal.becomeStandardInput() }
            source = reader
            state = LiveState(source: path == "-" ? "<stdin>" : path, kind: .stream, budget: budget)
        } else {
            return nil
        }
        return (LiveFeed(source: source, pendingBytes: budget.pendingBytes), state)
    }

    /// How many of the viewer's inputs (a file, --script, --stream, --follow) were given.
    func count(file: String?, script: String?) -> Int {
        [file, script, stream, follow].compactMap { $0 }.count
    }
}
