import ArgumentParser

/// A command whose output goes through a ``Console``; `run()` uses the process's streams.
protocol ConsoleCommand: ParsableCommand {
    func run(console: Console) throws
}

extension ConsoleCommand {
    func run() throws { try run(console: .standard) }
}
