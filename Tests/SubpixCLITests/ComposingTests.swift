import XCTest
import TestSupport

/// Output that composes in a shell, exit statuses, and command-line errors for people.
final class ComposingTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try scratchDirectory("subpix-compose")
    }

    private func write(_ name: String, _ text: String) throws -> String {
        try writeFile(name, text, in: directory)
    }

    func testStdoutCarriesOnlyWhatTheScriptPrintsAndQuietSilencesStatus() throws {
        let script = try write("pipe.subpix", """
            kp = keypoints(spatial_soft_argmax2d(gaussians(size=(9, 9), peaks=[(4, 4, 1)]), temperature=100, normalized_coordinates=False))
            save(kp, "pipe.json")
            x = time(1 + 1, repeat=2)
            print(kp, format="csv")
            """)
        let loud = try CLIRunner.run(["run", script], directory: directory)
        XCTAssertEqual(loud.status, 0, loud.stderr)
        XCTAssertEqual(loud.stdout.split(separator: "\n").first, "batch,channel,x,y,value", "the CSV header is the first line")
        XCTAssertEqual(loud.stdout.split(separator: "\n").count, 2)
        let status = loud.stderr.split(separator: "\n")
        XCTAssertEqual(status.first, "saved pipe.json")
        XCTAssertTrue(status.last?.hasPrefix("time: median ") == true, loud.stderr)

        let quiet = try CLIRunner.run(["run", "--quiet", script, "--force"], directory: directory)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stdout, loud.stdout)
        XCTAssertEqual(quiet.stderr, "")
        let repl = try CLIRunner.launch(["repl", "-q", "--force"], stdin: "save(zeros((1, 1, 2, 2)), 'z.npy')\nprint(1)\n", directory: directory)
        XCTAssertEqual(repl.stdout, "1\n")
        XCTAssertEqual(repl.stderr, "")
    }

    func testAPipedReplExitsOneWhenAStatementFailedAndZeroOtherwise() throws {
        let good = try CLIRunner.launch(["repl"], stdin: "x = 1\nprint(x)\n")
        XCTAssertEqual(good.status, 0)
        let bad = try CLIRunner.launch(["repl"], stdin: "x = 1\nnope\nprint(x)\n")
        XCTAssertEqual(bad.stdout, "1\n", "the statements after the error still run")
        XCTAssertEqual(bad.status, 1)
        let run = try CLIRunner.launch(["run", "-"], stdin: "x = 1\nnope\n")
        XCTAssertEqual(run.status, bad.status, "repl < file and run - agree")
    }

    /// The binary itself (the rest runs in process): --version on stdout with status 0, a
    /// refused command line on stderr with EX_USAGE, in the words the in-process tests read.
    func testVersionAndAUsageErrorLeaveTheProcess() throws {
        let result = try CLIRunner.launch(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "0.1.0\n")
        let refused = try CLIRunner.launch(["view", "a.npy", "b.npy"])
        XCTAssertEqual(refused.status, 64)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertEqual(refused.stderr, try CLIRunner.run(["view", "a.npy", "b.npy"]).stderr)
    }

    func testFileErrorsHaveNoInternalPositionAndSuggestAFileNearby() throws {
        try Data([0]).write(to: directory.appendingPathComponent("photo.png"))
        _ = try write("extract.subpix", "print(1)\n")
        let view = try CLIRunner.run(["view", "photoo.png"], directory: directory)
        XCTAssertEqual(view.status, 1)
        XCTAssertEqual(view.stderr, "Error: photoo.png: no such file; did you mean 'photo.png'?\n",
                       "the file error comes first (no 'needs a terminal'), without a 1:8 position")
        let nested = try CLIRunner.run(["view", "./photoo.png"], directory: directory)
        XCTAssertEqual(nested.stderr, "Error: ./photoo.png: no such file; did you mean './photo.png'?\n")
        let run = try CLIRunner.run(["run", "extrct.subpix"], directory: directory)
        XCTAssertEqual(run.stderr, "extrct.subpix: error: no such file; did you mean 'extract.subpix'?\n")
        let corrupt = try CLIRunner.run(["view", "photo.png"], directory: directory)
        XCTAssertEqual(corrupt.status, 1)
        XCTAssertTrue(corrupt.stderr.hasPrefix("Error: photo.png: "), corrupt.stderr)
        XCTAssertFalse(corrupt.stderr.contains("terminal"), "a bad file is reported as such without a TTY")
    }

    func testViewerVariableErrorsListTheTensorVariables() throws {
        let script = try write("two.subpix", "heat = zeros((1, 1, 4, 4))\ndemo = ones((1, 1, 2, 2))\nn = 3\n")
        let result = try CLIRunner.run(["view", "--script", script, "--var", "hat"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr,
                       "Error: view.input: expected the name of a tensor variable, got 'hat'; did you mean 'heat'? tensor variables: demo, heat\n")
        let none = try CLIRunner.run(["view", "--script", script, "--var", "zzz"])
        XCTAssertEqual(none.stderr, "Error: view.input: expected the name of a tensor variable, got 'zzz'; tensor variables: demo, heat\n")
    }

    func testViewScriptPassesItsArgumentsLikeRun() throws {
        let script = try write("args.subpix", "heat = load(args[0])\nprint(args)\n")
        let result = try CLIRunner.run(["view", "--script", script, "missing.npy", "-0.5"], directory: directory)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("\(script):1:8: error: missing.npy: no such file"), result.stderr)
        let fine = try CLIRunner.run(["view", "--script", script, try write("m.csv", "0,1\n2,3\n")], directory: directory)
        XCTAssertEqual(fine.stderr.split(separator: "\n").first,
                       "Error: subpix view needs a terminal (a TTY); for scripts use `subpix run FILE` or `subpix repl`",
                       "the argument reached the script, which loaded the file")
    }

    func testViewingAnNpzPicksAnArrayByName() throws {
        let pair = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SubpixSessionTests/Resources/formats/pair.npz").path
        let wrong = try CLIRunner.run(["view", pair, "--var", "frst"])
        XCTAssertEqual(wrong.stderr, "Error: \(pair) has no array 'frst'; did you mean 'first'? it has 'first', 'second'\n")
        let first = try CLIRunner.run(["view", pair])
        XCTAssertTrue(first.stderr.hasPrefix("Error: subpix view needs a terminal"), "the first array loaded: \(first.stderr)")
    }
}
