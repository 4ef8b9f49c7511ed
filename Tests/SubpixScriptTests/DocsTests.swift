import XCTest
@testable import SubpixScript

final class DocsTests: XCTestCase {
    /// docs/repl.md is generated from the registry (`subpix builtins --markdown > docs/repl.md`).
    func testReplReferenceIsGeneratedFromTheRegistry() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/repl.md")
        let committed = try String(contentsOf: path, encoding: .utf8)
        XCTAssertEqual(committed, HelpText.markdown(.standard),
                       "docs/repl.md is stale: run `swift run subpix builtins --markdown > docs/repl.md`")
        for builtin in BuiltinRegistry.standard.all {
            XCTAssertTrue(committed.contains("`\(builtin.signature)`"), builtin.name)
        }
    }
}
