import CReadline

/// Ctrl-C in the interactive REPL. The signal handler (in the C shim) only
/// counts presses; the line editor and the session poll the count:
///
/// - while a line is typed, Ctrl-C cancels it;
/// - while a statement runs, Ctrl-C stops the input at the next statement
///   (or the next repetition of `time`), and three presses exit the process,
///   for an op that runs too long to wait for.
///
/// All access to the C counters goes through this file, so the program has
/// one copy of them.
enum Interrupt {
    /// Routes SIGINT to the counter (interactive sessions only).
    static func install() { subpix_install_sigint() }

    /// Whether Ctrl-C was pressed since the last call (clears the count).
    static func take() -> Bool { subpix_take_interrupts() > 0 }

    /// Marks the span in which a statement runs (three presses then exit).
    static func evaluating<T>(_ body: () throws -> T) rethrows -> T {
        subpix_set_evaluating(1)
        defer { subpix_set_evaluating(0) }
        return try body()
    }
}
