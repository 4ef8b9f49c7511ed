import Foundation
import GRDB

/// The table in an SQLite database: one table, `keypoints`, with the table's columns
/// and an index on `(file, batch, channel)`; each input's rows in one transaction.
///
/// The inputs a database already holds rows of are complete (their transaction
/// committed), so `--resume` skips them; an input that gave no rows is decoded again,
/// giving none again. The database is written in WAL mode, which a kill leaves
/// consistent, and returned to a single file when the run finishes.
public final class SQLiteWriter: RowWriter {
    /// The table's name.
    public static let table = "keypoints"
    private let path: String
    private let database: DatabaseQueue
    private let perChannel: Bool
    public private(set) var completed: Set<String> = []

    public init(path: String, perChannel: Bool, resume: Bool, overwrite: Bool) throws {
        (self.path, self.perChannel) = (path, perChannel)
        let exists = FileManager.default.fileExists(atPath: path)
        if exists && !resume {
            guard overwrite else { throw ExtractError("\(path): the output exists; pass --resume to continue it or --force to overwrite it") }
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        database = try Self.open(path)
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let columns = KeypointRow.columns(perChannel: perChannel)
        try database.write { db in
            if try db.tableExists(Self.table) {
                let existing = try db.columns(in: Self.table).map(\.name)
                guard existing == columns else {
                    throw ExtractError("--resume: \(path)'s table has the columns \(existing.joined(separator: ", ")), not this run's \(columns.joined(separator: ", ")); resume with the same options")
                }
                completed = Set(try String.fetchAll(db, sql: "SELECT DISTINCT file FROM \(Self.table)"))
            } else {
                try db.execute(sql: Self.schema(perChannel: perChannel))
                try db.execute(sql: "CREATE INDEX \(Self.table)_file_batch_channel ON \(Self.table)(file, batch, channel)")
            }
        }
    }

    /// `CREATE TABLE keypoints (...)` with the table's columns.
    static func schema(perChannel: Bool) -> String {
        let types = ["file": "TEXT NOT NULL", "member": "TEXT NOT NULL", "frame": "INTEGER NOT NULL", "batch": "INTEGER NOT NULL",
                     "channel": "INTEGER NOT NULL", "x": "REAL", "y": "REAL", "value": "REAL", "method": "TEXT NOT NULL",
                     "confident": "INTEGER NOT NULL"]
        let columns = KeypointRow.columns(perChannel: perChannel).map { "\($0) \(types[$0] ?? "")" }
        return "CREATE TABLE \(table) (\(columns.joined(separator: ", ")))"
    }

    static func open(_ path: String) throws -> DatabaseQueue {
        do {
            return try DatabaseQueue(path: path)
        } catch {
            throw ExtractError("\(path): cannot open the database: \(error)")
        }
    }

    public func commit(_ inputs: [(input: String, rows: [KeypointRow])]) throws {
        let placeholders = Array(repeating: "?", count: KeypointRow.columns(perChannel: perChannel).count).joined(separator: ", ")
        let sql = "INSERT INTO \(Self.table) VALUES (\(placeholders))"
        for (input, rows) in inputs {
            try database.write { db in
                let insert = try db.cachedStatement(sql: sql)
                for row in rows {
                    var values: [(any DatabaseValueConvertible)?] = [
                        row.file, row.member, row.frame, row.batch, row.channel, row.x, row.y, row.value, row.method,
                    ]
                    if perChannel { values.append(row.confident ?? false) }
                    try insert.execute(arguments: StatementArguments(values))
                }
            }
            completed.insert(input)
        }
    }

    public func finish() throws {
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        try database.close()
    }
}
