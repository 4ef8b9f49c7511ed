import Foundation
import XCTest

/// `subpix view --script DEMO` in process on a memory screen: the view starts from the
/// script's own calls (issue 11, item 17), with no `view.*` line in the demos setting
/// what they computed.
final class ScriptViewTests: XCTestCase {
    private var viewer: ViewerDriver?
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    override func tearDown() { viewer?.stop() }

    private func demo(_ name: String) throws -> (source: String, printed: String) {
        let source = try String(contentsOf: root.appendingPathComponent("demos/\(name)"), encoding: .utf8)
        let run = try CLIRunner.run(["run", "demos/\(name)"], directory: root)
        XCTAssertEqual(run.status, 0, run.stderr)
        return (source, run.stdout)
    }

    private func open(_ name: String) -> ViewerDriver {
        let viewer = ViewerDriver(["view", "--script", "demos/\(name)"], directory: root, width: 120, height: 44)
        self.viewer = viewer
        return viewer
    }

    /// The side panel's rows of numbers under the keypoint heading.
    private func listed(_ screen: String) -> [[Double]] {
        let panel = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = panel.firstIndex(where: { $0.contains("── keypoints") }) else { return [] }
        return panel[(heading + 1)...].map { $0.split(separator: " ").suffix(4).compactMap { Double($0) } }.prefix { $0.count == 4 }.map { $0 }
    }

    /// Chapter 6 ends with `conv_quad_interp3d(volume, n_iters=1)` and keeps the strongest 5:
    /// the viewer shows n_iters 1 (not kornia's 5) and lists the script's five points.
    func testDemo6TheViewerUsesTheScriptsIterationsAndTopK() throws {
        let (source, printed) = try demo("06-quad-interp.subpix")
        XCTAssertFalse(source.contains("view.n_iters") || source.contains("view.top_k"), "the demo does not set what it computed")
        let lines = printed.split(separator: "\n")
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("n_iters=1") }) + 2
        // batch channel x y depth value → (x, y, depth, value), as the panel lists them.
        let expected = lines[start..<(start + 5)].map { $0.split(separator: " ").compactMap { Double($0) }.suffix(4).map { $0 } }

        let viewer = open("06-quad-interp.subpix")
        // A frame is drawn whole, so the count comes with its rows (tmux could show one without the other).
        let screen = viewer.waitFor("5 kp  out", timeout: 120)
        XCTAssertTrue(screen.contains("n_iters 1\n") || screen.contains("n_iters 1 "), screen)
        XCTAssertTrue(screen.contains("top_k 5"), screen)
        let shown = listed(screen)
        XCTAssertEqual(shown.count, 5, screen)
        for (row, want) in zip(shown, expected) {
            // The panel rounds x and y to 3 decimals, the depth to 2; the script prints 4.
            for (column, (got, value)) in zip(row, want).enumerated() {
                XCTAssertEqual(got, value, accuracy: column == 2 ? 0.0051 : 0.00051, "\(row) vs \(want)\n\(screen)")
            }
        }
        viewer.type("q")
    }

    /// Chapter 7's last call on `heat` (the noise 0.05 map, its loop's last) is
    /// `compare(heat, temperature=10.0)`, which keeps as many points as true peaks (3):
    /// the panel's compare errors are that table's rows where every true peak has its
    /// keypoint within 3 px; the spatial soft-argmax's one point, 18 px from them, is
    /// no detection by the panel's one-to-one matching (docs/viewer.md).
    func testDemo7TheCompareViewUsesTheScriptsPointCountAndTemperature() throws {
        let (source, printed) = try demo("07-choosing.subpix")
        XCTAssertFalse(source.contains("view.top_k") || source.contains("view.temperature") || source.contains("view.compare"),
                       "the demo does not set what compare() measured with")
        let table = try XCTUnwrap(printed.components(separatedBy: "noise 0.05, T 10\n").last)
        func errors(_ method: String) throws -> String {
            let row = try XCTUnwrap(table.split(separator: "\n").first { $0.hasPrefix(method) }).split(separator: " ")
            let numbers = row.compactMap { Double($0) }
            return String(format: "err mean %.3f max %.3f px", numbers[numbers.count - 3], numbers[numbers.count - 2])
        }
        let conv = try errors("conv_soft_argmax2d")
        XCTAssertGreaterThan(Double(try errors("spatial_soft_argmax2d").split(separator: " ")[2]) ?? 0, 3, "the spatial soft-argmax misses by more than 3 px")

        let viewer = open("07-choosing.subpix")
        let screen = viewer.waitFor("× " + conv, timeout: 120)
        XCTAssertTrue(screen.contains("+ all 3 missed"), screen)
        XCTAssertTrue(screen.contains("top_k 3"), screen)
        XCTAssertTrue(screen.contains("T ÷ 10 "), "kornia 0.9: every op divides\n\(screen)")
        viewer.type("q")
    }
}
