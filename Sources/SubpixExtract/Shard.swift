import SubpixLanguage

/// `--shard i/n`: the `i`-th of `n` contiguous, disjoint blocks of the sorted inputs,
/// so that the shards' outputs, concatenated in shard order (`--merge`), are one run's.
///
/// `--shard auto` takes `i` and `n` from the scheduler: `SLURM_ARRAY_TASK_ID` and
/// `SLURM_ARRAY_TASK_COUNT` (a Slurm job array `--array=0-(n-1)`), else
/// `JOB_COMPLETION_INDEX` (a Kubernetes Indexed Job) with the count given as `auto/n`.
public struct Shard: Sendable, Equatable {
    /// From 0.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) {
        (self.index, self.count) = (index, count)
    }

    /// Parses `i/n`, `auto` or `auto/n`, reading `environment` for `auto`.
    ///
    /// - Throws: ``ScriptError`` naming what was expected and what was given.
    public init(parsing text: String, environment: [String: String]) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count) else { throw ScriptError("--shard: expected i/n, auto or auto/n, got '\(text)'") }
        let givenCount = try parts.count == 2 ? Self.number(parts[1], "n", of: text) : nil
        if parts[0] == "auto" {
            (index, count) = try Self.scheduled(environment, count: givenCount)
        } else {
            guard let givenCount else { throw ScriptError("--shard: expected i/n, auto or auto/n, got '\(text)'") }
            (index, count) = (try Self.number(parts[0], "i", of: text), givenCount)
        }
        guard count >= 1, (0..<count).contains(index) else {
            throw ScriptError("--shard: expected 0 <= i < n with n >= 1, got \(index)/\(count)")
        }
    }

    /// This shard's block of `inputs`: the `index`-th of `count` blocks whose sizes differ by at most one.
    public func share<Element>(of inputs: [Element]) -> ArraySlice<Element> {
        inputs[inputs.count * index / count ..< inputs.count * (index + 1) / count]
    }

    /// `i` and `n` from Slurm's variables, else from Kubernetes' index and `count`.
    private static func scheduled(_ environment: [String: String], count: Int?) throws -> (Int, Int) {
        if let id = environment["SLURM_ARRAY_TASK_ID"] {
            let index = try number(id, "SLURM_ARRAY_TASK_ID", of: id)
            let taskCount = try environment["SLURM_ARRAY_TASK_COUNT"].map { try number($0, "SLURM_ARRAY_TASK_COUNT", of: $0) }
            guard let total = count ?? taskCount else {
                throw ScriptError("--shard auto: SLURM_ARRAY_TASK_ID is set but not SLURM_ARRAY_TASK_COUNT; give the count as --shard auto/n")
            }
            // Slurm numbers tasks from --array's first index; an array 1-n shifts them.
            let first = try environment["SLURM_ARRAY_TASK_MIN"].map { try number($0, "SLURM_ARRAY_TASK_MIN", of: $0) } ?? 0
            return (index - first, total)
        }
        if let id = environment["JOB_COMPLETION_INDEX"] {
            guard let count else {
                throw ScriptError("--shard auto: JOB_COMPLETION_INDEX gives the index but not the count; give it as --shard auto/n (the Job's completions)")
            }
            return (try number(id, "JOB_COMPLETION_INDEX", of: id), count)
        }
        throw ScriptError("--shard auto: expected SLURM_ARRAY_TASK_ID (a Slurm job array) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) in the environment, found neither")
    }

    private static func number(_ text: String, _ name: String, of whole: String) throws -> Int {
        guard let value = Int(text), value >= 0 else {
            throw ScriptError("--shard: expected \(name) to be a whole number >= 0, got '\(text)'\(text == whole ? "" : " in '\(whole)'")")
        }
        return value
    }
}
