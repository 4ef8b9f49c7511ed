import XCTest
import TestSupport

/// `subpix run SCRIPT --each-frame STREAM` on the NumPy-written streams of
/// scripts/make-stream-resources.py (a regular file, a FIFO and standard input).
final class EachFrameTests: XCTestCase {
    private let streams = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SubpixSessionTests/Resources/streams").standardized
    private var directory: URL!

    private struct Frame: Decodable { var shape: [Int]; var values: [Double] }
    private struct Mixed: Decodable { var frames: [Frame] }
    private struct Printed: Decodable { var shape: [Int]; var data: [Double] }

    override func setUpWithError() throws {
        directory = try scratchDirectory("subpix-each")
    }

    private func script(_ text: String) throws -> String {
        try writeFile("each.subpix", text, in: directory)
    }

    private func expectedFrames() throws -> [Frame] {
        try JSONDecoder().decode(Mixed.self, from: Data(contentsOf: streams.appendingPathComponent("mixed.json"))).frames
    }

    /// Checks stdout of the printing script against the generator's frames.
    private func assertPrintsEveryFrame(_ stdout: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let frames = try expectedFrames()
        let lines = stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2 * frames.count, stdout, file: file, line: line)
        for (index, frame) in frames.enumerated() where 2 * index + 1 < lines.count {
            XCTAssertEqual(lines[2 * index], "\(index)", file: file, line: line)
            let printed = try JSONDecoder().decode(Printed.self, from: Data(lines[2 * index + 1].utf8))
            XCTAssertEqual(printed.shape.drop { $0 == 1 }, frame.shape.drop { $0 == 1 }, file: file, line: line)
            XCTAssertEqual(printed.data, frame.values, file: file, line: line)
        }
    }

    func testTheScriptRunsOncePerArrayWithTheFrameBound() throws {
        let path = try script("print(frame_index)\nprint(frame, format=\"json\")\n")
        let result = try CLIRunner.run(["run", path, "--each-frame", streams.appendingPathComponent("mixed.npys").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        try assertPrintsEveryFrame(result.stdout)
    }

    func testStandardInputAndAFIFOAreStreamsToo() throws {
        let bytes = try Data(contentsOf: streams.appendingPathComponent("mixed.npys"))
        let path = try script("print(frame_index)\nprint(heat, format=\"json\")\n")
        let piped = try CLIRunner.launch(["run", path, "--frame-variable", "heat", "--each-frame", "-"], stdinData: bytes)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        try assertPrintsEveryFrame(piped.stdout)

        let fifo = directory.appendingPathComponent("frames.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(bytes)
            handle.closeFile()
        }.start()
        let fromFifo = try CLIRunner.run(["run", path, "--frame-variable", "heat", "--each-frame", fifo])
        XCTAssertEqual(fromFifo.status, 0, fromFifo.stderr)
        try assertPrintsEveryFrame(fromFifo.stdout)
    }

    func testABadFrameIsReportedAndSkippedAndAFailingStatementStopsTheRun() throws {
        let garbage = streams.appendingPathComponent("garbage.npys").path
        let counting = try script("print(frame_index)\n")
        let skipped = try CLIRunner.run(["run", counting, "--each-frame", garbage])
        XCTAssertEqual(skipped.status, 1)
        XCTAssertEqual(skipped.stdout, "0\n2\n4\n6\n", "the four good arrays of garbage.json, each counted with the bad ones before it")
        XCTAssertEqual(skipped.stderr.split(separator: "\n").count, 3, skipped.stderr)
        XCTAssertTrue(skipped.stderr.hasPrefix("\(garbage): frame 2: expected the .npy magic"), skipped.stderr)

        let failing = try script("x = conv_soft_argmax2d(frame, (3, 3), (1, 1), (1, 1))\nprint(frame_index)\n")
        let stopped = try CLIRunner.run(["run", failing, "--each-frame", streams.appendingPathComponent("mixed.npys").path])
        XCTAssertEqual(stopped.status, 1)
        XCTAssertEqual(stopped.stdout, "0\n", "frame 1 (2D) runs; frame 2 (a volume) fails and stops the run")
        XCTAssertTrue(stopped.stderr.hasPrefix("\(failing):1:"), stopped.stderr)
    }

    /// garbage.json: good arrays 1, 3, 5 and 7 with bad stretches 2, 4 and 6 between them.
    /// The rows name the frames the errors do, under one header; the first good array is
    /// arange(12).reshape(3, 4) / 4 - 1, whose best pixel is 1.75 at x = 3, y = 2.
    func testKeypointRowsAndErrorsNameTheSameFramesUnderOneHeader() throws {
        let garbage = streams.appendingPathComponent("garbage.npys").path
        let best = try script("print(keypoints(frame, top_k=1), format=\"csv\")\n")
        let run = try CLIRunner.run(["run", best, "--each-frame", garbage])
        XCTAssertEqual(run.status, 1)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "frame,batch,channel,x,y,value")
        XCTAssertEqual(lines.dropFirst().map { $0.split(separator: ",")[0] }, ["1", "3", "5", "7"], run.stdout)
        XCTAssertEqual(lines.dropFirst().first.map { $0.split(separator: ",").map { Double($0) ?? .nan } }, [1, 0, 0, 3, 2, 1.75])
        let errorFrames = run.stderr.split(separator: "\n").compactMap { $0.split(separator: ":").dropFirst().first?.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(errorFrames, ["frame 2", "frame 4", "frame 6"], run.stderr)
    }

    func testStreamErrorsAreOneLine() throws {
        let counting = try script("print(frame_index)\n")
        let missing = try CLIRunner.run(["run", counting, "--each-frame", directory.appendingPathComponent("none.npys").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("none.npys: cannot open the stream: No such file or directory"), missing.stderr)
        // The script and the stream both on standard input: CommandLineTests.testRunAndBenchRefuseBadValues.
    }
}

/// The `subpix` block of docs/live.md, run on a recorded stream of a moving peak.
final class LiveDocsExampleTests: XCTestCase {
    func testTheDocsScriptFindsThePeakOfEveryFrame() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
        let docs = try String(contentsOf: root.appendingPathComponent("docs/live.md"), encoding: .utf8)
        let block = try XCTUnwrap(docs.components(separatedBy: "```subpix\n").dropFirst().first?.components(separatedBy: "```").first)
        let script = try scratchDirectory("live-doc").appendingPathComponent("live.subpix")
        try block.write(to: script, atomically: true, encoding: .utf8)
        let streams = root.appendingPathComponent("Tests/SubpixSessionTests/Resources/streams")
        struct Moving: Decodable { var truth: [[Double]] }
        let truth = try JSONDecoder().decode(Moving.self, from: Data(contentsOf: streams.appendingPathComponent("moving.json"))).truth
        let result = try CLIRunner.run(["run", script.path, "--each-frame", streams.appendingPathComponent("moving.npys").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ",").compactMap { Double($0) } }
        XCTAssertEqual(lines.count, truth.count, result.stdout)
        for (found, peak) in zip(lines, truth) {
            // Softmax(10 g) of a σ = 2 peak is a σ ≈ 0.63 px blob; the flat background (weight e⁰ per pixel
            // against ≈ e¹⁰·2π·0.4 for the blob, ~1.4 %) pulls it a few hundredths of a pixel toward the centre.
            XCTAssertEqual(found.count, 2)
            XCTAssertEqual(found[0], peak[0], accuracy: 0.1)
            XCTAssertEqual(found[1], peak[1], accuracy: 0.1)
        }
    }
}
