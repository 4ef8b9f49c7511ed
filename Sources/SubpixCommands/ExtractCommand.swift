import ArgumentParser
import Foundation
import Subpix
import SubpixExtract
import SubpixFiles
import struct SubpixLanguage.ScriptError
import SubpixSession

/// `subpix extract INPUT... [--method NAME --KEYWORD VALUE ...] [--output OUT]`: keypoints of
/// every map of a dataset as one table (docs/datasets.md); `--merge PART... --output OUT`
/// joins the outputs of `--shard` runs.
struct ExtractCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the keypoints of every map of many files into one table (CSV, JSON Lines, .npy or SQLite).",
        discussion: """
            INPUT: files (\(InputList.extensions.map { "." + $0 }.joined(separator: " "))), directories (walked recursively), \
            quoted globs ('maps/*.npy'), @list.txt (one path a line), or - / a FIFO of concatenated .npy frames. \
            Files are read in byte order of their paths, so the output's order does not depend on --jobs.
            The table: \(KeypointRow.baseColumns.joined(separator: ", ")) (and confident with --per-channel), in pixels.
            The method's keywords (kornia's, and the viewer's filters), after --method NAME:
            \(MethodKeywords.usage(kornia: .default))
            See docs/datasets.md for --resume, --shard and --merge on Slurm, Kubernetes and GNU parallel.
            """)

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Inputs, and the method's keywords (--temperature 0.5 --kernel-size 5,5 ...).", valueName: "input"))
    var arguments: [String] = []

    @Option(help: ArgumentHelp("The keypoint method, as the viewer names it (default \(KeypointMethod.initialForMaps.name)).", valueName: "name"))
    var method: String?

    @Option(help: ArgumentHelp("Run this script once per map instead of a method (the map in --var, its place in batch and channel); it leaves its keypoints in kp.", valueName: "file"))
    var script: String?

    @Option(name: .customLong("var"), help: "The variable that holds each (1, 1, H, W) map for --script.")
    var variable = "heat"

    @Option(name: [.short, .long], help: ArgumentHelp("Write the table to this file: .csv, .jsonl, .npy or .sqlite (default: stdout).", valueName: "file"))
    var output: String?

    @Option(help: "The format on stdout without --output: csv or jsonl.")
    var format: RowFormat = .csv

    @Flag(help: "Exactly one row per (file, batch, channel): the best keypoint, or an empty row with confident=false.")
    var perChannel = false

    @Option(help: "Files decoded in parallel (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Stop at the first bad input (the rows before it are written).")
    var failFast = false

    @Flag(help: "Continue the --output a previous run left (after any interruption): skip its complete inputs.")
    var resume = false

    @Option(help: ArgumentHelp("Take the i-th of n disjoint blocks of the sorted inputs: i/n, auto (Slurm) or auto/n (Kubernetes).", valueName: "i/n"))
    var shard: String?

    @Flag(help: "Concatenate the outputs of --shard runs (the inputs) into --output, in the order given.")
    var merge = false

    @OptionGroup var kornia: KorniaOption
    @OptionGroup var memory: MemoryLimitOption
    @Flag(name: .customLong("force"), help: "Overwrite an existing --output.")
    var force = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("expected --jobs >= 1, got \(jobs)") }
        if method != nil && script != nil { throw ValidationError("expected --method or --script, not both") }
        if merge && output == nil { throw ValidationError("--merge needs --output OUT") }
        if resume && output == nil { throw ValidationError("--resume needs --output FILE (stdout cannot be resumed)") }
    }

    func run(console: Console) throws {
        memory.apply()
        let (inputs, keywords) = Self.split(arguments)
        if merge {
            guard keywords.isEmpty else { throw ScriptError("--merge takes output files only, got --\(keywords[0].name)") }
            let rows = try ShardMerge.merge(inputs, into: output!, overwrite: force)
            return console.report("extract: merged \(inputs.count) parts, \(rows) rows into \(output!)")
        }
        guard !inputs.isEmpty else { throw ScriptError("extract: expected at least one input file, directory, glob, @list or -") }
        let decoder = try makeDecoder(keywords)
        var expanded = try InputList.expand(inputs)
        if let shard {
            let share = try Shard(parsing: shard, environment: ProcessInfo.processInfo.environment)
            guard !expanded.contains(where: { if case .stream = $0 { true } else { false } }) else {
                throw ScriptError("--shard: expected files to share out, got a stream (-/FIFO)")
            }
            expanded = Array(share.share(of: expanded))
        }
        let writer = try makeWriter(console: console, streams: expanded.contains { if case .stream = $0 { true } else { false } })
        let extraction = Extraction(inputs: expanded, decoder: decoder, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                    failFast: failFast, maxBytes: memory.maxBytes ?? ReadLimits.maxBytes)
        let remaining = extraction.remaining(after: writer)
        let files = remaining.allSatisfy { if case .file = $0 { true } else { false } } ? remaining.count : nil
        let progress = ExtractProgress(total: files, draw: console.errIsTerminal ? console.err : nil)
        try extraction.run(writer: writer, progress: progress) { progress.interject($0, through: console.report) }
        try writer.finish()
        console.report(progress.finish())
        if progress.failures > 0 { throw ExitCode.failure }
    }

    /// The method with its keywords, or the script.
    private func makeDecoder(_ keywords: [(name: String, value: String?)]) throws -> any MapDecoder {
        let version = try kornia.version()
        if let script {
            guard keywords.isEmpty else {
                throw ScriptError("--script takes no method keywords, got --\(keywords[0].name); set them in the script")
            }
            return try ScriptDecoder(path: script, variable: variable, kornia: version, perChannel: perChannel)
        }
        let chosen = try MethodKeywords(method: method ?? KeypointMethod.initialForMaps.name, keywords: keywords, kornia: version)
        return MethodDecoder(chosen, perChannel: perChannel)
    }

    private func makeWriter(console: Console, streams: Bool) throws -> any RowWriter {
        guard let output else { return TextStreamWriter(format: format, perChannel: perChannel, sink: console.out) }
        if resume && streams { throw ScriptError("--resume: a stream (-/FIFO) cannot be resumed; save its frames to files first") }
        switch try OutputKind(path: output) {
        case .text(let format):
            return try TextFileWriter(path: output, format: format, perChannel: perChannel, resume: resume, overwrite: force)
        case .sqlite:
            return try SQLiteWriter(path: output, perChannel: perChannel, resume: resume, overwrite: force)
        case .npy:
            guard !resume else { throw ScriptError("--resume: an .npy table is written whole at the end; resume a .csv, .jsonl or .sqlite output") }
            return try NPYTableWriter(path: output, perChannel: perChannel, overwrite: force)
        }
    }

    /// The inputs and the method's keywords (`--name value` or `--name=value`) among the
    /// arguments; a last `--name` has no value (nil), which the method's check names.
    static func split(_ arguments: [String]) -> (inputs: [String], keywords: [(name: String, value: String?)]) {
        var inputs: [String] = []
        var keywords: [(name: String, value: String?)] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                inputs.append(argument)
                continue
            }
            let option = argument.dropFirst(2)
            if let equals = option.firstIndex(of: "=") {
                keywords.append((String(option[..<equals]), String(option[option.index(after: equals)...])))
            } else {
                keywords.append((String(option), index < arguments.count ? arguments[index] : nil))
                index += 1
            }
        }
        return (inputs, keywords)
    }
}

extension RowFormat: ExpressibleByArgument {}
