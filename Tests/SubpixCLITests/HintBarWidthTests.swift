import Foundation
import TestSupport
import XCTest

/// The bottom key-hint bar was cut at 80 and 120 columns (`… v nex`): it is 151
/// characters in full. It now leaves out its least important hints until it fits,
/// keeping `q quit` and `? help` (which lists every key). `subpix view` on the demo,
/// in process on a memory screen.
final class HintBarWidthTests: XCTestCase {
    private var viewer: ViewerDriver?

    override func tearDown() { viewer?.stop() }

    /// By hand from the hints' lengths (label, a space, the name; two spaces between):
    /// 120 columns drop `h markers` (151 → 140), `v next map` (→ 128) and `p/P pad` (→ 119);
    /// 80 columns then drop `s/S stride` (→ 107), `o compare` (→ 96), `b/B batch` (→ 85)
    /// and `c/C channel` (→ 72).
    func testTheHintBarFitsAt80And120Columns() throws {
        let expected = [
            120: "q quit  ? help  : command  t/T temp  k/K kernel  s/S stride  m method  o compare  b/B batch  c/C channel  l/L threshold",
            80: "q quit  ? help  : command  t/T temp  k/K kernel  m method  l/L threshold",
        ]
        for (width, height) in [(120, 40), (80, 24)] {
            let viewer = ViewerDriver(["view"], directory: try scratchDirectory("subpix-hints"), width: width, height: height)
            self.viewer = viewer
            let screen = viewer.waitFor("q quit")
            let bar = try XCTUnwrap(screen.components(separatedBy: "\n").first { $0.hasPrefix("q quit") })
            XCTAssertEqual(bar, expected[width], "at \(width) columns")
            XCTAssertLessThanOrEqual(bar.count, width)
            viewer.type("q")
            XCTAssertEqual(viewer.waitForExit()?.status, 0)
            self.viewer = nil
        }
    }
}
