/// How a live viewer's `--max-bytes` bound is shared between everything that holds
/// frames: the ring of kept frames, the frames read but not yet taken by the screen,
/// and the reader's own working set.
///
/// The reader holds, while it decodes a frame of `f` bytes (as loaded): the stream's
/// bytes of that frame in its buffer, reserved to the frame's size plus one read
/// ahead (``NPYStreamDecoder``), the frame decoded from them, and its read buffer:
/// `2f + 2r` with `r` the read size. Frames not yet taken are kept up to
/// ``pendingBytes``, and always the newest one: `max(pendingBytes, f)`. The ring gets
/// the rest, so that the three together stay within ``maxBytes``:
///
///     ring = maxBytes − max(maxBytes / 16, f) − (2f + 2r)
///
/// For a stream of 4 MB frames under the default 256 MiB (r = 256 KiB) that is
/// 268 435 456 − 16 777 216 − 8 524 288 = 243 133 952 bytes of ring, where the ring
/// used to get 251 658 240 and the reader was not counted. The ring must hold at least
/// one frame, so a frame may take at most `(maxBytes − 2r) / 4`.
///
/// ```swift
/// let budget = StreamBudget(maxBytes: 256 << 20)
/// budget.ringBytes(largestFrame: 4_000_000)   // what the kept frames may take
/// ```
public struct StreamBudget: Sendable, Equatable {
    /// The bound: `--max-bytes`.
    public let maxBytes: Int
    /// The reader's read size (``NPYStreamSource/readBytes``).
    public let readBytes: Int

    public init(maxBytes: Int, readBytes: Int = NPYStreamSource.readBytes) {
        self.maxBytes = maxBytes
        self.readBytes = readBytes
    }

    /// The budget of frames read but not yet taken by the screen (``LiveFeed``), a sixteenth of the bound.
    public var pendingBytes: Int { max(1, maxBytes / 16) }

    /// The largest frame accepted (as loaded): one that leaves the ring room for itself.
    public var frameLimit: Int { min(ReadLimits.maxBytes, max(1, (maxBytes - 2 * readBytes) / 4)) }

    /// What the frames not yet taken may hold when frames take up to `frame` bytes: the newest is always kept.
    public func heldPendingBytes(frame: Int) -> Int { max(pendingBytes, frame) }

    /// The reader's working set while it decodes a frame of `frame` bytes.
    public func readerBytes(frame: Int) -> Int { 2 * frame + 2 * readBytes }

    /// What the ring of kept frames may take when the largest frame so far has
    /// `largestFrame` bytes: the bound less the pending frames and the reader; at
    /// least one frame.
    public func ringBytes(largestFrame: Int) -> Int {
        max(largestFrame, maxBytes - heldPendingBytes(frame: largestFrame) - readerBytes(frame: largestFrame))
    }
}
