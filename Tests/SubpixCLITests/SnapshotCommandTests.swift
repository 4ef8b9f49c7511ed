import XCTest
import TestSupport

/// `subpix view FILE --snapshot out.png [--size WxH]`: a picture of the view without a terminal.
final class SnapshotCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try scratchDirectory("subpix-snapshot")
    }

    /// Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian).
    private func pngSize(_ url: URL) throws -> (Int, Int) {
        let data = try Data(contentsOf: url)
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG signature")
        func word(_ offset: Int) -> Int { data[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    /// The demo (64 × 48) in a 120 × 40 terminal: the pane is 83 × 38 cells = 83 × 76 screen
    /// pixels, so a data pixel is max(64/83, 48/76) = 0.771 screen pixels → 8/0.771 ≈ 10
    /// picture pixels: 640 × 480, plus a gap of 5 and a colour bar of 20.
    func testSnapshotWithoutATerminal() throws {
        let out = directory.appendingPathComponent("view.png")
        let result = try CLIRunner.run(["view", "--snapshot", out.path, "--size", "120x40"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "saved \(out.path)\n")
        let (width, height) = try pngSize(out)
        XCTAssertEqual(width, 640)
        XCTAssertEqual(height, 480 + 5 + 20)
    }

    func testSnapshotRefusesSmallSizesAndExistingFiles() throws {
        let out = directory.appendingPathComponent("view.png")
        let tiny = try CLIRunner.run(["view", "--snapshot", out.path, "--size", "30x10"])
        XCTAssertNotEqual(tiny.status, 0)
        XCTAssertEqual(tiny.stderr, "Error: snapshot: expected a size of at least 60x16, got 30x10\n")
        // Sizes the parser refuses, and a live input: CommandLineTests.testSnapshotRefusesBadSizesAndLiveInputs.
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        XCTAssertEqual(try CLIRunner.run(["view", "--snapshot", out.path]).status, 0)
        let again = try CLIRunner.run(["view", "--snapshot", out.path])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertEqual(again.stderr, "Error: \(out.path): file exists; pass --force to replace it\n", "the command's flag, not save()'s overwrite=True")
        XCTAssertEqual(try CLIRunner.run(["view", "--snapshot", out.path, "--force"]).status, 0)
    }

    /// Issue 25: a directory said `unknown file type '.'`, `x.jpg` got PNG data under its name,
    /// and a too-large tensor pointed at the environment variable only. Each is now a one-line
    /// error naming what was expected, and nothing is written.
    func testSnapshotPathsAndLimitsGetClearErrors() throws {
        let folder = try CLIRunner.run(["view", "--snapshot", directory.path])
        XCTAssertNotEqual(folder.status, 0)
        XCTAssertEqual(folder.stderr, "Error: snapshot: '\(directory.path)' is a directory; expected a .png file path such as \(directory.path)/view.png\n")
        let jpeg = directory.appendingPathComponent("x.jpg")
        let refused = try CLIRunner.run(["view", "--snapshot", jpeg.path])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertEqual(refused.stderr, "Error: snapshot: expected a .png path, got '\(jpeg.path)' (pictures are written as PNG only)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: jpeg.path))
        // A process of its own: --max-bytes sets the variable for the whole process.
        let limited = try CLIRunner.launch(["view", "--snapshot", directory.appendingPathComponent("small.png").path, "--max-bytes", "64"])
        XCTAssertNotEqual(limited.status, 0)
        XCTAssertTrue(limited.stderr.contains("raise it with --max-bytes or SUBPIX_MAX_BYTES"), limited.stderr)
        XCTAssertEqual(limited.stderr.split(separator: "\n").count, 1, limited.stderr)
    }
}
