import XCTest
@testable import SubpixScript

/// Every ```subpix block of docs/kornia.md and docs/field.md runs without error in a fresh session.
final class DocsExamplesTests: XCTestCase {
    func testEveryKorniaExampleRuns() throws {
        let blocks = try Self.examples(in: "docs/kornia.md")
        XCTAssertGreaterThanOrEqual(blocks.count, 11, "one example per kornia function")
        for block in blocks {
            XCTAssertNoThrow(try Session(output: { _ in }).execute(block), block)
        }
    }

    func testEveryFieldExampleRuns() throws {
        let blocks = try Self.examples(in: "docs/field.md")
        XCTAssertGreaterThanOrEqual(blocks.count, 9, "one example per decoder and the lab")
        for block in blocks {
            XCTAssertNoThrow(try Session(output: { _ in }).execute(block), block)
        }
    }

    private static func examples(in document: String) throws -> [String] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(document)
        let text = try String(contentsOf: path, encoding: .utf8)
        return text.components(separatedBy: "```subpix\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    }
}
