import XCTest
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// The key table of docs/viewer.md is generated from ``KeyTable``, like the
/// `?` overlay and the hint bar; this test fails when the doc is stale.
final class ViewerDocsTests: XCTestCase {
    private var path: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/viewer.md")
    }

    func testKeyTableInTheDocIsGeneratedFromTheKeyTable() throws {
        try checkSection("keys", source: "KeyTable.swift", generated: KeyTable.markdown)
    }

    /// The legend of the markers ("What the overlays mean") is generated from the keypoint methods.
    func testMethodLegendInTheDocIsGeneratedFromTheMethods() throws {
        try checkSection("methods", source: "the KeypointMethod registry", generated: MethodLegend.markdown)
    }

    /// Fails when the section between `<!-- NAME:begin ... -->` and `<!-- NAME:end -->`
    /// differs from `generated`; `SUBPIX_UPDATE_DOCS=1` rewrites it.
    private func checkSection(_ name: String, source: String, generated table: String) throws {
        let begin = "<!-- \(name):begin (generated from \(source); regenerate: SUBPIX_UPDATE_DOCS=1 swift test --filter ViewerDocsTests) -->"
        let document = try String(contentsOf: path, encoding: .utf8)
        let start = try XCTUnwrap(document.range(of: begin), "docs/viewer.md lacks the generated \(name) table's markers")
        let stop = try XCTUnwrap(document.range(of: "<!-- \(name):end -->", range: start.upperBound..<document.endIndex))
        let generated = "\n" + table + "\n"
        if ProcessInfo.processInfo.environment["SUBPIX_UPDATE_DOCS"] == "1" {
            try document.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: generated).write(to: path, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(String(document[start.upperBound..<stop.lowerBound]), generated,
                       "docs/viewer.md's \(name) table is stale: run SUBPIX_UPDATE_DOCS=1 swift test --filter ViewerDocsTests")
    }

    /// The overlay and the hint bar come from the same rows: every row is in the
    /// overlay, and every hinted row is in the hint bar with its keys.
    func testOverlayAndHintBarComeFromTheTable() {
        XCTAssertEqual(KeyTable.helpLines.count, KeyTable.commands.count)
        for (line, command) in zip(KeyTable.helpLines, KeyTable.commands) {
            XCTAssertTrue(line.hasPrefix(command.label) && line.hasSuffix(command.help), line)
        }
        XCTAssertTrue(KeyTable.hintBar.hasPrefix("q quit  ? help  : command  t/T temp"), KeyTable.hintBar)
    }

    /// No key is bound twice, so the table says what every key does.
    func testEveryKeyIsBoundOnce() {
        let keys = KeyTable.commands.flatMap(\.keys)
        XCTAssertEqual(keys.count, Set(keys.map { "\($0)" }).count, "a key appears in two rows")
    }
}
