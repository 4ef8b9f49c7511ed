import ArgumentParser
import Foundation

/// `--max-bytes N`: the largest tensor a file or generator may create (default
/// 2 GiB, or `SUBPIX_MAX_BYTES`); a larger one is a one-line error, never an allocation.
struct MemoryLimitOption: ParsableArguments {
    @Option(name: .customLong("max-bytes"), help: "Largest tensor a file or generator may create, in bytes (default 2 GiB or $SUBPIX_MAX_BYTES); for live viewing also the bound of the frames held: kept, not yet shown, and the reader's buffers (default 256 MiB).")
    var maxBytes: Int?

    func validate() throws {
        if let maxBytes, maxBytes <= 0 { throw ValidationError("expected --max-bytes > 0, got \(maxBytes)") }
    }

    /// Makes the limit visible to the readers and generators (they read SUBPIX_MAX_BYTES).
    func apply() {
        if let maxBytes { setenv("SUBPIX_MAX_BYTES", String(maxBytes), 1) }
    }
}
