import Foundation
import Subpix

/// Runs a ``LiveSource`` on its own thread and hands its events to the UI
/// thread, which takes them with ``drain()`` and never waits.
///
/// The source is read as fast as it delivers, so a producer writing into a
/// FIFO is not held back by a slow viewer. Frames the UI has not taken yet are
/// kept up to `pendingBytes` (always at least the newest one); older pending
/// frames are dropped and counted in ``dropped``.
///
/// ```swift
/// let feed = LiveFeed(source: try NPYStreamSource(path: "heat.fifo", maxBytes: limit), pendingBytes: limit / 4)
/// for event in feed.drain() { ... }   // in the UI loop, every tick
/// feed.stop()
/// ```
public final class LiveFeed: @unchecked Sendable {
    private let source: LiveSource
    private let pendingBytes: Int
    private let lock = NSLock()
    private var pending: [LiveEvent] = []
    private var droppedFrames = 0

    /// Starts reading `source` on a new thread.
    public init(source: LiveSource, pendingBytes: Int) {
        self.source = source
        self.pendingBytes = pendingBytes
        let thread = Thread { [self] in
            while let event = source.next() { post(event) }
        }
        thread.name = "subpix live feed"
        thread.start()
    }

    /// The events since the last call, oldest first; never blocks.
    public func drain() -> [LiveEvent] {
        lock.withLock {
            defer { pending.removeAll() }
            return pending
        }
    }

    /// Frames dropped because the UI had not taken them before newer ones filled the budget.
    public var dropped: Int { lock.withLock { droppedFrames } }

    /// Bytes the source skipped between frames (``LiveSource/bytesSkipped``).
    public var bytesSkipped: Int { source.bytesSkipped }

    /// Stops the reading thread (within about a tenth of a second).
    public func stop() { source.cancel() }

    private func post(_ event: LiveEvent) {
        lock.withLock {
            pending.append(event)
            guard case .frame = event else { return }
            var bytes = pending.reduce(0) { total, event in
                if case .frame(let tensor) = event { return total + tensor.byteCount }
                return total
            }
            while bytes > pendingBytes, let oldest = pending.firstIndex(where: { if case .frame = $0 { true } else { false } }),
                  oldest != pending.count - 1, case .frame(let tensor) = pending[oldest] {
                pending.remove(at: oldest)
                bytes -= tensor.byteCount
                droppedFrames += 1
            }
        }
    }
}
