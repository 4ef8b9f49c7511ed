import Foundation

/// Paths of the committed test resources and a scratch directory, found from
/// this file's location so a fresh clone tests from any working directory.
enum TestResources {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// A new empty directory under the system's temporary directory.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("subpix-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
