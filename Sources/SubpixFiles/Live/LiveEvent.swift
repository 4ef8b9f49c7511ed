import Subpix

/// What a live source (a stream of arrays, or a followed file) reports.
public enum LiveEvent: Sendable, Equatable {
    /// A new frame, with the batch and channel axes of the load shape rule.
    case frame(AnyTensor)
    /// A bad frame or a file that does not parse (yet); the source goes on.
    case problem(FormatError)
    /// The stream has ended after this many good frames (a followed file never ends).
    case ended(frames: Int)
}

/// A blocking source of ``LiveEvent``s, read by one thread; ``cancel()`` may come from any other.
public protocol LiveSource: AnyObject, Sendable {
    /// Blocks until the next event; `nil` once the source has ended or was cancelled.
    func next() -> LiveEvent?
    /// Makes a waiting or later ``next()`` return `nil` within about a tenth of a second.
    func cancel()
    /// Bytes skipped so far because they were no part of a frame (garbage between the
    /// arrays of a stream); read from any thread.
    var bytesSkipped: Int { get }
}

extension LiveSource {
    /// A source whose every read is one whole frame or one problem skips no bytes.
    public var bytesSkipped: Int { 0 }
}

extension AnyTensor {
    /// The bytes its elements take.
    public var byteCount: Int { count * (dtype == .float32 ? 4 : 8) }
}
