import Foundation
import GRDB

/// `subpix extract --merge PART... --output OUT`: the shards' outputs, concatenated in the
/// order given, as one table: CSV with one header, JSON Lines, or SQLite (each part
/// attached and its rows inserted in their order).
public enum ShardMerge {
    /// Merges `parts` into `output` (of the same kind); returns the rows written.
    ///
    /// - Throws: ``ExtractError`` for parts of another kind, a header that differs, a part
    ///   cut short (a last line without its newline), or an output that exists without `overwrite`.
    public static func merge(_ parts: [String], into output: String, overwrite: Bool) throws -> Int {
        let kind = try OutputKind(path: output)
        for part in parts where try OutputKind(path: part) != kind {
            throw ExtractError("--merge: expected parts of the output's kind (\((output as NSString).pathExtension)), got '\(part)'")
        }
        if FileManager.default.fileExists(atPath: output) {
            guard overwrite else { throw ExtractError("\(output): the output exists; pass --force to overwrite it") }
            for suffix in ["", "-wal", "-shm", "-journal", ".manifest"] { try? FileManager.default.removeItem(atPath: output + suffix) }
        }
        switch kind {
        case .text(let format): return try mergeText(parts, into: output, format: format)
        case .sqlite: return try mergeSQLite(parts, into: output)
        case .npy: throw ExtractError("--merge: expected .csv, .jsonl or .sqlite parts; merge .npy tables with NumPy (np.concatenate)")
        }
    }

    private static func mergeText(_ parts: [String], into output: String, format: RowFormat) throws -> Int {
        var header: Data?
        var body = Data()
        for part in parts {
            guard let data = FileManager.default.contents(atPath: part) else {
                throw ExtractError("\(part): cannot read the part")
            }
            guard data.isEmpty || data.last == UInt8(ascii: "\n") else {
                throw ExtractError("\(part): the part ends in a partial line; finish its shard with --resume first")
            }
            var rows = data[...]
            if format == .csv {
                let end = rows.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? rows.endIndex
                let first = Data(rows[..<end])
                if let header, header != first {
                    throw ExtractError("\(part): expected the header of the first part, \(String(decoding: header.dropLast(), as: UTF8.self)), got \(String(decoding: first.dropLast(), as: UTF8.self))")
                }
                header = header ?? first
                rows = rows[end...]
            }
            body.append(rows)
        }
        guard FileManager.default.createFile(atPath: output, contents: (header ?? Data()) + body) else {
            throw ExtractError("\(output): cannot write the output")
        }
        return body.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    private static func mergeSQLite(_ parts: [String], into output: String) throws -> Int {
        let database = try SQLiteWriter.open(output)
        let table = SQLiteWriter.table
        var rows = 0
        for part in parts {
            guard FileManager.default.fileExists(atPath: part) else { throw ExtractError("\(part): cannot read the part") }
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS part", arguments: [part])
                defer { try? db.execute(sql: "DETACH DATABASE part") }
                guard let schema = try String.fetchOne(db, sql: "SELECT sql FROM part.sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) else {
                    throw ExtractError("\(part): expected a table '\(table)' written by subpix extract, found none")
                }
                try db.inTransaction {
                    if try !db.tableExists(table, in: "main") {
                        try db.execute(sql: schema)
                        try db.execute(sql: "CREATE INDEX \(table)_file_batch_channel ON \(table)(file, batch, channel)")
                    }
                    let mine = try db.columns(in: table, in: "main").map(\.name)
                    let theirs = try Row.fetchAll(db, sql: "PRAGMA part.table_info(\(table))").map { $0["name"] as String }
                    guard mine == theirs else {
                        throw ExtractError("\(part): expected the columns of the first part, \(mine.joined(separator: ", ")), got \(theirs.joined(separator: ", "))")
                    }
                    try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM part.\(table) ORDER BY rowid")
                    rows += db.changesCount
                    return .commit
                }
            }
        }
        try database.close()
        return rows
    }
}
