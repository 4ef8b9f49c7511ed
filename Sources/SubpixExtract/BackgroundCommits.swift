import Dispatch
import Synchronization

/// Commits chunks of rows to a ``RowWriter`` on a thread of its own, in order and one
/// chunk at a time, while the next chunk is decoded: formatting a chunk's rows and
/// syncing them (a resumable output syncs once per chunk) no longer leaves the
/// decoding threads idle. At most one chunk waits to be written; a commit's error is
/// thrown by the next call.
final class BackgroundCommits: @unchecked Sendable {
    // Touched only on `queue`, one commit at a time, or after `wait()`.
    private let writer: any RowWriter
    private let queue = DispatchQueue(label: "subpix.extract.commits")
    private let pending = DispatchGroup()
    private let failure = Mutex<(any Error)?>(nil)

    init(_ writer: any RowWriter) {
        self.writer = writer
    }

    /// Waits for the chunk before, then queues `inputs`' rows for commit; `written`
    /// gets their row count once they are committed.
    ///
    /// - Throws: the error of the chunk before's commit.
    func commit(_ inputs: [(input: String, rows: [KeypointRow])], then written: @escaping @Sendable (Int) -> Void) throws {
        try wait()
        pending.enter()
        queue.async { [self] in
            defer { pending.leave() }
            do {
                try writer.commit(inputs)
                written(inputs.reduce(0) { $0 + $1.rows.count })
            } catch {
                failure.withLock { $0 = error }
            }
        }
    }

    /// Waits until every queued chunk is committed.
    ///
    /// - Throws: the error of a commit that failed.
    func wait() throws {
        pending.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
