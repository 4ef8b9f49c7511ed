import Foundation

/// Writes files whole or not at all: into a temporary file beside the target,
/// flushed to disk, then renamed over it.
public enum AtomicFile {
    /// Writes `data` to `path`; refuses an existing file unless `overwrite`.
    /// - Returns: the path written.
    @discardableResult
    public static func write(_ data: Data, to path: String, overwrite: Bool) throws -> String {
        let manager = FileManager.default
        if !overwrite, manager.fileExists(atPath: path) {
            throw FormatError(path, "file exists; pass overwrite=True to replace it")
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FormatError(path, "directory \(directory.path) does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard manager.createFile(atPath: temporary.path, contents: nil) else {
            throw FormatError(path, "cannot create a file in \(directory.path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, path) != 0 {
                throw FormatError(path, "cannot replace the file: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error as? FormatError ?? FormatError(path, "write failed: \(error.localizedDescription)")
        }
        return path
    }
}
