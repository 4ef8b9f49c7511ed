import Foundation
import TestSupport
import XCTest

/// docs/datasets.md's recipes, run as far as this machine allows: the Slurm array script
/// with `SLURM_ARRAY_TASK_ID`/`COUNT` set by hand for every task, the Kubernetes Indexed
/// Job's command with `JOB_COMPLETION_INDEX` for every index, the GNU parallel line (by
/// parallel itself when installed, else each of its jobs by hand); each merge must equal one run.
final class DatasetDocsTests: XCTestCase {
    private let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/datasets.md").standardized
    private var directory: URL!

    /// A folder with the dataset's good maps under maps/ and `subpix` on a bin/ for PATH.
    override func setUpWithError() throws {
        directory = try scratchDirectory("subpix-datasets")
        let maps = directory.appendingPathComponent("maps")
        for part in ["part1", "part2"] {
            let source = ExtractTests.dataset.appendingPathComponent("maps/\(part)")
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where !name.contains("bad") {
                try FileManager.default.createDirectory(at: maps.appendingPathComponent(part), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: maps.appendingPathComponent("\(part)/\(name)"))
            }
        }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("bin/subpix"), withDestinationURL: CLIRunner.binary)
    }

    /// The block after `<!-- tested: NAME -->`.
    private func block(_ name: String) throws -> String {
        let text = try String(contentsOf: document, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: "<!-- tested: \(name) -->\\n```[a-z]*\\n(.*?)```", options: [.dotMatchesLineSeparators])
        let match = try XCTUnwrap(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), "no block \(name)")
        return String(text[Range(match.range(at: 1), in: text)!])
    }

    /// Runs `script` with bash in the folder, `subpix` on PATH and `environment` set.
    private func bash(_ script: String, environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        variables["PATH"] = directory.appendingPathComponent("bin").path + ":" + (variables["PATH"] ?? "/usr/bin:/bin")
        process.environment = variables
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(script)\n\(stderr)", file: file, line: line)
    }

    /// The table of one unsharded run with the recipes' method, to `name`.
    private func oneRun(_ name: String) throws -> String {
        try bash("subpix extract maps/ --method conv_soft_argmax2d --temperature 0.5 -o \(name)")
        return directory.appendingPathComponent(name).path
    }

    private func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    func testTheSlurmArrayScriptsTasksMergeToOneRun() throws {
        let script = try block("slurm")
        XCTAssertTrue(script.contains("#SBATCH --array=0-7"))
        for task in 0..<8 {
            try bash(script, environment: ["SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_CPUS_PER_TASK": "1"])
        }
        try bash(try block("slurm-merge"))
        _ = try oneRun("one.csv")
        XCTAssertEqual(try text("keypoints.csv"), try text("one.csv"))
    }

    func testTheKubernetesIndexedJobsPodsMergeToOneRun() throws {
        let manifest = try block("kubernetes")
        XCTAssertTrue(manifest.contains("completionMode: Indexed") && manifest.contains("completions: 8"))
        let command = try NSRegularExpression(pattern: "command: \\[\"sh\", \"-c\", \"(.*)\"\\]")
        let match = try XCTUnwrap(command.firstMatch(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)))
        let line = String(manifest[Range(match.range(at: 1), in: manifest)!])
        for index in 0..<8 {
            try bash(line, environment: ["JOB_COMPLETION_INDEX": "\(index)"])
        }
        try bash(try block("kubernetes-merge"))
        XCTAssertEqual(try ExtractTests.sqliteAsCSV(directory.appendingPathComponent("keypoints.sqlite").path),
                       try ExtractTests.sqliteAsCSV(try oneRun("one.sqlite")))
    }

    func testTheGNUParallelLineMergesToOneRun() throws {
        var line = try block("parallel").trimmingCharacters(in: .whitespacesAndNewlines)
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/parallel") {
            // Without GNU parallel, each of its jobs by hand: `parallel -j N CMD {} ::: A B` → `for v in A B; do CMD $v; done`.
            let pattern = try NSRegularExpression(pattern: "parallel -j [0-9]+ (.*) ::: (.*)$")
            let match = try XCTUnwrap(pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)))
            let template = String(line[Range(match.range(at: 1), in: line)!]).replacingOccurrences(of: "{}", with: "$v")
            let values = String(line[Range(match.range(at: 2), in: line)!])
            line = String(line[..<Range(match.range, in: line)!.lowerBound]) + "for v in \(values); do \(template); done"
        }
        try bash(line)
        try bash(try block("parallel-merge"))
        _ = try oneRun("one.jsonl")
        XCTAssertEqual(try text("keypoints.jsonl"), try text("one.jsonl"))
    }
}
