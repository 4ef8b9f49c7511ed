import Foundation
import Subpix
@testable import SubpixCommands
import TestSupport
import XCTest

/// `--kornia 0.7|0.9` on `run`, `repl` and `view`, the environment variable
/// `SUBPIX_KORNIA`, a script's first line `# subpix --kornia 0.7`, and `w` writing
/// that line: which release a command follows, in process.
final class KorniaOptionTests: XCTestCase {
    private var directory: URL!
    private var viewer: ViewerDriver?
    /// The release that is not the default, so each test shows a choice took effect.
    private let other = KorniaVersion.allCases.first { $0 != .default }!

    override func setUpWithError() throws {
        directory = try scratchDirectory("subpix-kornia")
    }

    override func tearDown() {
        viewer?.stop()
        unsetenv("SUBPIX_KORNIA")
    }

    /// What `subpix run` prints for a script `text` that prints `kornia_version()`, with `options`.
    private func version(_ options: [String], script text: String = "print(kornia_version())\n") throws -> CLIRunner.Result {
        let path = try writeFile("version.subpix", text, in: directory)
        return try CLIRunner.run(["run"] + options + [path])
    }

    func testTheOptionChoosesTheReleaseInEitherSpelling() throws {
        XCTAssertEqual(try version([]).stdout, "\(KorniaVersion.default.rawValue)\n")
        for spelling in [other.rawValue, other.release] {
            let result = try version(["--kornia", spelling])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, "\(other.rawValue)\n", spelling)
        }
    }

    func testTheEnvironmentChoosesAndTheOptionBeatsIt() throws {
        setenv("SUBPIX_KORNIA", other.rawValue, 1)
        XCTAssertEqual(try version([]).stdout, "\(other.rawValue)\n")
        XCTAssertEqual(try version(["--kornia", KorniaVersion.default.rawValue]).stdout, "\(KorniaVersion.default.rawValue)\n")
    }

    func testABadVersionIsAOneLineErrorNamingTheVersions() throws {
        let option = try version(["--kornia", "0.8"])
        XCTAssertEqual(option.status, 1)
        XCTAssertEqual(option.stdout, "")
        XCTAssertEqual(option.stderr, "Error: --kornia: expected version 0.7 or 0.9, got '0.8'\n")
        setenv("SUBPIX_KORNIA", "latest", 1)
        let environment = try version([])
        XCTAssertEqual(environment.status, 1)
        XCTAssertEqual(environment.stderr, "Error: SUBPIX_KORNIA: expected version 0.7 or 0.9, got 'latest'\n")
    }

    func testReplAndViewTakeTheOptionToo() throws {
        let repl = try XCTUnwrap(SubpixCommand.parseAsRoot(["repl", "--kornia", other.release]) as? ReplCommand)
        XCTAssertEqual(try repl.kornia.version(environment: [:]), other)
        let view = try XCTUnwrap(SubpixCommand.parseAsRoot(["view", "--kornia", other.rawValue]) as? ViewCommand)
        XCTAssertEqual(try view.kornia.version(environment: [:]), other)
        XCTAssertEqual(try view.kornia.version(environment: ["SUBPIX_KORNIA": other.rawValue]), other)
    }

    func testAScriptsFirstLineChoosesTheReleaseAndTheOptionBeatsItWithANote() throws {
        let script = "# subpix --kornia \(other.rawValue)\nprint(kornia_version())\n"
        let alone = try version([], script: script)
        XCTAssertEqual(alone.stdout, "\(other.rawValue)\n")
        XCTAssertEqual(alone.stderr, "")
        setenv("SUBPIX_KORNIA", KorniaVersion.default.rawValue, 1)
        XCTAssertEqual(try version([], script: script).stdout, "\(other.rawValue)\n", "the script's line beats the environment")
        let overruled = try version(["--kornia", KorniaVersion.default.rawValue], script: script)
        XCTAssertEqual(overruled.stdout, "\(KorniaVersion.default.rawValue)\n")
        XCTAssertEqual(overruled.stderr, """
            note: \(directory.path)/version.subpix was written for kornia \(other.rawValue) (its first line); \
            running kornia \(KorniaVersion.default.rawValue) as --kornia says

            """)
        let bad = try version([], script: "# subpix --kornia 1.0\nprint(1)\n")
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stdout, "")
        XCTAssertEqual(bad.stderr, "\(directory.path)/version.subpix:1: error: kornia: expected version 0.7 or 0.9, got '1.0'\n")
    }

    /// `w` in a session of the other release writes its first line, and `subpix run` replays
    /// the script in that release without being told.
    func testWWritesTheReleaseAsTheScriptsFirstLineAndRunFollowsIt() throws {
        let script = try writeFile("make.subpix", "heat = gaussians(size=(24, 24), peaks=[(8.3, 14.6, 2.0)])\n", in: directory)
        let viewer = ViewerDriver(["view", "--kornia", other.rawValue, "--script", script], directory: directory)
        self.viewer = viewer
        viewer.waitFor("heat (1, 1, 24, 24)")
        viewer.type("w")
        viewer.waitFor("subpix-session.subpix")
        viewer.type("q")
        XCTAssertEqual(viewer.waitForExit()?.status, 0)
        let written = try String(contentsOf: directory.appendingPathComponent("subpix-session.subpix"), encoding: .utf8)
        XCTAssertEqual(written.split(separator: "\n").first,
                       "# subpix view --kornia \(other.rawValue), replay with: subpix run subpix-session.subpix", written)
        try (written + "print(kornia_version())\n").write(to: directory.appendingPathComponent("replay.subpix"), atomically: true, encoding: .utf8)
        let replay = try CLIRunner.run(["run", "replay.subpix"], directory: directory)
        XCTAssertEqual(replay.status, 0, replay.stderr)
        XCTAssertEqual(replay.stdout.split(separator: "\n").last, Substring(other.rawValue))
    }
}
