#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SubpixLanguage

/// For `subpix view -`: standard input carries the frames, so the keys must
/// come from the terminal itself.
public enum ControllingTerminal {
    /// Makes `/dev/tty` the process's standard input (take the stream's
    /// descriptor first: ``NPYStreamSource`` duplicates standard input).
    /// - Throws: when there is no controlling terminal.
    public static func becomeStandardInput() throws {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else {
            throw ScriptError("subpix view - reads frames from standard input and keys from the terminal, but there is no terminal (/dev/tty)")
        }
        dup2(terminal, STDIN_FILENO)
        close(terminal)
    }
}
