import Foundation
import XCTest

/// The README's first command is what a new user runs: it must open the viewer
/// on the optimised build (a debug build takes about a second per key on a real map).
final class ReadmeTests: XCTestCase {
    private func read(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }

    func testTheFirstCommandOpensTheViewerInRelease() throws {
        let readme = try read("README.md")
        let block = try XCTUnwrap(readme.components(separatedBy: "```sh\n").dropFirst().first)
        XCTAssertTrue(block.hasPrefix("swift run -c release subpix "), "README's first command: \(block.prefix(60))")
        XCTAssertTrue(readme.contains("`-c release` because"), "one line says why")
    }

    /// Every `swift run` that opens the viewer (bare `subpix` or `subpix view`) in the README and docs builds release.
    func testEveryViewerCommandInTheDocsBuildsRelease() throws {
        for name in ["README.md", "docs/viewer.md", "docs/tutorial.md"] {
            for line in try read(name).split(separator: "\n") where line.contains("swift run") {
                let opensViewer = line.range(of: #"swift run( -c \w+)? subpix( view\b|\s*(#|$))"#, options: .regularExpression) != nil
                if opensViewer { XCTAssertTrue(line.contains("swift run -c release subpix"), "\(name): \(line)") }
            }
        }
    }
}
