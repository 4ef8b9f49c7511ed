#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Subpix
import Synchronization

/// Follows a heatmap file as a program rewrites it: each new complete version
/// is one frame.
///
/// A version is shown only once it parses whole and the file did not change
/// while it was read, so a half-written file is never shown: it is retried
/// until it parses (or a newer version replaces it). A version that still does
/// not parse after ``settleTime`` unchanged is reported once as a problem, and
/// the follower waits for the next version. Replacing the file atomically
/// (`np.save` to a temporary name, then `os.replace`) is seen at once on Linux
/// (inotify on the directory) and within ``pollInterval`` elsewhere.
///
/// ```swift
/// let follower = try FileFollower(path: "heat.npy", maxBytes: 1 << 28)
/// while let event = follower.next() { ... }   // .frame or .problem; it never ends
/// ```
public final class FileFollower: LiveSource, @unchecked Sendable {
    /// How often the file is checked when no change event arrives.
    public static let pollInterval: Int32 = 100
    /// How long a version that does not parse must stay unchanged before it is reported.
    public static let settleTime: TimeInterval = 0.5

    public let path: String
    private let maxBytes: Int
    private let watch: FileChangeWatch
    private let cancelled = Atomic(false)
    /// The version last shown.
    private var shown: FileSignature?
    /// A version that failed to parse, when it was first seen failing, and whether it was reported.
    private var failing: (signature: FileSignature?, error: FormatError, since: Date, reported: Bool)?

    /// Follows `path`, a file of a type `load` reads; `usesInotify: false` forces polling.
    /// - Throws: ``FormatError`` for a file type no reader handles.
    public init(path: String, maxBytes: Int, usesInotify: Bool = true) throws {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard TensorFile.readable.contains(ext) else {
            throw FormatError(path, "unknown file type '.\(ext)'; expected one of \(TensorFile.readable.map { "." + $0 }.joined(separator: ", "))")
        }
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFIFO {
            throw FormatError(path, "expected a file that is rewritten, got a FIFO; read it with --stream")
        }
        self.path = path
        self.maxBytes = maxBytes
        watch = FileChangeWatch(path: path, usesInotify: usesInotify)
    }

    /// Whether changes are noticed through inotify rather than only by polling.
    public var isEventDriven: Bool { watch.isEventDriven }

    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public func next() -> LiveEvent? {
        while !cancelled.load(ordering: .relaxed) {
            if let event = check() { return event }
            watch.wait(milliseconds: Self.pollInterval)
        }
        return nil
    }

    /// Reads the file when it differs from the version shown.
    private func check() -> LiveEvent? {
        let signature = FileSignature(path: path)
        guard signature == nil || signature != shown else { return nil }
        if let failing, let signature, failing.signature == signature {
            // The same bytes that failed before: no need to parse them again.
            return failed(signature, failing.error)
        }
        do {
            guard let (tensor, read) = try readVersion() else { return nil }
            shown = read
            failing = nil
            return .frame(tensor)
        } catch let error as FormatError {
            return failed(signature, error)
        } catch {
            return failed(signature, FormatError(path, "\(error)"))
        }
    }

    /// A failure is reported once its version has stayed unchanged for the settle time.
    private func failed(_ signature: FileSignature?, _ error: FormatError) -> LiveEvent? {
        guard let failing, failing.signature == signature else {
            self.failing = (signature, error, Date(), false)
            return nil
        }
        guard !failing.reported, Date().timeIntervalSince(failing.since) >= Self.settleTime else { return nil }
        self.failing?.reported = true
        return .problem(signature == nil ? FormatError(path, "no such file; waiting for it to appear") : error)
    }

    /// The file's tensor and the version it came from; `nil` when the file changed while it was read.
    private func readVersion() throws -> (AnyTensor, FileSignature)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FormatError(path, "cannot open the file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard let before = FileSignature(descriptor: fd) else { return nil }
        guard before.size <= Int64(maxBytes) + (1 << 20) else {
            throw FormatError(path, "file of \(before.size) bytes exceeds the \(maxBytes)-byte limit")
        }
        var data = Data(count: Int(before.size))
        let received = data.withUnsafeMutableBytes { buffer -> Int in
            var total = 0
            while total < buffer.count {
                let count = read(fd, buffer.baseAddress! + total, buffer.count - total)
                if count <= 0 { break }
                total += count
            }
            return total
        }
        guard received == data.count, FileSignature(descriptor: fd) == before, FileSignature(path: path) == before else { return nil }
        let tensor: AnyTensor
        switch try TensorFile.decode(data, path: path, maxBytes: maxBytes) {
        case .tensor(let loaded): tensor = loaded
        case .arrays(let members):
            guard let first = members.first else { throw FormatError(path, "expected at least one array in the archive, got none") }
            tensor = first.tensor
        case .keypoints: throw FormatError(path, "expected a heatmap, got a keypoint table")
        }
        return (tensor, before)
    }
}
