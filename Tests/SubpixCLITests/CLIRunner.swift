import Foundation

/// Runs the built `subpix` binary (next to this test bundle in the build directory).
enum CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

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

    static func run(_ arguments: [String], stdin: String? = nil, stdinData: Data? = nil, directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
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

    private final class Marker {}
}
