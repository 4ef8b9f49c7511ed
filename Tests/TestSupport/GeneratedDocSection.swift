import Foundation
import XCTest

/// A section of a committed doc that code generates, between the markers
/// `<!-- NAME:begin (generated from SOURCE; regenerate: SUBPIX_UPDATE_DOCS=1 swift test --filter TESTS) -->`
/// and `<!-- NAME:end -->`. ``check(_:file:line:)`` fails when the committed text
/// differs from the generated one; with `SUBPIX_UPDATE_DOCS=1` it rewrites the section.
///
/// ```swift
/// try GeneratedDocSection(doc: "docs/viewer.md", name: "keys", source: "KeyTable.swift", tests: "ViewerDocsTests")
///     .check(KeyTable.markdown)
/// ```
public struct GeneratedDocSection {
    /// The doc's path from the package root (`docs/viewer.md`).
    public let doc: String
    public let name: String
    /// What the section is generated from, as the begin marker names it.
    public let source: String
    /// The `swift test --filter` that regenerates it.
    public let tests: String

    public init(doc: String, name: String, source: String, tests: String) {
        (self.doc, self.name, self.source, self.tests) = (doc, name, source, tests)
    }

    /// The doc in this package, found from this file's own path.
    private var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(doc)
    }

    /// Fails when the section differs from `generated`; `SUBPIX_UPDATE_DOCS=1` rewrites it.
    public func check(_ generated: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let begin = "<!-- \(name):begin (generated from \(source); regenerate: SUBPIX_UPDATE_DOCS=1 swift test --filter \(tests)) -->"
        let document = try String(contentsOf: url, encoding: .utf8)
        let start = try XCTUnwrap(document.range(of: begin), "\(doc) lacks the generated \(name) table's markers", file: file, line: line)
        let stop = try XCTUnwrap(document.range(of: "<!-- \(name):end -->", range: start.upperBound..<document.endIndex), file: file, line: line)
        let expected = "\n" + generated + "\n"
        if ProcessInfo.processInfo.environment["SUBPIX_UPDATE_DOCS"] == "1" {
            try document.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: expected).write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(String(document[start.upperBound..<stop.lowerBound]), expected,
                       "\(doc)'s \(name) table is stale: run SUBPIX_UPDATE_DOCS=1 swift test --filter \(tests)", file: file, line: line)
    }
}
