import Dispatch
import Foundation
import Subpix
import SubpixFiles
import Synchronization

/// One `subpix extract` run: decodes the inputs on `jobs` threads and writes their rows
/// in input order, whatever order the threads finish in.
///
/// Inputs are taken in chunks: a chunk is decoded in parallel, then its rows are
/// committed in order (a resumable output syncs once per chunk) on a thread of their
/// own while the next chunk is decoded (``BackgroundCommits``). A bad input is
/// reported on one line naming it and skipped; with `failFast` the run stops there,
/// after the rows of the inputs before it.
public struct Extraction {
    public var inputs: [ExtractInput]
    public var decoder: any MapDecoder
    public var jobs: Int
    public var failFast: Bool
    public var maxBytes: Int
    /// Files per chunk, 64 per job (a stream's frames are taken 4 per job at a time): a
    /// resumable output syncs once per chunk.
    public var chunkSize: Int

    public init(inputs: [ExtractInput], decoder: any MapDecoder, jobs: Int, failFast: Bool, maxBytes: Int) {
        (self.inputs, self.decoder, self.jobs, self.failFast, self.maxBytes) = (inputs, decoder, max(1, jobs), failFast, maxBytes)
        chunkSize = 64 * self.jobs
    }

    /// The inputs a run with `writer` has still to do: those it has not completed.
    public func remaining(after writer: any RowWriter) -> [ExtractInput] {
        let done = writer.completed
        return done.isEmpty ? inputs : inputs.filter { !done.contains($0.path) }
    }

    /// Runs over the inputs `writer` has not completed, reporting each bad input to `report`.
    ///
    /// - Throws: what the writer or opening a stream refuses (the run stops);
    ///   a bad input only counts in `progress`.
    public func run(writer: any RowWriter, progress: ExtractProgress, report: (String) -> Void) throws {
        let workers = (0..<jobs).map { _ in decoder.forWorker() }
        // Files are the parallel unit: with several jobs each op runs on its job's thread.
        let threads = Parallelism.maxThreads
        if jobs > 1 { Parallelism.maxThreads = 1 }
        defer { Parallelism.maxThreads = threads }
        let commits = BackgroundCommits(writer)
        do {
            try decode(remaining(after: writer)[...], workers, commits, progress, report)
        } catch {
            // The rows of the chunks before the failure are written all the same.
            try? commits.wait()
            throw error
        }
        try commits.wait()
    }

    /// Decodes `pending` chunk by chunk, handing each chunk's rows to `commits`.
    private func decode(_ pending: ArraySlice<ExtractInput>, _ workers: [any MapDecoder], _ commits: BackgroundCommits,
                        _ progress: ExtractProgress, _ report: (String) -> Void) throws {
        var pending = pending
        while !pending.isEmpty {
            // Consecutive files form a chunk; a stream is read and decoded chunk by chunk on its own.
            if case .stream(let path) = pending.first! {
                pending.removeFirst()
                let frames = try Self.frames(of: path, maxBytes: maxBytes)
                while true {
                    let chunk = Array(frames.prefix(4 * jobs))
                    guard !chunk.isEmpty else { break }
                    guard try process(chunk, workers, commits, progress, report) else { return }
                }
                continue
            }
            let files = pending.prefix { if case .file = $0 { true } else { false } }.prefix(chunkSize)
            pending.removeFirst(files.count)
            let chunk = files.map { WorkItem(input: $0.path, frame: 0, content: .file) }
            guard try process(chunk, workers, commits, progress, report) else { return }
        }
    }

    /// The rows of one file, decoded on this thread as a run decodes each: read, the
    /// decoder's op and keypoints, the rows (what `subpix bench`'s `extract_pose_file` times).
    ///
    /// - Throws: ``ExtractFailure``, one line naming the file.
    public static func rows(ofFile path: String, decoder: any MapDecoder, maxBytes: Int = ReadLimits.maxBytes) throws -> [KeypointRow] {
        try WorkItem(input: path, frame: 0, content: .file).rows(decoder, maxBytes: maxBytes)
    }

    /// Decodes `chunk` on the workers and queues its rows for commit in order; false when `failFast` stops the run.
    private func process(_ chunk: [WorkItem], _ workers: [any MapDecoder], _ commits: BackgroundCommits,
                         _ progress: ExtractProgress, _ report: (String) -> Void) throws -> Bool {
        let results = Mutex([Result<[KeypointRow], ExtractFailure>?](repeating: nil, count: chunk.count))
        let next = Atomic(0)
        let maxBytes = self.maxBytes
        DispatchQueue.concurrentPerform(iterations: min(workers.count, chunk.count)) { worker in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < chunk.count else { return }
                let result: Result<[KeypointRow], ExtractFailure>
                do {
                    result = .success(try chunk[index].rows(workers[worker], maxBytes: maxBytes))
                } catch let failure as ExtractFailure {
                    result = .failure(failure)
                } catch {
                    result = .failure(ExtractFailure(input: chunk[index].input, message: "\(error)"))
                }
                results.withLock { $0[index] = result }
                progress.advance(failed: (try? result.get()) == nil)
            }
        }
        var committed: [(input: String, rows: [KeypointRow])] = []
        var stopped = false
        for (item, result) in zip(chunk, results.withLock { $0 }) {
            switch result {
            case .success(let rows)?:
                committed.append((item.input, rows))
            case .failure(let failure)?:
                report(failure.description)
                stopped = failFast
            case nil:
                break
            }
            if stopped { break }
        }
        try commits.commit(committed) { progress.wrote(rows: $0) }
        return !stopped
    }

    /// The frames of the stream at `path`, each numbered, good or bad, in the order read.
    static func frames(of path: String, maxBytes: Int) throws -> AnyIterator<WorkItem> {
        let source = try NPYStreamSource(path: path, maxBytes: maxBytes)
        let name = path == "-" ? "<stdin>" : path
        var index = 0
        return AnyIterator {
            while let event = source.next() {
                switch event {
                case .frame(let tensor):
                    defer { index += 1 }
                    return WorkItem(input: path, frame: index, content: .frame(tensor))
                case .problem(let error):
                    defer { index += 1 }
                    var message = "\(error)"
                    if message.hasPrefix(name + ": ") { message.removeFirst(name.count + 2) }
                    return WorkItem(input: path, frame: index, content: .problem("frame \(index): " + message))
                case .ended:
                    continue
                }
            }
            return nil
        }
    }
}
