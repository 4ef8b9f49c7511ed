import Foundation
import SubpixLanguage

/// The message for a file that does not exist: "no such file", with a "did you
/// mean" from the names in its directory (`photoo.png` → `photo.png`).
package enum MissingFile {
    package static func message(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        guard let guess = Suggestion.closest(to: url.lastPathComponent, among: entries) else { return "no such file" }
        // Spell the guess as the path was spelt: with its directory part, if it had one.
        let directory = path.range(of: "/", options: .backwards).map { String(path[..<$0.upperBound]) } ?? ""
        return "no such file; did you mean '\(directory)\(guess)'?"
    }
}
