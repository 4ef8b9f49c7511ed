/// The largest tensor a reader may allocate, in bytes: `SUBPIX_MAX_BYTES`, else 2 GiB.
public enum ReadLimits {
    public static let defaultMaxBytes = 2 << 30
    /// How a user raises the limit, for errors: every command takes `--max-bytes`, which sets the variable.
    public static let raiseHint = "raise it with --max-bytes or SUBPIX_MAX_BYTES"

    public static var maxBytes: Int {
        if let text = getenvString("SUBPIX_MAX_BYTES"), let value = Int(text), value > 0 { return value }
        return defaultMaxBytes
    }

    /// Throws unless `shape` has non-negative axes whose product of `elementSize`-byte elements fits `maxBytes`.
    static func check(_ shape: [Int], elementSize: Int, path: String, maxBytes: Int) throws -> Int {
        var count = 1
        for size in shape {
            guard size >= 0 else { throw FormatError(path, "expected non-negative axis sizes, got \(shape)") }
            let (next, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { throw FormatError(path, "shape \(shape) has more elements than can be counted") }
            count = next
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: max(elementSize, 4))
        guard !overflow, bytes <= maxBytes else {
            throw FormatError(path, "shape \(shape) needs more than the \(maxBytes)-byte limit (\(raiseHint))")
        }
        return count
    }
}
