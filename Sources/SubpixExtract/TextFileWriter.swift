import Foundation

/// The table as a CSV or JSON Lines file, with its resume manifest (``ResumeManifest``):
/// each commit writes the rows, syncs them, then lists the inputs in the manifest.
public final class TextFileWriter: RowWriter {
    private let path: String
    private let format: RowFormat
    private let descriptor: Int32
    private var manifest: ResumeManifest
    private var length: Int
    public private(set) var completed: Set<String> = []

    /// The manifest beside an output.
    public static func manifestPath(of path: String) -> String { path + ".manifest" }

    /// Opens `path`: with `resume` as a previous run left it (cut back to what its
    /// manifest lists), else anew, refusing an existing file unless `overwrite`.
    public init(path: String, format: RowFormat, perChannel: Bool, resume: Bool, overwrite: Bool) throws {
        (self.path, self.format) = (path, format)
        let exists = FileManager.default.fileExists(atPath: path)
        let resuming = resume && exists
        if exists && !resume && !overwrite {
            throw ExtractError("\(path): the output exists; pass --resume to continue it or --force to overwrite it")
        }
        manifest = try ResumeManifest(path: Self.manifestPath(of: path), resuming: resuming)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ExtractError("\(path): cannot open the output: \(String(cString: strerror(errno)))") }
        let header = format.header(perChannel: perChannel) ?? ""
        length = manifest.length
        if resuming && length > 0 {
            try checkHeader(header)
        }
        guard ftruncate(descriptor, off_t(length)) == 0, lseek(descriptor, off_t(length), SEEK_SET) >= 0 else {
            throw ExtractError("\(path): cannot cut the output back to \(length) bytes: \(String(cString: strerror(errno)))")
        }
        if length == 0, !header.isEmpty {
            try SyncedFile.write(Data(header.utf8), to: descriptor, path)
            try SyncedFile.sync(descriptor, path)
            length = header.utf8.count
        }
        completed = Set(manifest.entries.map(\.input))
    }

    /// Refuses to resume an output whose length is shorter than the manifest says, or whose header is another table's.
    private func checkHeader(_ header: String) throws {
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) >= length else {
            throw ExtractError("--resume: \(path) is shorter than its manifest says (\(length) bytes); rerun without --resume and with --force to start over")
        }
        guard !header.isEmpty else { return }
        var bytes = [UInt8](repeating: 0, count: header.utf8.count)
        let read = pread(descriptor, &bytes, bytes.count, 0)
        guard read == bytes.count, bytes == Array(header.utf8) else {
            throw ExtractError("--resume: \(path) has another header than this run's (\(header.dropLast())); resume with the same options")
        }
    }

    public func commit(_ inputs: [(input: String, rows: [KeypointRow])]) throws {
        guard !inputs.isEmpty else { return }
        var text = ""
        var listed: [(length: Int, input: String)] = []
        var end = length
        for (input, rows) in inputs {
            let lines = rows.map(format.line).joined()
            end += lines.utf8.count
            text += lines
            listed.append((end, input))
        }
        // The rows reach the disk before the manifest lists their inputs.
        try SyncedFile.write(Data(text.utf8), to: descriptor, path)
        try SyncedFile.sync(descriptor, path)
        try manifest.append(listed)
        length = end
        completed.formUnion(inputs.map(\.input))
    }

    public func finish() throws {
        manifest.close()
        guard close(descriptor) == 0 else { throw ExtractError("\(path): cannot close the output: \(String(cString: strerror(errno)))") }
    }
}
