import Foundation
import Subpix
import SubpixCommands

/// The `subpix` executable: keeps freed memory warm for every command (see
/// ``HeapTuning``), then runs the one asked for (the commands are in `SubpixCommands`).
@main
enum SubpixMain {
    static func main() {
        HeapTuning.keepFreedMemoryWarm()
        exit(SubpixCommand.execute(Array(CommandLine.arguments.dropFirst()), console: .standard))
    }
}
