package import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a consistent copy of the whole database to a new file in `directory` (created 0700 when
    /// missing), with SQLite's online backup from one read snapshot, while intake and dispatch go on
    /// writing. The copy is mode 0600 and opens as a Mentorline database of this schema. Audited
    /// (`backup` by `actor`).
    package func backup(into directory: URL, actor: String, now: Date) async throws -> BackupSummary {
        let manager = FileManager.default
        if !manager.fileExists(atPath: directory.path) {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let path = directory.appendingPathComponent(Self.backupFileName(at: now)).path
        try DatabaseFiles.createPrivate(path)
        let pool = self.pool
        let cases: Int
        do {
            // The backup API blocks while it copies: run it off the cooperative threads.
            cases = try await Self.offload {
                let destination = try DatabaseQueue(path: path)
                try pool.backup(to: destination)
                let cases = try destination.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases") ?? 0 }
                try destination.close()
                return cases
            }
            try DatabaseFiles.narrowCompanions(of: path)
        } catch {
            try? manager.removeItem(atPath: path)
            throw error
        }
        let bytes = (try manager.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        try await pool.write { db in
            try self.audit(
                actor: actor, action: "backup", subject: "database",
                detail: ["file": (path as NSString).lastPathComponent, "bytes": "\(bytes)", "cases": "\(cases)"], now: now, db: db
            )
        }
        return BackupSummary(path: path, bytes: bytes, cases: cases, takenAt: now)
    }

    /// `mentorline-20261123T030000Z-5f2a9c.sqlite`: sortable by time, unique within a second.
    static func backupFileName(at now: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let stamp = "\(parts.year ?? 0)\(two(parts.month))\(two(parts.day))T\(two(parts.hour))\(two(parts.minute))\(two(parts.second))Z"
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "mentorline-\(stamp)-\(suffix).sqlite"
    }

    /// Runs blocking work on a global dispatch queue and awaits its result.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
