import Foundation
import Subpix

/// Runs workloads and reports their timings as text or as kornia-suite JSON.
public struct BenchRun {
    public var threads: Int
    public var repetitions: Int
    /// The kornia release the ops follow.
    public var version: KorniaVersion
    /// Called with each workload's name before it runs (progress on a terminal).
    public var progress: (String) -> Void

    public init(threads: Int, repetitions: Int, version: KorniaVersion = .default, progress: @escaping (String) -> Void = { _ in }) {
        self.threads = threads
        self.repetitions = repetitions
        self.version = version
        self.progress = progress
    }

    /// Times each workload with ``Parallelism/maxThreads`` set to `threads`.
    public func measure(_ workloads: [Workload]) throws -> [(name: String, timing: Measurement)] {
        let previous = Parallelism.maxThreads
        Parallelism.maxThreads = threads
        defer { Parallelism.maxThreads = previous }
        return try workloads.map { workload in
            progress(workload.name)
            let body = try workload.prepare(version)
            return (workload.name, try Measurement.timing(repetitions: repetitions, body))
        }
    }

    /// `{"name": {"median_ms": .., "min_ms": ..}}`, the shape of the kornia suite's `--json`.
    public static func json(_ results: [(name: String, timing: Measurement)]) -> String {
        let entries = results.map {
            "\"\($0.name)\": {\"median_ms\": \($0.timing.medianMilliseconds), \"min_ms\": \($0.timing.minimumMilliseconds)}"
        }
        return "{" + entries.joined(separator: ", ") + "}"
    }

    /// One aligned line per workload, as the kornia suite prints them.
    public static func table(_ results: [(name: String, timing: Measurement)]) -> String {
        results.map {
            Suite.column($0.name)
                + " median " + String(format: "%9.3f", $0.timing.medianMilliseconds) + " ms   min "
                + String(format: "%9.3f", $0.timing.minimumMilliseconds) + " ms"
        }.joined(separator: "\n")
    }
}
