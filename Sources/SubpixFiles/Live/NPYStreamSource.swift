#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Reads consecutive `.npy` arrays from a FIFO, a pipe, standard input (`-`)
/// or a regular file, as repeated `np.save(f, a)` calls write them.
///
/// A FIFO or pipe ends when its last writer closes it; a regular file ends at
/// its end, unless `followsGrowth` is set: then it is read like `tail -f`, as
/// a producer appends to it, and never ends. Waiting is done in slices of a
/// tenth of a second, so ``cancel()`` takes effect promptly; opening a FIFO
/// does not wait for a writer.
///
/// ```swift
/// let source = try NPYStreamSource(path: "heat.fifo", maxBytes: 1 << 28)
/// while let event = source.next() { ... }   // .frame, .problem, then .ended(frames:)
/// ```
public final class NPYStreamSource: LiveSource, @unchecked Sendable {
    /// The path given (`-` for standard input).
    public let path: String
    private let descriptor: Int32
    private let isRegularFile: Bool
    private let growthWatch: FileChangeWatch?
    private var decoder: NPYStreamDecoder
    private var reachedEnd = false
    private var reportedUnfinished = false
    private var reportedEnd = false
    private let cancelled = Atomic(false)
    private let skipped = Atomic(0)
    private var chunk = [UInt8](repeating: 0, count: NPYStreamSource.readBytes)

    /// How many bytes one read asks for (256 KiB).
    public static let readBytes = 1 << 18

    /// Opens `path` (`-`: standard input) for reading; arrays over `maxBytes` are reported and skipped.
    /// - Throws: ``FormatError`` when the path cannot be opened or is a directory.
    public init(path: String, maxBytes: Int, followsGrowth: Bool = false) throws {
        self.path = path
        let name = path == "-" ? "<stdin>" : path
        let fd = path == "-" ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FormatError(name, "cannot open the stream: \(String(cString: strerror(errno)))") }
        var status = stat()
        fstat(fd, &status)
        let kind = status.st_mode & S_IFMT
        guard kind != S_IFDIR else {
            close(fd)
            throw FormatError(name, "expected a file, FIFO or pipe of .npy arrays, got a directory")
        }
        descriptor = fd
        isRegularFile = kind == S_IFREG
        growthWatch = isRegularFile && followsGrowth && path != "-" ? FileChangeWatch(path: path) : nil
        decoder = NPYStreamDecoder(name: name, maxBytes: maxBytes, readAhead: Self.readBytes)
    }

    deinit { close(descriptor) }

    /// Good frames read so far.
    public var framesRead: Int { decoder.framesDecoded }

    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Bytes between arrays that were not part of any (``NPYStreamDecoder/bytesSkipped``); read from any thread.
    public var bytesSkipped: Int { skipped.load(ordering: .relaxed) }

    public func next() -> LiveEvent? {
        while !cancelled.load(ordering: .relaxed) {
            let item = decoder.next()
            skipped.store(decoder.bytesSkipped, ordering: .relaxed)
            switch item {
            case .frame(let tensor)?:
                do {
                    return .frame(try TensorFile.withBatchAxes(tensor))
                } catch {
                    return .problem(FormatError(decoder.name, "\(error)"))
                }
            case .skipped(let error)?:
                return .problem(error)
            case nil:
                break
            }
            if reachedEnd {
                if !reportedUnfinished {
                    reportedUnfinished = true
                    if let unfinished = decoder.finish() { return .problem(unfinished) }
                }
                guard !reportedEnd else { return nil }
                reportedEnd = true
                return .ended(frames: decoder.framesDecoded)
            }
            readMore()
        }
        return nil
    }

    /// Reads what is there, waiting at most a tenth of a second for it; sets `reachedEnd` at the end.
    private func readMore() {
        if !isRegularFile {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 100) > 0 else { return }
        }
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            chunk.withUnsafeBytes { decoder.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        } else if count == 0 {
            if let growthWatch { growthWatch.wait(milliseconds: 100) } else { reachedEnd = true }
        } else if errno != EAGAIN && errno != EINTR {
            reachedEnd = true
        }
    }
}
