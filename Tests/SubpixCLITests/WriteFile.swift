import Foundation

/// Writes `text` to `name` inside `directory` and returns the file's path.
func writeFile(_ name: String, _ text: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}
