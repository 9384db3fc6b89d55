import Foundation
import GRDB
import MentorlineCore

/// The embedded store: one SQLite file in WAL mode with `synchronous=FULL`, so a committed
/// transaction survives a power cut. One pool for the life of the process; migrations run on open.
package final class SQLiteStore: CaseStore {
    let pool: DatabasePool
    let identifiers = IdentifierGenerator()
    /// The database file.
    package let path: String

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema. The file
    /// and its `-wal` and `-shm` companions are made readable by the owner only (0600).
    package init(path: String) throws {
        self.path = path
        try DatabaseFiles.makePrivate(path)
        var configuration = Configuration()
        configuration.label = "mentorline"
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB sets synchronous=NORMAL on the writer when it enables WAL; a committed case must survive a
        // power cut, so the one writer connection (kept for the pool's life) is switched to FULL afterwards.
        // secure_delete=FAST zeroes the space a rewritten or deleted row leaves in its page at no extra I/O,
        // so erased personal data does not linger in free space; erasure itself runs with it ON.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA secure_delete = FAST")
        }
        try Migrations.migrator.migrate(pool)
        try DatabaseFiles.narrowCompanions(of: path)
    }

    /// The names of the applied migrations, oldest first.
    package func appliedMigrations() throws -> [String] {
        try pool.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    package func checkWritable() async throws {
        try await pool.write { db in try db.execute(sql: "SELECT 1") }
    }

    /// The value of a PRAGMA on a writer connection, for checks and diagnostics.
    package func pragma(_ name: String) throws -> String? {
        try pool.write { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }
}

// MARK: - Column encodings

extension Date {
    /// Stored as seconds since 1970 in a REAL column.
    var storedValue: Double { timeIntervalSince1970 }

    init(stored: Double) { self.init(timeIntervalSince1970: stored) }
}

enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, context: @autoclosure () -> String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw StoreError(.corruptRow, context())
        }
    }
}
