import XCTest
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession

final class DocsTests: XCTestCase {
    private var path: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/repl.md")
    }

    /// docs/repl.md is generated from the registry (`subpix builtins --markdown > docs/repl.md`).
    func testReplReferenceIsGeneratedFromTheRegistry() throws {
        let committed = try String(contentsOf: path, encoding: .utf8)
        XCTAssertEqual(committed, ReferenceMarkdown.document(.standard),
                       "docs/repl.md is stale: run `swift run subpix builtins --markdown > docs/repl.md`")
    }

    /// Every row of "For Python users" runs: a supported one prints what the table says, a refused one
    /// fails with the error the table shows.
    func testEveryPythonUsersExampleRunsAsDocumented() {
        XCTAssertGreaterThan(PythonSupport.rows.count, 40)
        for row in PythonSupport.rows {
            var printed: [String] = []
            let session = Session(output: { printed.append($0) })
            do {
                try session.execute(row.example.joined(separator: "\n"))
                XCTAssertNotEqual(row.support, .no, "\(row.feature) runs, but the table says it is refused")
                XCTAssertEqual(printed, row.output, row.feature)
            } catch {
                XCTAssertEqual(row.support, .no, "\(row.feature): \(error)")
                XCTAssertEqual([(error as? ScriptError)?.message ?? "\(error)"], row.output, row.feature)
            }
        }
    }

    func testTheReferenceNamesEveryBuiltinAndViewSetting() {
        let document = ReferenceMarkdown.document(.standard)
        for builtin in BuiltinRegistry.standard.all {
            XCTAssertTrue(document.contains("#### `\(builtin.name)`\n\n```\n\(builtin.signature)\n```"), builtin.name)
            XCTAssertTrue(document.contains(builtin.summary.prefix(1).uppercased() + builtin.summary.dropFirst()), builtin.name)
        }
        for field in ViewSettingsFields.all {
            XCTAssertTrue(document.contains("| `\(field.name)` |"), field.name)
        }
        // Defaults come from ViewSettings itself.
        XCTAssertTrue(document.contains("| `temperature` | `1.0` |"))
        XCTAssertTrue(document.contains("| `kernel_size` | `(3, 3)` |"))
    }
}
