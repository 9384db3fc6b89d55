import Foundation
import GRDB

/// The v10 migration: stored tokens for advice-café volunteers.
enum TokenMigration {
    /// The `api_tokens` table as v10 defines it: v7's, with `volunteer` among the kinds and a `volunteer`
    /// column that volunteer tokens, and only they, fill.
    static let table = """
        CREATE TABLE api_tokens_v10 (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('intake', 'mentor', 'admin', 'volunteer')),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
            mentor TEXT,
            volunteer TEXT,
            token_sha256 BLOB NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
            created_at REAL NOT NULL,
            created_by TEXT NOT NULL,
            expires_at REAL,
            last_used_at REAL,
            revoked_at REAL,
            revoked_by TEXT,
            -- A mentor token acts for exactly one mentor, a volunteer token for exactly one volunteer; no
            -- other kind names either.
            CHECK ((kind = 'mentor') = (mentor IS NOT NULL)),
            CHECK ((kind = 'volunteer') = (volunteer IS NOT NULL)),
            CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
            CHECK (expires_at IS NULL OR expires_at > created_at)
        )
        """

    /// What a token is and grants never changes, `volunteer` included.
    static let fixedTrigger = """
        CREATE TRIGGER api_tokens_fixed
            BEFORE UPDATE OF id, kind, name, mentor, volunteer, token_sha256, created_at, created_by, expires_at ON api_tokens
            BEGIN SELECT RAISE(ABORT, 'a token cannot be changed, only revoked'); END
        """

    /// Rebuilds `api_tokens` as ``table`` (``TableRebuild``): SQLite cannot change a CHECK constraint in
    /// place. Every row is copied (their `volunteer` is null: no kind could name one before), and
    /// `api_tokens_fixed` is then made again as ``fixedTrigger``.
    static func allowVolunteerTokens(_ db: Database) throws {
        guard let create = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'api_tokens'") else {
            throw StoreError(.database, "the api_tokens table is missing")
        }
        guard !create.contains("'volunteer'") else { return }
        let columns = try db.columns(in: "api_tokens").map(\.name)
        try TableRebuild.replace("api_tokens", with: table, temporaryName: "api_tokens_v10", columns: columns, db: db)
        // The stored definition of the old trigger does not name `volunteer`.
        try db.execute(sql: "DROP TRIGGER IF EXISTS api_tokens_fixed")
        try db.execute(sql: fixedTrigger)
    }
}
