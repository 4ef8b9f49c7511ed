import Foundation
import SubpixFiles

/// A file a key asks the loop to write (``ViewerEffect/write(_:)``):
/// `stem.ext` in `directory`, or `stem-2.ext`, `stem-3.ext`, … — never overwriting one.
public struct ViewerFile: Sendable {
    public let directory: URL
    /// The name before the number and extension (`subpix-session`).
    public let stem: String
    /// The extension, without the dot (`subpix`).
    public let ext: String
    /// The file's bytes, given where it goes (`w`'s script names its own file).
    let contents: @Sendable (URL) throws -> Data
    /// The message line once written, given the path written.
    let report: @Sendable (String) -> String

    init(directory: URL, stem: String, ext: String, contents: @escaping @Sendable (URL) throws -> Data,
         report: @escaping @Sendable (String) -> String = { "wrote \($0)" }) {
        (self.directory, self.stem, self.ext, self.contents, self.report) = (directory, stem, ext, contents, report)
    }

    /// Writes the file under the first free name; returns the message line.
    func write() throws -> String {
        let url = destination()
        return report(try AtomicFile.write(try contents(url), to: url.path, overwrite: false))
    }

    /// The first of `stem.ext`, `stem-2.ext`, … that does not exist yet.
    private func destination() -> URL {
        var index = 1
        var url = directory.appendingPathComponent("\(stem).\(ext)")
        while FileManager.default.fileExists(atPath: url.path) {
            index += 1
            url = directory.appendingPathComponent("\(stem)-\(index).\(ext)")
        }
        return url
    }
}
