/// Where `subpix extract` writes its table: stdout, a CSV or JSON Lines file with a
/// resume manifest, an `.npy` file, or an SQLite database.
public protocol RowWriter: AnyObject {
    /// The inputs whose rows the output already holds whole (read by `--resume`); a run skips them.
    var completed: Set<String> { get }
    /// Writes the rows of consecutive inputs, in this order, each input's rows whole
    /// and, for a resumable output, durably before the input is marked complete.
    func commit(_ inputs: [(input: String, rows: [KeypointRow])]) throws
    /// Completes the output.
    func finish() throws
}

/// What the table goes to, chosen by `--output`'s extension (stdout without it).
public enum OutputKind: Sendable, Equatable {
    case text(RowFormat)
    case npy
    case sqlite

    /// The kind `path`'s extension names.
    ///
    /// - Throws: ``ExtractError`` naming the extensions there are.
    public init(path: String) throws {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "csv": self = .text(.csv)
        case "jsonl": self = .text(.jsonl)
        case "npy": self = .npy
        case "sqlite", "db", "sqlite3": self = .sqlite
        default: throw ExtractError("--output: expected a .csv, .jsonl, .npy or .sqlite file, got '\(path)'")
        }
    }
}

/// A one-line error of `subpix extract` about its command line or its output.
public struct ExtractError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
