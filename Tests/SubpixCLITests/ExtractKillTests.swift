import Foundation
import TestSupport
import XCTest

/// `subpix extract --resume` after `kill -9` of the built binary at seeded random
/// moments: the resumed output is byte for byte (CSV) or row for row (SQLite) the
/// output of a run never interrupted.
final class ExtractKillTests: XCTestCase {
    private var directory: URL!

    /// 300 inputs: the dataset's ten good maps, copied 30 times.
    override func setUpWithError() throws {
        directory = try scratchDirectory("subpix-extract-kill")
        let maps = directory.appendingPathComponent("maps")
        try FileManager.default.createDirectory(at: maps, withIntermediateDirectories: true)
        let sources = (0..<10).map { index in
            ExtractTests.dataset.appendingPathComponent("maps/part\(index < 5 ? 1 : 2)/\(String(format: "%02d", index)).npy")
        }
        for copy in 0..<30 {
            for (index, source) in sources.enumerated() {
                try FileManager.default.copyItem(at: source, to: maps.appendingPathComponent(String(format: "%02d-%02d.npy", copy, index)))
            }
        }
    }

    private func arguments(_ output: String) -> [String] {
        ["extract", "maps", "--per-channel", "--jobs", "1", "--output", output]
    }

    /// Runs to completion; returns the seconds it took.
    @discardableResult
    private func complete(_ output: String, resume: Bool = false) throws -> Double {
        let start = Date()
        let result = try CLIRunner.launch(arguments(output) + (resume ? ["--resume"] : []), directory: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        return Date().timeIntervalSince(start)
    }

    /// Starts a run and kills it with SIGKILL after `delay` seconds (or lets it end
    /// first); whether the kill ended it.
    private func killed(_ output: String, after delay: Double, resume: Bool) throws -> Bool {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments(output) + (resume ? ["--resume"] : [])
        process.currentDirectoryURL = directory
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    private func assertResumesAfterKills(extension ext: String, read: (String) throws -> String) throws {
        let reference = directory.appendingPathComponent("reference.\(ext)").path
        let duration = try complete(reference)
        let expected = try read(reference)
        var kills = 0
        for seed in 1...3 {
            var generator = SplitMix(seed: UInt64(seed))
            let output = directory.appendingPathComponent("run\(seed).\(ext)").path
            // Two kills, the second one during the first resumed run; then a resumed run to the end.
            for attempt in 0..<2 {
                if try killed(output, after: Double.random(in: 0...duration, using: &generator), resume: attempt > 0) { kills += 1 }
            }
            try complete(output, resume: true)
            XCTAssertEqual(try read(output), expected, "seed \(seed)")
        }
        XCTAssertGreaterThan(kills, 0, "no kill landed before the end of a run")
    }

    func testAKilledCSVRunResumesToTheSameBytes() throws {
        try assertResumesAfterKills(extension: "csv") { try String(contentsOfFile: $0, encoding: .utf8) }
    }

    func testAKilledSQLiteRunResumesToTheSameRows() throws {
        try assertResumesAfterKills(extension: "sqlite") { try ExtractTests.sqliteAsCSV($0) }
    }
}

/// A small seeded generator, so each seed kills at the same moments on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
