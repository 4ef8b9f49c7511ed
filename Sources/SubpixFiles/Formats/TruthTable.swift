import Foundation

/// Ground truth from a CSV (`subpix view FILE --truth truth.csv`): a header naming the
/// columns `x` and `y` (pixels, `x` the column) and optionally `batch` and `channel`, in
/// any order, other columns ignored; one row per true peak. A row without `batch` or
/// `channel` is a peak of every map along that axis.
public enum TruthTable {
    /// One true peak, and the map it belongs to when the table says.
    public struct Point: Sendable, Equatable {
        public var batch: Int?
        public var channel: Int?
        public var x: Double
        public var y: Double

        public init(batch: Int?, channel: Int?, x: Double, y: Double) {
            (self.batch, self.channel, self.x, self.y) = (batch, channel, x, y)
        }

        /// Whether the point belongs to map (`batch`, `channel`).
        public func belongs(toBatch batch: Int, channel: Int) -> Bool {
            (self.batch ?? batch) == batch && (self.channel ?? channel) == channel
        }
    }

    /// The rows of the table at `path`.
    public static func read(_ path: String) throws -> [Point] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(path, "cannot read the ground-truth file")
        }
        guard data.count <= ReadLimits.maxBytes else {
            throw FormatError(path, "the ground-truth file is over the \(ReadLimits.maxBytes)-byte limit (\(ReadLimits.raiseHint))")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// The rows of CSV `text` (`path` names it in errors).
    public static func parse(_ text: String, path: String) throws -> [Point] {
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw FormatError(path, "expected a header with the columns x and y, got an empty file") }
        let header = lines.removeFirst().lowercased().split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let xColumn = header.firstIndex(of: "x"), let yColumn = header.firstIndex(of: "y") else {
            throw FormatError(path, "expected a header with the columns x and y (and optionally batch, channel), got \(header.joined(separator: ","))")
        }
        let (batchColumn, channelColumn) = (header.firstIndex(of: "batch"), header.firstIndex(of: "channel"))
        return try lines.enumerated().map { number, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func failure(_ expected: String) -> FormatError {
                FormatError(path, "line \(number + 2): expected \(expected), got '\(line)'")
            }
            guard fields.count == header.count else { throw failure("\(header.count) fields as in the header") }
            guard let x = Double(fields[xColumn]), let y = Double(fields[yColumn]), x.isFinite, y.isFinite else {
                throw failure("finite numbers for x and y")
            }
            func index(_ column: Int?) throws -> Int? {
                guard let column else { return nil }
                guard let value = Int(fields[column]), value >= 0 else { throw failure("a non-negative integer for \(header[column])") }
                return value
            }
            return Point(batch: try index(batchColumn), channel: try index(channelColumn), x: x, y: y)
        }
    }
}
