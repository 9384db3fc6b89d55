import Foundation
import GRDB

/// The parts of the café migration that read the schema as it stands, so it does not depend on which
/// migrations of other branches ran before it.
enum CafeMigration {
    /// Adds `booked` to the states the `cases` table accepts. SQLite cannot change a CHECK constraint in
    /// place, so the table is rebuilt (``TableRebuild``) from its own definition with that one change:
    /// whatever columns earlier migrations gave it are kept.
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
        try TableRebuild.replace("cases", with: rebuilt, temporaryName: "cases_v8", db: db)
    }
}
