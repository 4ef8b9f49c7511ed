import Foundation
import XCTest
import TestSupport

/// The docs never contradict the program: every ```subpix block of docs/*.md runs, the
/// ```text block right after one is exactly what it prints, and every repository path
/// a doc names exists.
final class DocsScriptTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A script block and the output shown right after it (nil when the doc shows none).
    private struct Example {
        var document: String
        var script: String
        var output: String?
    }

    private func documents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    }

    private func examples(in document: String) throws -> [Example] {
        let text = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: "```subpix\\n(.*?)```\\n(?:\\n?```text\\n(.*?)```)?", options: [.dotMatchesLineSeparators])
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            func group(_ index: Int) -> String? { Range(match.range(at: index), in: text).map { String(text[$0]) } }
            return Example(document: document, script: group(1) ?? "", output: group(2))
        }
    }

    /// Runs each block in process as a script file in a scratch directory that sees the
    /// repository's demos/ (files a block saves stay there).
    func testEveryScriptBlockRunsAndPrintsWhatTheDocShows() throws {
        let scratch = try scratchDirectory("subpix-docs")
        try FileManager.default.createSymbolicLink(at: scratch.appendingPathComponent("demos"), withDestinationURL: root.appendingPathComponent("demos"))
        var shown: [String: Int] = [:]
        for document in try documents() {
            for example in try examples(in: document) {
                // A per-frame example (docs/live.md, `subpix run --each-frame`) gets the frame that option gives.
                let frame = example.script.contains("frame") ? "frame = gaussians(size=(16, 16), peaks=[(5, 9, 1.5)])\nframe_index = 0\n" : ""
                let block = try writeFile("block.subpix", frame + example.script, in: scratch)
                let result = try CLIRunner.run(["run", "--quiet", block], directory: scratch)
                XCTAssertEqual(result.status, 0, "\(document): \(result.stderr)\n\(example.script)")
                guard let output = example.output else { continue }
                shown[document, default: 0] += 1
                XCTAssertEqual(result.stdout, output, "\(document) shows other output for:\n\(example.script)")
            }
        }
        for document in ["docs/repl.md", "docs/kornia.md", "docs/diagnose.md", "docs/viewer.md"] {
            XCTAssertGreaterThan(shown[document] ?? 0, 0, "\(document) has a script block with its output")
        }
    }

    /// Paths under demos/, docs/, scripts/, Sources/ and Tests/ (globs match at least one
    /// file) and numbered demo names, in the README, the docs and the demos themselves.
    func testEveryRepositoryPathADocMentionsExists() throws {
        let madeAtRunTime = ["scripts/fuzz/findings/"]   // written by scripts/fuzz.sh
        let demos = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("demos").path)
        let sources = try ["README.md", "demos/data/README.md"] + documents() + demos.filter { $0.hasSuffix(".subpix") }.map { "demos/\($0)" }
        let path = try NSRegularExpression(pattern: "(?:demos|docs|scripts|Sources|Tests)/[A-Za-z0-9_./*+-]*[A-Za-z0-9_/*+-]")
        let demoName = try NSRegularExpression(pattern: "\\b[0-9]{2}-[a-z0-9-]+\\.subpix")
        var checked = 0
        for source in sources {
            let text = try String(contentsOf: root.appendingPathComponent(source), encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for match in path.matches(in: text, range: range) {
                guard let found = Range(match.range, in: text).map({ String(text[$0]) }), !madeAtRunTime.contains(found) else { continue }
                checked += 1
                XCTAssertTrue(exists(found), "\(source) mentions \(found), which does not exist")
            }
            for match in demoName.matches(in: text, range: range) {
                guard let found = Range(match.range, in: text).map({ String(text[$0]) }) else { continue }
                XCTAssertTrue(demos.contains(found), "\(source) mentions the demo \(found), which does not exist")
            }
        }
        XCTAssertGreaterThan(checked, 30)
    }

    /// Whether `path` exists; a `*` in its last component must match at least one file.
    private func exists(_ path: String) -> Bool {
        let url = root.appendingPathComponent(path)
        guard url.lastPathComponent.contains("*") else { return FileManager.default.fileExists(atPath: url.path) }
        let parts = url.lastPathComponent.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return names.contains { name in name.hasPrefix(parts.first ?? "") && name.hasSuffix(parts.last ?? "") }
    }
}
