import Foundation
import XCTest

/// Issue 22's proof: no source file builds `view.` script text to change the
/// viewer's own state. Keys, live frames, the script's calls and the command line
/// apply typed ``ViewChange``s; only `ViewChange+Statement.swift` prints them as text.
final class ViewStatementTextTests: XCTestCase {
    /// The one file that turns view changes into statement text.
    private let printer = "Sources/SubpixSession/Session/ViewChange+Statement.swift"

    /// What building view statement text looks like: a string literal that starts
    /// `view.<field> =` (or `view.a, view.b =`), a field interpolated into
    /// `"view.\(field) = "`, or a statement about `view.` handed to `execute`.
    private let patterns = [
        #""view\.[a-z_]+( *, *view\.[a-z_]+)* *="#,
        #""view\.\\\([^)]*\) *="#,
        #"execute\(.*view\."#,
    ].map { try! NSRegularExpression(pattern: $0) }

    func testNoSourceFileBuildsViewStatementText() throws {
        let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThan(files.count, 100, "the sources were found")
        var offending: [String] = []
        for file in files {
            let path = String(file.path.dropFirst(root.path.count + 1))
            guard path != printer else { continue }
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                let range = NSRange(line.startIndex..., in: line)
                if patterns.contains(where: { $0.firstMatch(in: line, range: range) != nil }) {
                    offending.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        XCTAssertEqual(offending, [], "view statement text built outside \(printer)")
    }

    /// The patterns catch what the viewer used to build.
    func testThePatternsCatchTheOldForms() {
        for line in [
            #"KeyCommand("tT", statement: "view.temperature = 0.8")"#,
            #"try command("view.input = \(quoted(name))", in: session)"#,
            #""view.\(field) = \(value.repr)""#,
            #"try session.execute("view.input = \"\(name)\"")"#,
        ] {
            let range = NSRange(line.startIndex..., in: line)
            XCTAssertTrue(patterns.contains { $0.firstMatch(in: line, range: range) != nil }, line)
        }
        let message = #"throw ScriptError("view.\(field): expected \(expectation), got \(value.repr)")"#
        XCTAssertFalse(patterns.contains { $0.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) != nil },
                       "an error message naming a field is not a statement")
    }
}
