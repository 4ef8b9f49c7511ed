import Foundation
import XCTest
import SubpixPictures
import TestSupport

/// The grid (`--grid`, `#`) as a user sees it: the real viewer in tmux at 120 × 40 on
/// the committed (4, 17, 64, 48) grid file of `scripts/make-viewer-files.py --grid`,
/// and its picture from `--snapshot out.png --grid`.
final class TmuxGridTests: XCTestCase {
    private let tmux = TmuxDriver(target: "grid")
    private var directory: URL!
    private static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SubpixSessionTests/Resources/viewer")
    private static let file = resources.appendingPathComponent("grid.npz").path
    /// Channels 13–16 of every batch item are flat or near zero.
    private static let empty = 13...16

    override func setUpWithError() throws {
        directory = try scratchDirectory("subpix-tmux-grid")
    }

    override func tearDown() {
        tmux.stop()
    }

    /// The true peaks of every map: "b,k" → [[x, y]].
    private func truth() throws -> [String: [[Double]]] {
        let data = try Data(contentsOf: Self.resources.appendingPathComponent("grid_truth.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: [[Double]]] ?? [:]
    }

    /// 17 panels on one 120 × 40 screen, the flat and near-zero ones badged "no peak";
    /// `m` to `dark` (every panel recomputed) keeps one point per true peak; Enter opens
    /// channel 13, whose panel says why it has none; `E`'s CSV has a row within 0.6 px
    /// of every true peak (with `dark`) and none for a flat or near-zero channel.
    func testGridShowsEveryChannelAndExportsEveryRealPeak() throws {
        guard tmux.isAvailable else { throw XCTSkip("tmux is not installed (apt-get install tmux)") }
        try tmux.start("cd \(directory.path) && env -u COLORTERM TERM=xterm-256color \(CLIRunner.binary.path) view \(Self.file) --grid; sleep 5",
                       width: 120, height: 40)
        let screen = try tmux.waitFor("13 with a peak, 4 without")
        let truth = try truth()
        for channel in 0..<17 {
            let label = (channel == 0 ? "▸" : "") + "c\(channel) "
                + (Self.empty.contains(channel) ? "⊘ no peak" : "✓ \(truth["0,\(channel)"]?.count ?? -1) kp")
            XCTAssertTrue(screen.contains(label), "\(label) in\n\(screen)")
        }
        XCTAssertEqual(screen.components(separatedBy: "⊘ no peak").count - 1, 4)
        try tmux.type(":view.method = 'dark'")
        try tmux.send("Enter")
        try tmux.waitUntil("the grid recomputed with dark") { $0.contains("13 with a peak") && !$0.contains(":view.method") }
        try tmux.send("E")
        try tmux.waitFor("wrote 60 keypoints of 68 maps")
        let csv = try String(contentsOf: directory.appendingPathComponent("subpix-maps.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        XCTAssertFalse(rows.contains { Self.empty.contains(Int($0[4]) ?? -1) }, "no row for a flat or near-zero channel")
        for (key, peaks) in truth {
            let parts = key.split(separator: ",")
            let mine = rows.filter { $0[3] == parts[0] && $0[4] == parts[1] }
            XCTAssertEqual(mine.count, peaks.count, key)
            for peak in peaks {
                let error = mine.map { hypot(Double($0[5])! - peak[0], Double($0[6])! - peak[1]) }.min() ?? .infinity
                XCTAssertLessThan(error, 0.6, "\(key) \(peak)")
            }
        }
        for _ in 0..<13 { try tmux.send("Right") }
        try tmux.waitFor("▸c13")
        try tmux.send("Enter")
        let single = try tmux.waitFor("no confident peak")
        XCTAssertTrue(single.contains("batch 0/4  channel 13/17"), single)
        try tmux.send("#")
        try tmux.waitFor("▸c13 ⊘ no peak")
    }

    /// `--snapshot out.png --grid` writes the grid's picture: read back, each of the 17
    /// labels has the name's colour and the badge's — red for the 4 without a peak, green otherwise.
    func testGridSnapshotHasLabels() throws {
        let out = directory.appendingPathComponent("grid.png").path
        let result = try CLIRunner.launch(["view", Self.file, "--snapshot", out, "--grid", "--size", "120x40"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let image = try RGBFile(out)
        // The layout of GridPicture: margin 6, a label row of 2 × 5 + 6 pixels, then
        // panels of 6 columns, each 96 + 6 wide and 16 + 128 + 6 high (64 × 48 maps upscaled 2×).
        let (margin, label, cell) = (6, 16, (width: 102, height: 150))
        for index in 0..<17 {
            let (x, y) = (margin + (index % 6) * cell.width, margin + label + (index / 6) * cell.height)
            var colours = Set<[UInt8]>()
            for row in y..<(y + 10) {
                for column in x..<(x + 96) { let p = image.pixel(column, row); colours.insert([p.red, p.green, p.blue]) }
            }
            XCTAssertTrue(colours.contains([235, 235, 235]), "label \(index): the name")
            XCTAssertEqual(colours.contains([255, 95, 95]), Self.empty.contains(index), "label \(index): red NO PEAK")
            XCTAssertEqual(colours.contains([120, 220, 120]), !Self.empty.contains(index), "label \(index): green count")
        }
    }
}
