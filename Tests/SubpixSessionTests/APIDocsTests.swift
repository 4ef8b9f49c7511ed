import XCTest
import Subpix
import TestSupport
@testable import SubpixSession

/// docs/api.md's table of kornia's functions is generated from `Method.all`; its
/// Swift table is written by hand and must name every method.
final class APIDocsTests: XCTestCase {
    func testKorniaTableIsGeneratedFromTheMethods() throws {
        try GeneratedDocSection(doc: "docs/api.md", name: "methods", source: "Method.all", tests: "APIDocsTests").check(MethodTable.markdown)
    }

    /// One row per method, in the registry's order, each with its signature and summary.
    func testTheTableHasEveryMethodWithItsDefaults() {
        let rows = MethodTable.markdown.split(separator: "\n").dropFirst(2)
        XCTAssertEqual(rows.count, Method.all.count)
        for (row, method) in zip(rows, Method.all) {
            XCTAssertTrue(row.hasPrefix("| `\(method.name)("), String(row))
        }
        XCTAssertTrue(MethodTable.markdown.contains(
            "| `conv_soft_argmax2d(input, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), temperature=1.0, normalized_coordinates=True, eps=1e-08, output_value=False)` |"))
    }

    /// The hand-written Swift API table has a row for every method.
    func testTheSwiftTableNamesEveryMethod() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/api.md")
        let document = try String(contentsOf: url, encoding: .utf8)
        let swiftTable = try XCTUnwrap(document.components(separatedBy: "## Swift API").dropFirst().first)
        for method in Method.all {
            XCTAssertTrue(swiftTable.contains("| `\(method.name)` |"), "docs/api.md's Swift API table lacks \(method.name)")
        }
    }
}
