import Foundation
import GRDB
import SubpixExtract
import TestSupport
import XCTest

/// `subpix extract` on the NumPy-made dataset of scripts/make-dataset-resources.py:
/// 10 `(2, 4, 16, 12)` maps in two folders, a bad file among them, an `.npz` pair,
/// and the true peak of every map (truth.json).
final class ExtractTests: XCTestCase {
    static let dataset = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SubpixSessionTests/Resources/dataset").standardized
    private var scratch: URL!

    /// One CSV row's fields by column.
    struct CSVRow: Equatable {
        var fields: [String: String]
        subscript(column: String) -> String { fields[column] ?? "<none>" }
        var key: String { [self["file"], self["member"], self["batch"], self["channel"]].joined(separator: "|") }
    }

    override func setUpWithError() throws {
        scratch = try scratchDirectory("subpix-extract")
    }

    /// The rows of a CSV table (no field of this dataset is quoted).
    static func rows(_ csv: String, file: StaticString = #filePath, line: UInt = #line) -> [CSVRow] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { fields in
            XCTAssertEqual(fields.count, header.count, "\(fields)", file: file, line: line)
            return CSVRow(fields: Dictionary(uniqueKeysWithValues: zip(header, fields).map { ($0, $1) }))
        }
    }

    /// `subpix extract ARGS` run in the dataset's folder (paths relative to it).
    static func extract(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(["extract"] + arguments, directory: dataset)
    }

    /// The true peaks: file|member|batch|channel → (x, y).
    private func truth() throws -> [String: (x: Double, y: Double)] {
        let json = try JSONDecoder().decode([String: [String: [[Double]]]].self,
                                            from: Data(contentsOf: Self.dataset.appendingPathComponent("truth.json")))
        var peaks: [String: (Double, Double)] = [:]
        for (file, members) in json {
            for (member, points) in members {
                for p in points { peaks["\(file)|\(member)|\(Int(p[0]))|\(Int(p[1]))"] = (p[2], p[3]) }
            }
        }
        return peaks
    }

    func testEveryPeakIsFoundUnderItsFileInSortedOrderAndTheBadFileIsNamed() throws {
        let result = try Self.extract(["maps", "--method", "conv_soft_argmax2d", "--jobs", "2"])
        XCTAssertEqual(result.status, 1, "a bad file makes the exit status 1")
        let errors = result.stderr.split(separator: "\n")
        XCTAssertEqual(errors.filter { $0.contains("03-bad.npy") }.count, 1, result.stderr)
        XCTAssertTrue(errors.first?.hasPrefix("maps/part1/03-bad.npy: ") == true, result.stderr)
        XCTAssertTrue(errors.last?.contains("12 inputs (1 failed)") == true, result.stderr)
        let rows = Self.rows(result.stdout)
        let peaks = try truth()
        // One keypoint per map with a peak, within half a pixel of it (a 3x3 soft-argmax of a
        // sigma-1.2 Gaussian is pulled toward the window's centre by less than that).
        XCTAssertEqual(rows.count, peaks.count)
        for row in rows {
            guard let peak = peaks[row.key] else { return XCTFail("no peak in \(row.key)") }
            XCTAssertEqual(Double(row["x"])!, peak.x, accuracy: 0.5, row.key)
            XCTAssertEqual(Double(row["y"])!, peak.y, accuracy: 0.5, row.key)
            XCTAssertEqual(row["method"], "conv_soft_argmax2d")
        }
        // Files in byte order: the rows after the bad file keep their own names.
        let files = rows.map { $0["file"] }
        XCTAssertEqual(files, files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertEqual(Set(files).count, 11)
        XCTAssertTrue(files.contains("maps/part1/03.npy"))
        XCTAssertEqual(rows.filter { $0["file"] == "maps/part2/pair.npz" }.map { $0["member"] }, ["first", "first", "second", "second"])
    }

    /// `--fail-fast` stops at the first bad file (`part1/03-bad.npy`, the fourth in sorted
    /// order) with status 1, after the rows of the three files before it and none after.
    func testFailFastStopsAtTheFirstBadFileAfterTheRowsBeforeIt() throws {
        let whole = Self.rows(try Self.extract(["maps", "--jobs", "2"]).stdout)
        let result = try Self.extract(["maps", "--jobs", "2", "--fail-fast"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("maps/part1/03-bad.npy: "), result.stderr)
        let before = ["maps/part1/00.npy", "maps/part1/01.npy", "maps/part1/02.npy"]
        XCTAssertEqual(Self.rows(result.stdout), whole.filter { before.contains($0["file"]) })
        XCTAssertFalse(Self.rows(result.stdout).isEmpty)
    }

    /// On a terminal stderr shows the progress bar (here its last state: all 12 inputs,
    /// the bad one counted), the bad file's line above it, and the summary; the rows go
    /// to the output file.
    func testATerminalShowsTheProgressBarAndTheSummary() throws {
        let tmux = TmuxDriver(target: "extract-progress")
        guard tmux.isAvailable else { throw XCTSkip("tmux is not installed: the progress bar test is skipped (apt-get install tmux)") }
        defer { tmux.stop() }
        let out = scratch.appendingPathComponent("out.csv").path
        try tmux.start("cd \(Self.dataset.path) && \(CLIRunner.binary.path) extract maps -o \(out); sleep 30", width: 120)
        try tmux.waitFor("extract: 12 inputs (1 failed)")
        let screen = try tmux.screen()
        XCTAssertTrue(screen.contains("maps/part1/03-bad.npy: "), screen)
        XCTAssertTrue(screen.contains("[" + String(repeating: "#", count: 24) + "]  12/12 files  "), screen)
        XCTAssertTrue(screen.contains(" files/s  ETA 0:00  1 failed"), screen)
        XCTAssertFalse(Self.rows(try String(contentsOfFile: out, encoding: .utf8)).isEmpty)
    }

    func testPerChannelGivesExactlyOneRowPerBatchAndChannel() throws {
        let result = try Self.extract(["maps/part1", "maps/part2/05.npy", "maps/part2/06.npy", "--per-channel", "--method", "nms2d"])
        let rows = Self.rows(result.stdout)
        // 7 good (2, 4) files: B·K = 8 rows each, in (batch, channel) order.
        XCTAssertEqual(rows.count, 7 * 8, result.stdout)
        for (file, group) in Dictionary(grouping: rows, by: { $0["file"] }) {
            XCTAssertEqual(group.map { "\($0["batch"]),\($0["channel"])" }, (0..<2).flatMap { b in (0..<4).map { "\(b),\($0)" } }, file)
            let even = Int((file as NSString).lastPathComponent.prefix(2))! % 2 == 0
            for row in group {
                let empty = even && row["batch"] == "1" && row["channel"] == "3"
                XCTAssertEqual(row["confident"], empty ? "false" : "true", row.key)
                XCTAssertEqual(row["x"].isEmpty, empty, row.key)
            }
        }
        // nms2d's keypoint is the peak's pixel.
        let peaks = try truth()
        for row in rows where row["confident"] == "true" {
            let peak = try XCTUnwrap(peaks[row.key])
            XCTAssertEqual(Double(row["x"]), peak.x.rounded(), row.key)
            XCTAssertEqual(Double(row["y"]), peak.y.rounded(), row.key)
        }
    }

    func testShardsAreDisjointAndTheirMergeIsOneRun() throws {
        let whole = try Self.extract(["maps", "--output", scratch.appendingPathComponent("whole.csv").path])
        XCTAssertEqual(whole.status, 1, whole.stderr)
        var parts: [String] = []
        var seen: [String: Int] = [:]
        for shard in 0..<3 {
            let part = scratch.appendingPathComponent("part\(shard).csv").path
            _ = try Self.extract(["maps", "--shard", "\(shard)/3", "--output", part])
            for file in Set(Self.rows(try String(contentsOfFile: part, encoding: .utf8)).map { $0["file"] }) {
                XCTAssertNil(seen[file], "\(file) is in shards \(seen[file] ?? -1) and \(shard)")
                seen[file] = shard
            }
            parts.append(part)
        }
        let merged = scratch.appendingPathComponent("merged.csv").path
        let merge = try Self.extract(["--merge"] + parts + ["--output", merged])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        XCTAssertEqual(try String(contentsOfFile: merged, encoding: .utf8),
                       try String(contentsOfFile: scratch.appendingPathComponent("whole.csv").path, encoding: .utf8))
    }

    func testSQLiteShardsMergeToTheRowsOfTheCSV() throws {
        let csv = try Self.extract(["maps", "--per-channel"])
        var parts: [String] = []
        for shard in 0..<2 {
            let part = scratch.appendingPathComponent("part\(shard).sqlite").path
            _ = try Self.extract(["maps", "--per-channel", "--shard", "\(shard)/2", "--output", part])
            parts.append(part)
        }
        let merged = scratch.appendingPathComponent("all.sqlite").path
        XCTAssertEqual(try Self.extract(["--merge"] + parts + ["--output", merged]).status, 0)
        XCTAssertEqual(try Self.sqliteAsCSV(merged), csv.stdout)
        let indexed = try DatabaseQueue(path: merged).read { db in
            try GRDB.Row.fetchAll(db, sql: "PRAGMA index_info('keypoints_file_batch_channel')").map { $0["name"] as String }
        }
        XCTAssertEqual(indexed, ["file", "batch", "channel"])
    }

    /// A database's `keypoints` table in rowid order, written as the CSV table is.
    static func sqliteAsCSV(_ path: String) throws -> String {
        try DatabaseQueue(path: path).read { db in
            let columns = try db.columns(in: "keypoints").map(\.name)
            var text = columns.joined(separator: ",") + "\n"
            for row in try GRDB.Row.fetchAll(db, sql: "SELECT * FROM keypoints ORDER BY rowid") {
                text += columns.map { column -> String in
                    let value: DatabaseValue = row[column]
                    switch value.storage {
                    case .null: return ""
                    case .int64(let n): return column == "confident" ? (n == 1 ? "true" : "false") : String(n)
                    case .double(let x): return String(x)
                    case .string(let s): return s
                    case .blob: return "<blob>"
                    }
                }.joined(separator: ",") + "\n"
            }
            return text
        }
    }

    func testJSONLinesAndNPYHoldTheSameRows() throws {
        let csv = Self.rows(try Self.extract(["maps/part2"]).stdout)
        let jsonl = try Self.extract(["maps/part2", "--format", "jsonl"]).stdout.split(separator: "\n")
        XCTAssertEqual(jsonl.count, csv.count)
        for (line, row) in zip(jsonl, csv) {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(object["file"] as? String, row["file"])
            XCTAssertEqual(try XCTUnwrap(object["x"] as? Double), try XCTUnwrap(Double(row["x"])), accuracy: 1e-12)
        }
        let npy = scratch.appendingPathComponent("table.npy").path
        XCTAssertEqual(try Self.extract(["maps/part2", "--output", npy]).status, 0)
        let header = String(decoding: try Data(contentsOf: URL(fileURLWithPath: npy)).prefix(256), as: UTF8.self)
        XCTAssertTrue(header.contains("('file', '<U19'), ('member', '<U6'), ('frame', '<i8')"), header)
        XCTAssertTrue(header.contains("'shape': (\(csv.count),)"), header)
    }

    func testResumeCutsAPartialLineAndRowsNoManifestListsThenFinishesAsOneRun() throws {
        let whole = scratch.appendingPathComponent("whole.csv").path
        _ = try Self.extract(["maps", "--output", whole])
        // What a kill leaves: the rows of two files listed, rows of a third not yet listed, a cut line.
        let out = scratch.appendingPathComponent("out.csv").path
        _ = try Self.extract(["maps/part1/00.npy", "maps/part1/01.npy", "maps/part1/02.npy", "--output", out])
        let manifest = TextFileWriter.manifestPath(of: out)
        let listed = try String(contentsOfFile: manifest, encoding: .utf8).split(separator: "\n")
        try (listed.prefix(2).joined(separator: "\n") + "\n12 \"maps/pa").write(toFile: manifest, atomically: false, encoding: .utf8)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: out))
        handle.seekToEndOfFile()
        handle.write(Data("maps/part1/02.npy,,0,1,2,5.5".utf8))
        handle.closeFile()

        let resumed = try Self.extract(["maps", "--output", out, "--resume"])
        XCTAssertEqual(resumed.status, 1, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("10 inputs (1 failed)"), resumed.stderr)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), try String(contentsOfFile: whole, encoding: .utf8))
    }

    func testTheMethodTakesItsKorniaKeywordsAndRefusesOthersByName() throws {
        // A colder, wider window gives other numbers for the same maps.
        let plain = Self.rows(try Self.extract(["maps/part1/00.npy"]).stdout)
        let wide = Self.rows(try Self.extract(["maps/part1/00.npy", "--temperature", "0.5", "--kernel-size", "5,5", "--padding=2"]).stdout)
        XCTAssertFalse(wide.isEmpty)
        for row in wide {
            let same = try XCTUnwrap(plain.first { $0.key == row.key })
            XCTAssertNotEqual(row["value"], same["value"], row.key)
        }
        let refused = try Self.extract(["maps/part1/00.npy", "--n-iters", "3"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("conv_soft_argmax2d takes --kernel-size"), refused.stderr)
        let output = try Self.extract(["maps/part1/00.npy", "--output-value", "true"])
        XCTAssertTrue(output.stderr.contains("output_value does not change its keypoints"), output.stderr)
        // The padding may come before the kernel size it is checked against.
        let paddedFirst = try Self.extract(["maps/part1/00.npy", "--padding", "2,2", "--temperature", "0.5", "--kernel-size=5,5"])
        XCTAssertEqual(paddedFirst.status, 0, paddedFirst.stderr)
        XCTAssertEqual(Self.rows(paddedFirst.stdout), wide)
        let bound = try Self.extract(["maps/part1/00.npy", "--temperature", "0"])
        XCTAssertTrue(bound.stderr.contains("--temperature: expected a number > 0, got 0"), bound.stderr)
        let unknown = try Self.extract(["maps/part1/00.npy", "--method", "conv_soft_argmx2d"])
        XCTAssertTrue(unknown.stderr.contains("did you mean 'conv_soft_argmax2d'?"), unknown.stderr)
        // A last option with no value: an unknown one is named as unknown, a known one as missing its value.
        let last = try Self.extract(["maps/part1/00.npy", "--quiet"])
        XCTAssertTrue(last.stderr.contains("--quiet: conv_soft_argmax2d takes --kernel-size"), last.stderr)
        let bare = try Self.extract(["maps/part1/00.npy", "--kernel-size"])
        XCTAssertTrue(bare.stderr.contains("--kernel-size: expected a value after it"), bare.stderr)
    }

    /// The true peaks of six.npy and confidence.npy (extra.json): `batch|channel` → (x, y).
    private func extraTruth(_ file: String) throws -> [String: (x: Double, y: Double)] {
        let json = try JSONDecoder().decode([String: [[Double]]].self, from: Data(contentsOf: Self.dataset.appendingPathComponent("extra.json")))
        let points = try XCTUnwrap(json[file])
        return Dictionary(uniqueKeysWithValues: points.map { ("\(Int($0[0]))|\(Int($0[1]))", (x: $0[2], y: $0[3])) })
    }

    /// six.npy is a (2, 3, 16, 12) output with one peak per map, each elsewhere. The script
    /// sees one (1, 1, 16, 12) map at a time (the whole array would give it 6 keypoints a
    /// run, 36 rows in all), knows its batch and channel (it drops map (1, 2)'s point), and
    /// its keypoint is filed under that map.
    func testAScriptRunsOncePerMapWithTheMapsBatchAndChannel() throws {
        let script = scratch.appendingPathComponent("decode.subpix")
        try """
            coords, vals = conv_soft_argmax2d(heat, output_value=True, normalized_coordinates=False)
            kp = keypoints(coords, vals, top_k=1, min_value=1e9 if batch == 1 and channel == 2 else 0.5)

            """.write(to: script, atomically: true, encoding: .utf8)
        let truth = try extraTruth("six.npy")
        let result = try Self.extract(["six.npy", "--script", script.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = Self.rows(result.stdout)
        XCTAssertEqual(rows.map { "\($0["batch"])|\($0["channel"])" }, ["0|0", "0|1", "0|2", "1|0", "1|1"])
        for row in rows {
            let peak = try XCTUnwrap(truth["\(row["batch"])|\(row["channel"])"])
            XCTAssertEqual(Double(row["x"])!, peak.x, accuracy: 0.5, row.key)
            XCTAssertEqual(Double(row["y"])!, peak.y, accuracy: 0.5, row.key)
            XCTAssertEqual(row["method"], "decode.subpix")
        }
        let perChannel = Self.rows(try Self.extract(["six.npy", "maps/part2/pair.npz", "--script", script.path, "--per-channel"]).stdout)
        XCTAssertEqual(perChannel.count, 6 + 2 + 2)
        XCTAssertEqual(perChannel.filter { $0["confident"] == "false" }.map(\.key), ["six.npy||1|2"])
    }

    /// The script is parsed once, before any input: a syntax error is one line naming the
    /// script's line, not one failure per map of every file.
    func testAScriptsSyntaxErrorIsOneLineBeforeAnyInput() throws {
        let script = scratch.appendingPathComponent("broken.subpix")
        try "kp = keypoints(heat\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try Self.extract(["six.npy", "maps", "--script", script.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stderr)
        XCTAssertTrue(lines.first?.hasPrefix("Error: \(script.path):1:") == true, result.stderr)
    }

    /// confidence.npy's channels (scripts/make-dataset-resources.py, the numbers worked
    /// out there with NumPy): 0 and 4 real peaks; 1 flat (prominence 0); 2 a peak 0.04 % as
    /// tall as the tallest (the rule wants 5 %); 3 noise whose maximum is 2.6 sigma over its
    /// median (the rule wants 8). Only 0 and 4 have a keypoint, as in the viewer.
    func testPerChannelJudgesEachMapByTheViewersConfidenceRule() throws {
        let truth = try extraTruth("confidence.npy")
        for method in ["conv_soft_argmax2d", "nms2d"] {
            let rows = Self.rows(try Self.extract(["confidence.npy", "--per-channel", "--method", method]).stdout)
            XCTAssertEqual(rows.map { $0["channel"] }, ["0", "1", "2", "3", "4"], method)
            XCTAssertEqual(rows.map { $0["confident"] }, ["true", "false", "false", "false", "true"], method)
            for row in rows {
                guard let peak = truth["0|\(row["channel"])"] else {
                    XCTAssertEqual([row["x"], row["y"], row["value"]], ["", "", ""], "\(method) \(row.key)")
                    continue
                }
                XCTAssertEqual(Double(row["x"])!, peak.x, accuracy: 0.5, "\(method) \(row.key)")
                XCTAssertEqual(Double(row["y"])!, peak.y, accuracy: 0.5, "\(method) \(row.key)")
            }
            let all = Self.rows(try Self.extract(["confidence.npy", "--method", method]).stdout)
            XCTAssertEqual(Set(all.map { $0["channel"] }), ["0", "4"], method)
            // With the rule off, kornia's own decoding: the faint peak and the noise's maxima are listed
            // (the flat channel 1 has no maximum that NMS keeps, rule or not).
            let bare = Self.rows(try Self.extract(["confidence.npy", "--method", method, "--confidence", "none", "--confidence-share", "none"]).stdout)
            XCTAssertEqual(Set(bare.map { $0["channel"] }), ["0", "2", "3", "4"], method)
            XCTAssertGreaterThan(bare.filter { $0["channel"] == "3" }.count, 1, method)
            let judged = try Self.extract(["confidence.npy", "--method", method, "--confidence", "1e9"]).stdout
            XCTAssertEqual(Self.rows(judged).count, 0, method)
        }
        let refused = try Self.extract(["confidence.npy", "--confidence", "-1"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.hasPrefix("Error: --confidence: "), refused.stderr)
    }

    func testShardAutoReadsSlurmAndKubernetesIndexes() throws {
        XCTAssertEqual(try Shard(parsing: "auto", environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "4"]), Shard(index: 2, count: 4))
        XCTAssertEqual(try Shard(parsing: "auto", environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1"]),
                       Shard(index: 2, count: 4))
        XCTAssertEqual(try Shard(parsing: "auto/8", environment: ["JOB_COMPLETION_INDEX": "7"]), Shard(index: 7, count: 8))
        XCTAssertThrowsError(try Shard(parsing: "auto", environment: ["JOB_COMPLETION_INDEX": "7"])) {
            XCTAssertTrue("\($0)".contains("give it as --shard auto/n"), "\($0)")
        }
        XCTAssertThrowsError(try Shard(parsing: "3/3", environment: [:]))
        // Blocks of 10 inputs in 3 shards: 3, 3, 4, covering every input once.
        XCTAssertEqual((0..<3).map { Array(Shard(index: $0, count: 3).share(of: Array(0..<10))) }, [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]])
    }

    /// scripts/make-stream-resources.py's streams: frames numbered from 0, good or bad.
    private static let streams = dataset.deletingLastPathComponent().appendingPathComponent("streams")

    func testAStreamOnStandardInputNumbersEveryFrame() throws {
        let moving = try Data(contentsOf: Self.streams.appendingPathComponent("moving.npys"))
        let result = try CLIRunner.launch(["extract", "-", "--per-channel"], stdinData: moving)
        XCTAssertEqual(result.status, 0, result.stderr)
        struct Truth: Decodable { var truth: [[Double]] }
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: Self.streams.appendingPathComponent("moving.json"))).truth
        let rows = Self.rows(result.stdout)
        XCTAssertEqual(rows.map { $0["frame"] }, (0..<truth.count).map(String.init))
        for (row, peak) in zip(rows, truth) {
            XCTAssertEqual(row["file"], "-")
            XCTAssertEqual(Double(row["x"])!, peak[0], accuracy: 0.5)
            XCTAssertEqual(Double(row["y"])!, peak[1], accuracy: 0.5)
        }
    }

    func testAStreamsBadFramesAreNamedAndTheFramesAfterKeepTheirNumbers() throws {
        // garbage.npys: good, bad, good, bad, good, bad, good (garbage.json's events).
        let fifo = scratch.appendingPathComponent("frames.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let bytes = try Data(contentsOf: Self.streams.appendingPathComponent("garbage.npys"))
        Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(bytes)
            handle.closeFile()
        }.start()
        let result = try CLIRunner.run(["extract", fifo, "--per-channel", "--method", "nms2d"])
        XCTAssertEqual(result.status, 1)
        let failures = result.stderr.split(separator: "\n").filter { $0.hasPrefix(fifo + ": frame ") }
        XCTAssertEqual(failures.map { $0.split(separator: ":")[1] }, [" frame 1", " frame 3", " frame 5"], result.stderr)
        XCTAssertEqual(Self.rows(result.stdout).map { $0["frame"] }, ["0", "2", "4", "6"])
    }
}
