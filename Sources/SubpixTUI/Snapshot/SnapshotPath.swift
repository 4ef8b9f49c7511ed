import Foundation
import SubpixLanguage

/// Where a snapshot may go: a file path ending in `.png`, the one format pictures are
/// written in (a `.jpg` name would hold PNG data), and not a directory.
public enum SnapshotPath {
    /// Throws a one-line error naming what was expected unless `path` is a `.png` file path.
    public static func check(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ScriptError("snapshot: '\(path)' is a directory; expected a .png file path such as \((path as NSString).appendingPathComponent("view.png"))")
        }
        let suffix = (path as NSString).pathExtension
        guard suffix.lowercased() == "png" else {
            throw ScriptError("snapshot: expected a .png path, got '\(path)'" + (suffix.isEmpty ? "" : " (pictures are written as PNG only)"))
        }
    }
}
