import XCTest
@testable import SubpixScript

/// Every ```subpix block of docs/kornia.md runs without error in a fresh session.
final class DocsExamplesTests: XCTestCase {
    func testEveryKorniaExampleRuns() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/kornia.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        let blocks = text.components(separatedBy: "```subpix\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        XCTAssertGreaterThanOrEqual(blocks.count, 11, "one example per kornia function")
        for block in blocks {
            XCTAssertNoThrow(try Session(output: { _ in }).execute(block), block)
        }
    }
}
