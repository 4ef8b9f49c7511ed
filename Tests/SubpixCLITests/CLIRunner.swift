import Foundation
import SubpixCommands
import SubpixTUI
import Synchronization

/// Runs `subpix` command lines: in this process through ``SubpixCommand/execute(_:console:columns:)``
/// (``run(_:directory:)``), or as the built binary (``launch(_:stdin:stdinData:directory:environment:)``)
/// where a test needs a real process: standard input, the environment read at start-up,
/// the executable's own exit status, heap tuning.
enum CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `arguments` in process and returns what the binary would have exited with and
    /// printed (help and usage 80 columns wide, as on a pipe; no terminal, so the viewer
    /// runs on `screen` or not at all). `directory` is the current directory while it
    /// runs; relative paths resolve there.
    static func run(_ arguments: [String], directory: URL? = nil, screen: MemoryScreen? = nil) throws -> Result {
        let captured = Captured()
        let console = Console(out: { captured.append(stdout: $0) }, err: { captured.append(stderr: $0) },
                              hasTerminal: { false }, errIsTerminal: false, screen: screen)
        let previous = FileManager.default.currentDirectoryPath
        if let directory, !FileManager.default.changeCurrentDirectoryPath(directory.path) {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let status = SubpixCommand.execute(arguments, console: console, columns: 80)
        return captured.result(status)
    }

    /// The built `subpix` binary (next to this test bundle in the build directory).
    static var binary: URL {
        var directory = Bundle(for: Marker.self).bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("subpix")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/subpix")
    }

    /// Launches the binary with `arguments` (and `stdin` or `stdinData` on a pipe) and waits for it.
    static func launch(_ arguments: [String], stdin: String? = nil, stdinData: Data? = nil, directory: URL? = nil,
                       environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        // Standard input is written on its own thread: a large input must not wait for the output to be read.
        let writer = input.fileHandleForWriting
        let bytes = stdinData ?? stdin.map { Data($0.utf8) }
        Thread {
            if let bytes { writer.write(bytes) }
            try? writer.close()
        }.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// What an in-process command wrote to each stream (a command may write from several threads).
    private final class Captured: Sendable {
        private let streams = Mutex((stdout: "", stderr: ""))

        func append(stdout text: String) { streams.withLock { $0.stdout += text } }
        func append(stderr text: String) { streams.withLock { $0.stderr += text } }
        func result(_ status: Int32) -> Result {
            streams.withLock { Result(status: status, stdout: $0.stdout, stderr: $0.stderr) }
        }
    }

    private final class Marker {}
}
