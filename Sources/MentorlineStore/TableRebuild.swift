import GRDB

/// Replaces a table with a new definition of it, for what SQLite cannot change in place (a CHECK
/// constraint): the new table is made under a temporary name, the rows are copied, the old table is
/// dropped and the new one renamed, and the table's indexes and triggers are made again from their
/// stored definitions. Triggers of other tables that name it would stop the rename while it is gone;
/// they are dropped for the swap and made again after it.
enum TableRebuild {
    /// - Parameters:
    ///   - table: the table to replace.
    ///   - definition: `CREATE TABLE <temporaryName> (…)`, the new definition.
    ///   - columns: the columns to copy, by name; nil copies every column in order (`SELECT *`), for a
    ///     definition with the same columns.
    static func replace(_ table: String, with definition: String, temporaryName: String, columns: [String]? = nil, db: Database) throws {
        let dependents = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name
            """, arguments: [table])
        let naming = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name != ? AND sql LIKE ? ORDER BY name
            """, arguments: [table, "%\(table)%"])
        try db.execute(sql: definition)
        if let columns {
            let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            try db.execute(sql: "INSERT INTO \"\(temporaryName)\" (\(list)) SELECT \(list) FROM \"\(table)\"")
        } else {
            try db.execute(sql: "INSERT INTO \"\(temporaryName)\" SELECT * FROM \"\(table)\"")
        }
        for trigger in naming { try db.execute(sql: "DROP TRIGGER \"\(trigger["name"] as String)\"") }
        try db.execute(sql: "DROP TABLE \"\(table)\"")
        try db.execute(sql: "ALTER TABLE \"\(temporaryName)\" RENAME TO \"\(table)\"")
        for statement in dependents { try db.execute(sql: statement) }
        for trigger in naming { try db.execute(sql: trigger["sql"] as String) }
    }
}
