package import Foundation
import GRDB
import MentorlineCore

extension SQLiteStore {
    package func storedTokens() async throws -> [StoredToken] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_tokens ORDER BY created_at, id").map(Self.storedToken)
        }
    }

    package func createToken(_ token: StoredToken) async throws -> TokenCreation {
        try await pool.write { db in
            // The partial unique index refuses the same name twice too; asking first keeps the answer
            // a value instead of a constraint error.
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM api_tokens WHERE name = ? AND revoked_at IS NULL", arguments: [token.name]) == true {
                return .nameInUse
            }
            try db.execute(sql: """
                INSERT INTO api_tokens (id, kind, name, mentor, volunteer, token_sha256, created_at, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    token.id.rawValue, token.kind.rawValue, token.name, token.mentor?.rawValue, token.volunteer?.rawValue, Data(token.sha256),
                    token.createdAt.storedValue, token.createdBy, token.expiresAt?.storedValue,
                ])
            var detail = ["kind": token.kind.rawValue, "name": token.name]
            if let mentor = token.mentor { detail["mentor"] = mentor.rawValue }
            if let volunteer = token.volunteer { detail["volunteer"] = volunteer.rawValue }
            if let expiresAt = token.expiresAt { detail["expires"] = "\(expiresAt.timeIntervalSince1970)" }
            try self.audit(actor: token.createdBy, action: "token.create", subject: "token:\(token.id)", detail: detail, now: token.createdAt, db: db)
            return .created
        }
    }

    package func revokeToken(_ id: APITokenID, by actor: String, now: Date) async throws -> TokenRevocation {
        try await pool.write { db in
            guard var token = try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE id = ?", arguments: [id.rawValue]).map(Self.storedToken) else {
                return .notFound
            }
            guard token.revokedAt == nil else { return .alreadyRevoked(token) }
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ?", arguments: [now.storedValue, actor, id.rawValue])
            try self.audit(
                actor: actor, action: "token.revoke", subject: "token:\(id)", detail: ["kind": token.kind.rawValue, "name": token.name], now: now, db: db
            )
            token.revokedAt = now
            token.revokedBy = actor
            return .revoked(token)
        }
    }

    package func recordTokenUse(_ uses: [APITokenID: Date]) async throws {
        guard !uses.isEmpty else { return }
        try await pool.write { db in
            let statement = try db.cachedStatement(
                sql: "UPDATE api_tokens SET last_used_at = MAX(COALESCE(last_used_at, 0), ?) WHERE id = ?"
            )
            for (id, at) in uses { try statement.execute(arguments: [at.storedValue, id.rawValue]) }
        }
    }

    private static func storedToken(_ row: Row) throws -> StoredToken {
        let id = APITokenID(row["id"] as String)
        guard let kind = StoredTokenKind(rawValue: row["kind"]) else { throw StoreError(.corruptRow, "kind of token \(id)") }
        let mentor: String? = row["mentor"]
        let volunteer: String? = row["volunteer"]
        let digest: Data = row["token_sha256"]
        let expiresAt: Double? = row["expires_at"]
        let lastUsedAt: Double? = row["last_used_at"]
        let revokedAt: Double? = row["revoked_at"]
        return StoredToken(
            id: id, kind: kind, name: row["name"], mentor: mentor.map(MentorID.init), volunteer: volunteer.map(VolunteerID.init), sha256: Array(digest), createdAt: Date(stored: row["created_at"]),
            createdBy: row["created_by"], expiresAt: expiresAt.map(Date.init(stored:)), lastUsedAt: lastUsedAt.map(Date.init(stored:)),
            revokedAt: revokedAt.map(Date.init(stored:)), revokedBy: row["revoked_by"]
        )
    }
}
