import Foundation

/// Paths of the committed test resources, found from this file's location so a
/// fresh clone tests from any working directory.
enum TestResources {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
