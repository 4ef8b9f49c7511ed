import XCTest
import SubpixSession
@testable import SubpixTUI

/// The keypoint list: PgDn moves a page of what is shown (the issue's 5 rows where
/// 4 were shown skipped rows), and compare mode keeps the list on screen at 80 × 24.
final class ListPagingTests: XCTestCase {
    /// A viewer on a map of 40 σ = 1.5 peaks (8 × 5, 10 px apart, amplitudes 0.6–1) listed
    /// by `nms2d`, `statements` run first.
    private func noiseModel(_ statements: [String] = []) throws -> ViewerModel {
        let model = try demoModel()
        let peaks = (0..<40).map { "(\(5 + 10 * ($0 % 8)).3, \(5 + 10 * ($0 / 8)).6, 1.5, \(1 - Double($0) * 0.01))" }.joined(separator: ", ")
        for statement in ["x = gaussians(size=(50, 80), peaks=[\(peaks)])", "view.input = 'x'", "view.method = 'nms2d'"] + statements {
            XCTAssertTrue(model.run(statement), "\(statement): \(model.message ?? "")")
        }
        return model
    }

    /// The indices of the list's lines the screen shows, in order.
    private func shownRows(_ model: ViewerModel, _ width: Int, _ height: Int) throws -> [Int] {
        let screen = rendered(model, width, height).textPlane.split(separator: "\n").map(String.init)
        let lines = PanelText(model: model, slice: try XCTUnwrap(model.slice)).listLines
        return lines.indices.filter { index in screen.contains { $0.hasSuffix(lines[index]) || $0.contains(lines[index] + " ") } }
    }

    func testPageDownShowsTheRowAfterTheLastShown() throws {
        for (width, height) in [(100, 32), (120, 40), (80, 24)] {
            let model = try noiseModel()
            let before = try shownRows(model, width, height)
            XCTAssertGreaterThan(before.count, 2, "\(width)×\(height)")
            XCTAssertLessThan(before.last ?? 0, 39, "\(width)×\(height): the list is longer than a page")
            XCTAssertEqual(before.first, 0)
            model.send(.pageDown)
            let after = try shownRows(model, width, height)
            XCTAssertEqual(after.first, (before.last ?? 0) + 1, "\(width)×\(height): no row skipped, none repeated")
            model.send(.pageUp)
            XCTAssertEqual(try shownRows(model, width, height), before)
        }
    }

    func testCompareModeShowsTheListAt80x24() throws {
        let model = try noiseModel(["view.compare = True"])
        let screen = rendered(model, 80, 24).textPlane
        XCTAssertTrue(screen.contains("── keypoints (m, x, y, value) ──"), screen)
        XCTAssertGreaterThanOrEqual(try shownRows(model, 80, 24).count, SidePanel.reservedListRows - 2, "the heading and a spare row besides:\n\(screen)")
        XCTAssertTrue(screen.contains("more methods") || screen.contains("dark_udp"), "every method is named or counted:\n\(screen)")
    }
}
