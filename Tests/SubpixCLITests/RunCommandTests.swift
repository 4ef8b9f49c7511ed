import XCTest
import TestSupport

/// `subpix run` on scripts, in process (standard input through the binary), checking stdout,
/// stderr and exit statuses.
final class RunCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try scratchDirectory("subpix-cli")
    }

    private func script(_ name: String, _ text: String) throws -> String {
        try writeFile(name, text, in: directory)
    }

    func testARunPrintsResultsAndExitsZero() throws {
        let path = try script("ok.subpix", """
            heat = gaussians(size=(16, 16), peaks=[(5, 9, 1.0)])
            xy = spatial_soft_argmax2d(heat, temperature=0.01, normalized_coordinates=False)
            print(xy, format="csv")
            print(args[0], args[1])
            """)
        let result = try CLIRunner.run(["run", path, "first", "second"])
        XCTAssertEqual(result.status, 0, result.stderr)
        // T = 0.01 (kornia 0.9 divides) on a peak exactly at a pixel: the soft-argmax is that pixel, (5, 9).
        let fields = result.stdout.split(separator: "\n")[0].split(separator: ",").compactMap { Double($0) }
        XCTAssertEqual(fields.count, 2)
        XCTAssertEqual(fields[0], 5, accuracy: 1e-3)
        XCTAssertEqual(fields[1], 9, accuracy: 1e-3)
        XCTAssertEqual(result.stdout.split(separator: "\n")[1], "first second")
        XCTAssertEqual(result.stderr, "")
    }

    func testTheFirstErrorStopsTheRunWithFileLineColumnAndACaret() throws {
        let path = try script("bad.subpix", "x = zeros((1, 1, 4, 4))\ny = conv_soft_argmax2d(x, temprature=2)\nprint('not reached')\n")
        let result = try CLIRunner.run(["run", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            \(path):2:27: error: conv_soft_argmax2d() got an unexpected keyword 'temprature'; did you mean 'temperature'? valid keywords: input, kernel_size, stride, padding, temperature, normalized_coordinates, eps, output_value
                y = conv_soft_argmax2d(x, temprature=2)
                                          ^

            """)
    }

    func testAParseErrorShowsTheLineWithACaretAndRunsNothing() throws {
        let path = try script("syntax.subpix", "print('before')\nx = (1, 2\n")
        let result = try CLIRunner.run(["run", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "", "a syntax error stops the script before anything runs")
        XCTAssertEqual(result.stderr, "\(path):2:10: error: expected ')' to close the parenthesis, got end of input\n    x = (1, 2\n             ^\n")
        let lexical = try CLIRunner.run(["run", try script("lex.subpix", "y = 1\nz = y $ 2\n")])
        XCTAssertEqual(lexical.status, 1)
        XCTAssertTrue(lexical.stderr.hasSuffix("lex.subpix:2:7: error: unexpected character '$'\n    z = y $ 2\n          ^\n"), lexical.stderr)
    }

    func testKeepGoingMayFollowTheFileAndDoubleDashPassesFlagsToTheScript() throws {
        let path = try script("flags.subpix", "print(args)\nx = nope\nprint('after')\n")
        let result = try CLIRunner.run(["run", path, "--keep-going", "a", "--", "--keep-going", "-x"])
        XCTAssertEqual(result.stdout, "['a', '--keep-going', '-x']\nafter\n")
        XCTAssertEqual(result.status, 1, "a failed statement still fails the run")
        XCTAssertTrue(result.stderr.hasPrefix("\(path):2:5: error: name 'nope' is not defined"), result.stderr)
        let ok = try CLIRunner.run(["run", try script("quiet.subpix", "x = 1\nx + 1\n")])
        XCTAssertEqual(ok.status, 0)
        XCTAssertEqual(ok.stdout, "", "a script does not echo expression values")
    }

    func testWindowsLineEndingsRunAsWritten() throws {
        let path = try script("crlf.subpix", "x = 1\r\ny = x + 1\r\nprint(y)\r\nprint(nope)\r\n")
        let result = try CLIRunner.run(["run", path])
        XCTAssertEqual(result.stdout, "2\n")
        XCTAssertEqual(result.stderr, "\(path):4:7: error: name 'nope' is not defined\n    print(nope)\n          ^\n")
    }

    func testBuiltinsMarkdownIsTheCommittedReference() throws {
        let result = try CLIRunner.run(["builtins", "--markdown"])
        let committed = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/repl.md"), encoding: .utf8)
        XCTAssertEqual(result.stdout, committed)
        let one = try CLIRunner.run(["builtins", "nms2d"])
        XCTAssertTrue(one.stdout.hasPrefix("nms2d(input, kernel_size, mask_only=False)\n"), one.stdout)
    }

    func testKeepGoingReportsEveryFailingStatement() throws {
        let path = try script("many.subpix", "a = nope\nprint('middle')\nb = zeros((2,)) + zeros((3,))\n")
        let result = try CLIRunner.run(["run", "--keep-going", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "middle\n")
        XCTAssertTrue(result.stderr.contains("\(path):1:5: error: name 'nope' is not defined"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(path):3:17: error: cannot add tensors of shapes (2,) and (3,)"), result.stderr)
    }

    func testScriptsRunFromStandardInputAndPipedRepl() throws {
        let run = try CLIRunner.launch(["run", "-", "first"], stdin: "print(1 + 2, args[0])\n")
        XCTAssertEqual(run.stdout, "3 first\n")
        let failing = try CLIRunner.launch(["run", "-"], stdin: "x = 1\ny = x +\n")
        XCTAssertEqual(failing.status, 1)
        XCTAssertEqual(failing.stderr, "<stdin>:2:8: error: expected an expression, got end of line\n    y = x +\n           ^\n")
        let repl = try CLIRunner.launch(["repl"], stdin: "x = 2\nx * 21\nf(\n1)\nx\n")
        XCTAssertEqual(repl.stdout, "42\n2\n", "piped REPL: no prompt, no banner; errors keep the session")
        XCTAssertEqual(repl.stderr.split(separator: "\n").first, "<stdin>:3:1: error: name 'f' is not defined")
        XCTAssertFalse(repl.stdout.contains("\u{1B}"), "no escape codes on a pipe")
    }

    func testMaxSecondsStopsARunawayLoopNamingItsLine() throws {
        let run = try CLIRunner.launch(["run", "--max-seconds", "1", "-"], stdin: "print('start')\nwhile True:\n    pass\nprint('never')\n")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "start\n")
        XCTAssertTrue(run.stderr.hasPrefix("<stdin>:3:5: error: stopped: the script ran longer than its time limit of 1.0 s (subpix run --max-seconds N sets it)\n        pass\n"), run.stderr)
        let refused = try CLIRunner.launch(["run", "--max-seconds", "0", "-"], stdin: "print(1)\n")
        XCTAssertEqual(refused.status, 64)
        XCTAssertTrue(refused.stderr.contains("expected a positive number of seconds for --max-seconds, got '0.0'"), refused.stderr)
    }

    func testMissingScriptFileIsAOneLineError() throws {
        let result = try CLIRunner.run(["run", "/no/such/script.subpix"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "/no/such/script.subpix: error: no such file\n")
    }

    func testABatchLoopOverFilesWithArguments() throws {
        let extract = try script("extract.subpix", """
            heat = load(args[0])
            coords, vals = conv_soft_argmax2d(heat, output_value=True, normalized_coordinates=False)
            save(keypoints(coords, vals, mask=nms2d(vals, (3, 3), mask_only=True), top_k=1), args[1])
            """)
        let make = try script("make.subpix", "save(gaussians(size=(12, 12), peaks=[(4, 7, 1.0)]), args[0])\n")
        let map = directory.appendingPathComponent("map.npy").path
        let out = directory.appendingPathComponent("map.csv").path
        XCTAssertEqual(try CLIRunner.run(["run", make, map]).status, 0)
        let result = try CLIRunner.run(["run", extract, map, out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "saved \(out)\n", "status messages go to stderr")
        let table = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(table[0], "batch,channel,x,y,value")
        let fields = table[1].split(separator: ",").compactMap { Double($0) }
        XCTAssertEqual(fields[2], 4, accuracy: 1e-6, "a symmetric peak on a pixel stays on that pixel")
        XCTAssertEqual(fields[3], 7, accuracy: 1e-6)
    }
}

/// `save` never overwrites unless asked: `overwrite=True` in the call, or `--force` on the command.
final class ForceFlagTests: XCTestCase {
    func testForceLetsSaveReplaceAnExistingFile() throws {
        let directory = try scratchDirectory("subpix-force")
        let target = directory.appendingPathComponent("a.npy").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        let script = directory.appendingPathComponent("s.subpix")
        try "save(zeros((2, 2)), \"\(target)\")\n".write(to: script, atomically: true, encoding: .utf8)
        let refused = try CLIRunner.run(["run", script.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("\(target): file exists; pass overwrite=True to replace it"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "keep me")
        let forced = try CLIRunner.run(["run", "--force", script.path])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(forced.stderr, "saved \(target)\n")
        XCTAssertEqual(FileManager.default.contents(atPath: target)?.prefix(6), Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]))
    }
}
