import XCTest

/// The pictures the docs show exist (scripts/make-doc-images.sh makes them) and are PNGs.
final class DocImagesTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryPictureTheDocsShowExists() throws {
        let documents = ["README.md"] + (try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 })
        var shown = 0
        for document in documents {
            let url = root.appendingPathComponent(document)
            let text = try String(contentsOf: url, encoding: .utf8)
            let links = try NSRegularExpression(pattern: #"!\[[^\]]*\]\(([^)]+\.png)\)"#)
                .matches(in: text, range: NSRange(text.startIndex..., in: text))
                .compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
            for link in links {
                let image = url.deletingLastPathComponent().appendingPathComponent(link)
                let data = try XCTUnwrap(FileManager.default.contents(atPath: image.path), "\(document) shows \(link), which is missing")
                XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(link) is a PNG")
                shown += 1
            }
        }
        XCTAssertGreaterThanOrEqual(shown, 1, "the README shows a picture")
        XCTAssertTrue(try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8).contains("](docs/images/demo.png)"))
    }
}
