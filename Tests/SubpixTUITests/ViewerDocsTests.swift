import XCTest
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
import TestSupport
@testable import SubpixTUI

/// The key table of docs/viewer.md is generated from ``KeyTable``, like the
/// `?` overlay and the hint bar; this test fails when the doc is stale.
final class ViewerDocsTests: XCTestCase {
    func testKeyTableInTheDocIsGeneratedFromTheKeyTable() throws {
        try checkSection("keys", source: "KeyTable.swift", generated: KeyTable.markdown)
    }

    /// The legend of the markers ("What the overlays mean") is generated from the keypoint methods.
    func testMethodLegendInTheDocIsGeneratedFromTheMethods() throws {
        try checkSection("methods", source: "the KeypointMethod registry", generated: MethodLegend.markdown)
    }

    private func checkSection(_ name: String, source: String, generated table: String) throws {
        try GeneratedDocSection(doc: "docs/viewer.md", name: name, source: source, tests: "ViewerDocsTests").check(table)
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
