import Foundation

/// The sidecar of a CSV or JSON Lines output, `OUT.manifest`: one line per input
/// whose rows are in the output, `BYTES "INPUT"` (the output's length once its rows
/// were written, and the input's path as a JSON string).
///
/// A line is appended only after the output's rows are on disk (`fsync`), and is
/// itself synced, so after a kill at any moment the last whole line names the length
/// of the output's good part: `--resume` cuts the output there (a partial line, or
/// rows of an input not yet marked, go) and skips the inputs listed.
struct ResumeManifest {
    let path: String
    /// The inputs listed, in order, each with the output's length after its rows.
    private(set) var entries: [(length: Int, input: String)] = []
    private let descriptor: Int32

    /// Opens the manifest at `path`: anew (empty), or, when `resuming`, as left, its whole lines read
    /// and a trailing partial line cut.
    init(path: String, resuming: Bool) throws {
        self.path = path
        if resuming {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ExtractError("--resume: expected the manifest \(path) beside the output, found none; rerun without --resume and with --force to start over")
            }
            var whole = 0
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast() {
                guard let entry = Self.parse(line) else { break }
                entries.append(entry)
                whole += line.count + 1
            }
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0, ftruncate(descriptor, off_t(whole)) == 0, lseek(descriptor, 0, SEEK_END) >= 0 else {
                throw ExtractError("\(path): cannot open the manifest: \(String(cString: strerror(errno)))")
            }
        } else {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw ExtractError("\(path): cannot create the manifest: \(String(cString: strerror(errno)))") }
            try SyncedFile.sync(descriptor, path)
        }
    }

    /// The output's length up to the last input listed (0: nothing listed).
    var length: Int { entries.last?.length ?? 0 }

    /// Lists `inputs` (each with the output's length after its rows) and syncs.
    mutating func append(_ inputs: [(length: Int, input: String)]) throws {
        guard !inputs.isEmpty else { return }
        let text = inputs.map { "\($0.length) \(RowFormat.json($0.input))\n" }.joined()
        try SyncedFile.write(Data(text.utf8), to: descriptor, path)
        try SyncedFile.sync(descriptor, path)
        entries += inputs
    }

    func close() { _ = Glibc.close(descriptor) }

    /// `BYTES "INPUT"`, or nil for a line that is not one.
    private static func parse(_ line: Data.SubSequence) -> (length: Int, input: String)? {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")),
              let length = Int(String(decoding: line[..<space], as: UTF8.self)),
              let input = try? JSONDecoder().decode(String.self, from: Data(line[line.index(after: space)...]))
        else { return nil }
        return (length, input)
    }
}

/// Writing whole buffers to a descriptor and syncing it, with one-line errors.
enum SyncedFile {
    static func write(_ data: Data, to descriptor: Int32, _ path: String) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw ExtractError("\(path): cannot write: \(String(cString: strerror(errno)))") }
                offset += written
            }
        }
    }

    static func sync(_ descriptor: Int32, _ path: String) throws {
        guard fsync(descriptor) == 0 else { throw ExtractError("\(path): cannot sync: \(String(cString: strerror(errno)))") }
    }
}
