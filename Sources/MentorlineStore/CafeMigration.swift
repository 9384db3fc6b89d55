import Foundation
import GRDB

/// The parts of the café migration that read the schema as it stands, so it does not depend on which
/// migrations of other branches ran before it.
enum CafeMigration {
    /// Adds `booked` to the states the `cases` table accepts. SQLite cannot change a CHECK constraint in
    /// place, so the table is rebuilt from its own definition with that one change, its rows copied and
    /// its indexes and triggers (and other tables' triggers that name it) made again: whatever columns
    /// earlier migrations gave it are kept.
    static func allowBookedCases(_ db: Database) throws {
        guard let create = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'cases'") else {
            throw StoreError(.database, "the cases table is missing")
        }
        guard !create.contains("'booked'") else { return }
        guard let state = create.range(of: "'unroutable'") else { throw StoreError(.database, "the cases state check has no 'unroutable'") }
        var rebuilt = create.replacingCharacters(in: state, with: "'unroutable', 'booked'")
        guard let name = rebuilt.range(of: #"CREATE TABLE\s+"?cases"?\s*\("#, options: .regularExpression) else {
            throw StoreError(.database, "cannot read the cases table's definition")
        }
        rebuilt.replaceSubrange(name, with: "CREATE TABLE cases_v8 (")
        let dependents = try String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_master WHERE tbl_name = 'cases' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name"
        )
        // Triggers of other tables that name `cases` (the trail's append-only rule looks a case up) would
        // stop the rename while `cases` is gone: they are dropped for the swap and made again after it.
        let naming = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name != 'cases' AND sql LIKE '%cases%' ORDER BY name
            """)
        try db.execute(sql: rebuilt)
        try db.execute(sql: "INSERT INTO cases_v8 SELECT * FROM cases")
        for trigger in naming { try db.execute(sql: "DROP TRIGGER \(trigger["name"] as String)") }
        try db.execute(sql: "DROP TABLE cases")
        try db.execute(sql: "ALTER TABLE cases_v8 RENAME TO cases")
        for statement in dependents { try db.execute(sql: statement) }
        for trigger in naming { try db.execute(sql: trigger["sql"] as String) }
    }
}
