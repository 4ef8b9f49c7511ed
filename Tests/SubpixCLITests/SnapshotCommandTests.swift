import XCTest
import Subpix
import SubpixPictures
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
    /// picture pixels: 640 × 480, plus a gap of 5 and a colour bar of 20. Around it a margin
    /// of 6 (652 wide); above, six title lines of 16 (the tensor, the selection, the method
    /// and colour range, three lines of settings); below, 3 and a line of values (16), two
    /// legend lines (truth, the method: 32) and 6: 6 + 96 + 505 + 3 + 16 + 32 + 6 = 664.
    func testSnapshotWithoutATerminal() throws {
        let out = directory.appendingPathComponent("view.png")
        let result = try CLIRunner.run(["view", "--snapshot", out.path, "--size", "120x40"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "saved \(out.path)\n")
        let (width, height) = try pngSize(out)
        XCTAssertEqual(width, 652)
        XCTAssertEqual(height, 664)
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

    /// A (2, 3, 32, 32) file with one peak, at batch 1, channel 2 (x 10, y 12); every other map 0.
    private func onePeakFile() throws -> String {
        let script = try writeFile("make.subpix", """
            h = zeros((2, 3, 32, 32))
            h[1:2, 2:3] = gaussians((32, 32), [(10.0, 12.0, 2.0, 1.0)])
            save(h, "h.npy")
            """, in: directory)
        let made = try CLIRunner.run(["run", script], directory: directory)
        XCTAssertEqual(made.status, 0, made.stderr)
        return directory.appendingPathComponent("h.npy").path
    }

    /// Whether the picture holds `color` anywhere.
    private func holds(_ png: RGBFile, _ color: RGB) -> Bool {
        (0..<png.height).contains { y in (0..<png.width).contains { png.pixel($0, y) == color } }
    }

    /// The legend's colour of a marker style (drawn on the picture's background).
    private func legendColor(_ style: MarkerStyle) -> RGB { style.color.contrasting(against: GridPicture.background) }

    /// Issue 25: `--batch/--channel/--method` choose what `--snapshot` pictures. Only map
    /// (1, 2) has a peak, so only its picture has a marker on viridis's top colour (in the
    /// method's colour made to contrast with it); the legend shows nms2d's marker, not the
    /// default method's. Out-of-range values are the settings' errors.
    func testSnapshotOfAChosenMapAndMethod() throws {
        let file = try onePeakFile()
        let out = directory.appendingPathComponent("chosen.png").path
        let result = try CLIRunner.run(["view", file, "--batch", "1", "--channel", "2", "--method", "nms2d", "--snapshot", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        let png = try RGBFile(out)
        let peak = ColorMap(.viridis).color(1)
        XCTAssertTrue(holds(png, MarkerStyle.of(.nms2d).color.contrasting(against: peak)), "a marker on the peak")
        XCTAssertTrue(holds(png, legendColor(.of(.nms2d))))
        XCTAssertFalse(holds(png, legendColor(.of(.convSoftArgmax2d))))
        let marked = MarkerStyle.of(.convSoftArgmax2d).color.contrasting(against: peak)
        for (channel, hasPeak) in [("2", true), ("0", false)] {
            let path = directory.appendingPathComponent("channel\(channel).png").path
            XCTAssertEqual(try CLIRunner.run(["view", file, "--batch", "1", "--channel", channel, "--snapshot", path]).status, 0)
            XCTAssertEqual(holds(try RGBFile(path), marked), hasPeak, "channel \(channel)")
        }

        let channel = try CLIRunner.run(["view", file, "--channel", "3", "--snapshot", out + "-c.png"])
        XCTAssertNotEqual(channel.status, 0)
        XCTAssertTrue(channel.stderr.hasPrefix("Error: ") && channel.stderr.contains("channel"), channel.stderr)
        XCTAssertEqual(channel.stderr.split(separator: "\n").count, 1, channel.stderr)
        let method = try CLIRunner.run(["view", file, "--method", "nope", "--snapshot", out + "-m.png"])
        XCTAssertNotEqual(method.status, 0)
        XCTAssertTrue(method.stderr.contains("nope"), method.stderr)
    }

    /// `--truth FILE.csv` opens in compare mode, every method (the field's decoders too) with
    /// the table's truth: the legend shows the truth's ring and, say, dark's and quadratic's
    /// markers. A table without x and y is a one-line error.
    func testTruthTableOpensCompareMode() throws {
        let file = try onePeakFile()
        let truth = try writeFile("truth.csv", "batch,channel,x,y\n1,2,10,12\n", in: directory)
        let out = directory.appendingPathComponent("truth.png").path
        let result = try CLIRunner.run(["view", file, "--batch", "1", "--channel", "2", "--truth", truth, "--snapshot", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        let png = try RGBFile(out)
        for style in [MarkerStyle.truth, .of(.dark), .of(.quadratic), .of(.convSoftArgmax2d)] {
            XCTAssertTrue(holds(png, legendColor(style)), "\(style)")
        }
        let bad = try writeFile("bad.csv", "col,row\n1,2\n", in: directory)
        let refused = try CLIRunner.run(["view", file, "--truth", bad, "--snapshot", out + "-bad.png"])
        XCTAssertEqual(refused.stderr, "Error: \(bad): expected a header with the columns x and y (and optionally batch, channel), got col,row\n")
    }
}
