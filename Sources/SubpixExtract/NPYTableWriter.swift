import Foundation

/// The table as one NumPy structured array (`np.load(out)["x"]`): strings as fixed-width
/// `<U` fields, integers `<i8`, coordinates and values `<f8` (NaN in an empty
/// `--per-channel` row), `confident` `|b1`. Written whole when the run finishes.
public final class NPYTableWriter: RowWriter {
    private let path: String
    private let perChannel: Bool
    private var rows: [KeypointRow] = []

    public init(path: String, perChannel: Bool, overwrite: Bool) throws {
        guard overwrite || !FileManager.default.fileExists(atPath: path) else {
            throw ExtractError("\(path): the output exists; pass --force to overwrite it")
        }
        (self.path, self.perChannel) = (path, perChannel)
    }

    public var completed: Set<String> { [] }

    public func commit(_ inputs: [(input: String, rows: [KeypointRow])]) throws {
        for (_, rows) in inputs { self.rows += rows }
    }

    public func finish() throws {
        guard FileManager.default.createFile(atPath: path, contents: encoded()) else {
            throw ExtractError("\(path): cannot write the output")
        }
    }

    /// The `.npy` bytes: version 1.0 or 2.0 header, then the records.
    func encoded() -> Data {
        let texts: [(String, (KeypointRow) -> String)] = [("file", \.file), ("member", \.member), ("method", \.method)]
        let widths = Dictionary(uniqueKeysWithValues: texts.map { name, field in
            (name, max(1, rows.map { field($0).unicodeScalars.count }.max() ?? 1))
        })
        var fields: [(String, String)] = [("file", "<U\(widths["file"]!)"), ("member", "<U\(widths["member"]!)")]
        fields += ["frame", "batch", "channel"].map { ($0, "<i8") } + ["x", "y", "value"].map { ($0, "<f8") }
        fields.append(("method", "<U\(widths["method"]!)"))
        if perChannel { fields.append(("confident", "|b1")) }
        let descr = "[" + fields.map { "('\($0.0)', '\($0.1)')" }.joined(separator: ", ") + "]"
        var data = Self.preamble("{'descr': \(descr), 'fortran_order': False, 'shape': (\(rows.count),), }")
        for row in rows {
            Self.append(row.file, width: widths["file"]!, to: &data)
            Self.append(row.member, width: widths["member"]!, to: &data)
            for integer in [row.frame, row.batch, row.channel] { withUnsafeBytes(of: Int64(integer).littleEndian) { data.append(contentsOf: $0) } }
            for number in [row.x, row.y, row.value] {
                withUnsafeBytes(of: (number ?? .nan).bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
            Self.append(row.method, width: widths["method"]!, to: &data)
            if perChannel { data.append(row.confident == true ? 1 : 0) }
        }
        return data
    }

    /// The magic, version and header, padded with spaces to a multiple of 64 bytes.
    private static func preamble(_ header: String) -> Data {
        let long = header.utf8.count + 12 > 65_535
        let fixed = long ? 12 : 10
        let padding = (64 - (fixed + header.utf8.count + 1) % 64) % 64
        let text = header + String(repeating: " ", count: padding) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [long ? 2 : 1, 0])
        if long {
            withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { data.append(contentsOf: $0) }
        } else {
            withUnsafeBytes(of: UInt16(text.utf8.count).littleEndian) { data.append(contentsOf: $0) }
        }
        data.append(contentsOf: text.utf8)
        return data
    }

    /// `text` as `width` UTF-32LE code points, zero-padded.
    private static func append(_ text: String, width: Int, to data: inout Data) {
        var count = 0
        for scalar in text.unicodeScalars {
            withUnsafeBytes(of: scalar.value.littleEndian) { data.append(contentsOf: $0) }
            count += 1
        }
        data.append(contentsOf: [UInt8](repeating: 0, count: 4 * (width - count)))
    }
}
