import Foundation

/// A file open for reading by its descriptor, read straight into the caller's memory:
/// no `Data` between the file and a tensor, no Foundation file handle per file (a
/// dataset's `.npy` files are read by the thousand).
struct ReadOnlyFile: ~Copyable {
    let path: String
    private let descriptor: Int32

    /// Opens `path`; nil when it cannot be opened.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        (self.path, self.descriptor) = (path, descriptor)
    }

    deinit { close(descriptor) }

    /// Reads from byte `offset` into `buffer` until it is full or the file ends, and
    /// returns how many bytes it read.
    ///
    /// - Throws: ``FormatError`` naming the system's reason (a directory, an I/O error).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let got = pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
            if got < 0 {
                if errno == EINTR { continue }
                throw FormatError(path, "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            filled += got
        }
        return filled
    }
}
