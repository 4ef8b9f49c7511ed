import Subpix

/// Splits a byte stream into the consecutive `.npy` arrays that repeated
/// `np.save(f, a)` calls on one binary file object write, as the bytes arrive.
///
/// Feed it bytes with ``append(_:)`` in pieces of any size and take what is
/// complete with ``next()``. A bad array does not end the stream: a wrong byte
/// (not the `.npy` magic) is reported once and the decoder skips ahead to the
/// next magic; an array over the memory limit is reported and its data bytes
/// are discarded as they arrive, never buffered.
///
/// ```swift
/// var decoder = NPYStreamDecoder(name: "live.npys", maxBytes: 1 << 28)
/// decoder.append(bytesJustRead)
/// while let item = decoder.next() {
///     switch item {
///     case .frame(let tensor): show(tensor)
///     case .skipped(let error): report(error)      // "live.npys: frame 3: ..."
///     }
/// }
/// if let error = decoder.finish() { report(error) }  // at the end of the stream
/// ```
public struct NPYStreamDecoder {
    /// One array of the stream, or why one was skipped.
    public enum Item: Sendable {
        case frame(AnyTensor)
        case skipped(FormatError)
    }

    /// The stream's name in error messages.
    public let name: String
    /// The largest array (in loaded bytes) accepted.
    public let maxBytes: Int
    /// Arrays decoded so far.
    public private(set) var framesDecoded = 0
    /// Arrays or stretches of bytes skipped so far.
    public private(set) var framesSkipped = 0
    /// Bytes that were not part of any array, skipped while looking for the next one.
    public private(set) var bytesSkipped = 0

    private var buffer: [UInt8] = []
    /// The first unconsumed byte of `buffer`.
    private var start = 0
    /// Data bytes of a refused array still to discard.
    private var discarding = 0
    /// After a bad byte: looking for the next magic.
    private var resynchronising = false

    /// How many bytes past the current array the buffer makes room for: the most one read brings.
    public let readAhead: Int

    public init(name: String, maxBytes: Int, readAhead: Int = 1 << 18) {
        self.name = name
        self.maxBytes = maxBytes
        self.readAhead = readAhead
    }

    /// The bytes received and not yet consumed.
    public var bufferedBytes: Int { buffer.count - start }

    /// The bytes the buffer has allocated: once an array's header is read, its
    /// size and one read ahead (``readAhead``), reserved at once rather than grown
    /// by doubling, which took up to twice the array.
    public var reservedBytes: Int { buffer.capacity }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let skip = min(discarding, bytes.count)
        discarding -= skip
        buffer.append(contentsOf: bytes[skip...])
    }

    /// The next complete array, a report of a skipped one, or `nil` when more bytes are needed.
    public mutating func next() -> Item? {
        defer { compact() }
        if resynchronising {
            guard let found = findMagic() else { return nil }
            start = found
            resynchronising = false
        }
        guard bufferedBytes > 0 else { return nil }
        let label = "\(name): frame \(framesDecoded + framesSkipped + 1)"
        do {
            switch try step(label: label) {
            case .needMore(let end):
                if let end { buffer.reserveCapacity(start + end + readAhead) }
                return nil
            case .frame(let tensor, let consumed):
                start += consumed
                framesDecoded += 1
                return .frame(tensor)
            case .refused(let error, let consumed, let discard):
                start += consumed
                discarding = discard
                framesSkipped += 1
                return .skipped(error)
            }
        } catch {
            // Not an array here: report it once, then look for the next magic after this byte.
            start += 1
            bytesSkipped += 1
            resynchronising = true
            framesSkipped += 1
            return .skipped(error as? FormatError ?? FormatError(label, "\(error)"))
        }
    }

    private enum Step {
        /// More bytes are needed; `end` is the array's end (past `start`) once its header is read.
        case needMore(end: Int?)
        case frame(AnyTensor, consumed: Int)
        /// An array over the limit: skip its header and the data bytes already here; discard the rest as it comes.
        case refused(FormatError, consumed: Int, discard: Int)
    }

    private func step(label: String) throws -> Step {
        try buffer.withUnsafeBufferPointer { all in
            let rest = UnsafeBufferPointer(rebasing: all[start...])
            guard let layout = try NPYLayout(parsing: rest, complete: false, path: label) else { return .needMore(end: nil) }
            do {
                try layout.checkFits(maxBytes: maxBytes, path: label)
            } catch let error as FormatError {
                let available = min(layout.dataBytes, rest.count - layout.dataOffset)
                return .refused(error, consumed: layout.dataOffset + available, discard: layout.dataBytes - available)
            }
            guard rest.count >= layout.end else { return .needMore(end: layout.end) }
            let tensor = try layout.decode(UnsafeBufferPointer(rebasing: rest[layout.dataOffset..<layout.end]))
            return .frame(tensor, consumed: layout.end)
        }
    }

    /// Called when the stream has ended: what was left unfinished, if anything.
    public func finish() -> FormatError? {
        let position = framesDecoded + framesSkipped + 1
        if discarding > 0 { return FormatError(name, "the stream ended inside frame \(position - 1)'s data, \(discarding) bytes short") }
        guard bufferedBytes > 0, !resynchronising else { return nil }
        let layout = buffer.withUnsafeBufferPointer { all in
            try? NPYLayout(parsing: UnsafeBufferPointer(rebasing: all[start...]), complete: false, path: name)
        }
        guard let layout else {
            return FormatError(name, "the stream ended inside frame \(position)'s header, after \(bufferedBytes) bytes")
        }
        return FormatError(name, "the stream ended inside frame \(position)'s data: expected \(layout.dataBytes) bytes for shape \(layout.header.shape), got \(bufferedBytes - layout.dataOffset)")
    }

    /// The offset of the next `.npy` magic in the buffer; drops the bytes before it
    /// (keeping a tail that may be the start of a magic split across reads).
    /// Counts the bytes passed over in ``bytesSkipped``.
    private mutating func findMagic() -> Int? {
        let magic = NPYLayout.magic
        var index = start
        while index + magic.count <= buffer.count {
            if buffer[index] == magic[0] && buffer[index..<(index + magic.count)].elementsEqual(magic) {
                bytesSkipped += index - start
                return index
            }
            index += 1
        }
        let kept = max(start, buffer.count - (magic.count - 1))
        bytesSkipped += kept - start
        start = kept
        return nil
    }

    /// Drops consumed bytes once they make up most of the buffer.
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
            start = 0
        } else if start > 1 << 16 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
