import XCTest
@testable import SubpixTUI
import TestSupport

/// Issue 25, item 12: text cut at the screen's or the panel's edge — the grid's header at
/// 120 columns (`… · Tab ba`), compare mode's method lines in the 36-column panel
/// (`× conv_soft_argmax2d 1 kp  out (4, 1`). Both must fit, whole or in their short forms.
final class NarrowTextTests: XCTestCase {
    private func model(_ width: Int, _ height: Int) throws -> ViewerModel {
        try GridFile.model(size: (width, height), output: try scratchDirectory("subpix-narrow"))
    }

    private func rows(_ buffer: CellBuffer) -> [String] { buffer.textPlane.components(separatedBy: "\n") }

    /// The header in full where it fits, part by part shorter where it does not (docs/viewer.md, the grid).
    func testGridHeaderFitsAt120And80Columns() throws {
        let expected = [
            120: "grid · heat (4, 17, 64, 48) · channels of batch 0 · page 1/1 · 13 with a peak, 4 without · Enter · # · Tab batches",
            80: "grid · heat · channels of b0 · p1/2 · 13 ✓ 2 ⊘ · Enter · # · Tab batches",
        ]
        for (width, height) in [(120, 40), (80, 24)] {
            let model = try model(width, height)
            model.send(.character("#"))
            let header = rows(Renderer().render(model))[0].trimmingCharacters(in: .whitespaces)
            XCTAssertEqual(header, expected[width], "at \(width) columns")
        }
        let wide = try model(160, 40)
        wide.send(.character("#"))
        XCTAssertTrue(rows(Renderer().render(wide))[0].hasPrefix(
            "grid · heat (4, 17, 64, 48) · channels of batch 0 · page 1/1 · 13 with a peak, 4 without · Enter opens · # back · Tab batches"))
    }

    /// In compare mode no panel line reaches the panel's last column (a cut line fills it),
    /// and a method's output shape moves under its count line: conv_soft_argmax2d's
    /// (B, C, 2, H, W) = (4, 17, 2, 64, 48) for a 3 × 3 kernel, stride 1, padding 1.
    func testCompareLinesFitThePanel() throws {
        for (width, height) in [(120, 40), (80, 24), (120, 60)] {
            let model = try model(width, height)
            model.send(.character("o"))
            let screen = rows(Renderer().render(model))
            for (index, row) in screen.prefix(height - 2).enumerated() {
                XCTAssertEqual(row.last, " ", "row \(index) at \(width)×\(height) reaches the edge: \(row.suffix(Layout.sidePanelWidth))")
            }
            XCTAssertTrue(screen.contains { $0.hasSuffix("× conv_soft_argmax2d 1 kp" + String(repeating: " ", count: 11)) },
                          "the count line whole at \(width)×\(height)")
            if height == 60 {
                XCTAssertTrue(screen.contains { $0.contains("× conv_soft_argmax2d 1 kp") }, "\(screen.joined(separator: "\n"))")
                let after = try XCTUnwrap(screen.firstIndex { $0.contains("× conv_soft_argmax2d 1 kp") }) + 1
                XCTAssertTrue(screen[after].hasSuffix("  out (4, 17, 2, 64, 48)" + String(repeating: " ", count: 12)), screen[after])
            }
        }
    }
}
